import { getDomain } from 'tldts';

/**
 * Whether two URLs are on one site: the same registrable domain — a public suffix and the
 * label before it, by the Public Suffix List with its private section, so `amp.example.com`
 * and `www.example.com` are one site while `alice.github.io` and `bob.github.io` are two —
 * or, for an IP address or a host with no registrable domain (`localhost`), the same host.
 * Scheme and port do not count, as for a browser's "same site".
 */
export function isSameSite(a: URL, b: URL): boolean {
  return siteOf(a) === siteOf(b);
}

function siteOf(url: URL): string {
  const host = url.hostname.toLowerCase();
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}
