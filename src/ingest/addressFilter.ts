import ipaddr from 'ipaddr.js';

/**
 * IPv6 ranges whose last 32 bits are the IPv4 address the packets end up at: IPv4-mapped
 * (::ffff:0:0/96), IPv4-compatible (::/96, deprecated, still routed by some stacks) and the
 * well-known NAT64 prefix (64:ff9b::/96, how an IPv6-only host reaches IPv4 sites). Such an
 * address is judged as the IPv4 address it carries. 6to4 (2002::/16), Teredo (2001::/32) and
 * local-use NAT64 (64:ff9b:1::/48) are not listed: they reach IPv4 hosts through relays or
 * site-chosen layouts, and their ranges are never treated as public, whatever they embed.
 */
const IPV4_CARRYING_RANGES: readonly [ipaddr.IPv6, number][] = [
  ipaddr.IPv6.parseCIDR('::ffff:0:0/96'),
  ipaddr.IPv6.parseCIDR('::/96'),
  ipaddr.IPv6.parseCIDR('64:ff9b::/96'),
];

/** `::` and `::1` are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones. */
const IPV6_UNSPECIFIED_AND_LOOPBACK = ipaddr.IPv6.parseCIDR('::/127');

/** The IPv4 address an IPv6 address carries (see IPV4_CARRYING_RANGES); null for any other address. */
export function embeddedIPv4(address: string): string | null {
  if (!ipaddr.IPv6.isValid(address)) return null;
  const parsed = ipaddr.IPv6.parse(address);
  if (parsed.match(IPV6_UNSPECIFIED_AND_LOOPBACK)) return null;
  if (!IPV4_CARRYING_RANGES.some((range) => parsed.match(range))) return null;
  return new ipaddr.IPv4(parsed.toByteArray().slice(12)).toString();
}

/** The address the filter judges: the IPv4 address an IPv6 one carries, else the address itself. */
function judgedAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  const ipv4 = embeddedIPv4(address);
  return ipv4 ? ipaddr.IPv4.parse(ipv4) : ipaddr.parse(address);
}

/** Whether an address is on the public internet (not loopback, private, link-local, reserved, …). */
export function isPublicAddress(address: string): boolean {
  return judgedAddress(address)?.range() === 'unicast';
}

/** Public addresses, and the others only within the allowed ranges (matched against the address judged). */
export function isAllowedAddress(address: string, allowedPrivateRanges: readonly string[]): boolean {
  if (isPublicAddress(address)) return true;
  const judged = judgedAddress(address);
  if (!judged) return false;
  return allowedPrivateRanges.some((range) => {
    const cidr = ipaddr.parseCIDR(range);
    return cidr[0].kind() === judged.kind() && judged.match(cidr);
  });
}
