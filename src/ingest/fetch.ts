import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { embeddedIPv4, isAllowedAddress } from './addressFilter';
import { quotedUrl } from './shownUrl';

/** How Parley fetches web pages and feeds (settings `PARLEY_FETCH_*`). */
export interface FetchPolicy {
  /** For the whole fetch: connecting, every redirect and the body. */
  timeoutMs: number;
  /** Largest body accepted, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /**
   * Loopback, private and link-local addresses that may be fetched all the same, as CIDR
   * ranges (an intranet news site; the tests' local server). Empty: none.
   */
  allowedPrivateRanges: readonly string[];
}

export interface FetchRequest {
  url: string;
  /** The Accept header. */
  accept: string;
  /** Validators from an earlier fetch: a 304 answer then comes back as `notModified`. */
  etag?: string | null;
  lastModified?: string | null;
  /** Ends the fetch early (the bot is shutting down). */
  signal?: AbortSignal;
}

export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
  /** Empty when not modified. */
  body: Buffer;
}

export type FetchFailure =
  | 'invalid_url'
  | 'unsupported_protocol'
  | 'credentials_in_url'
  | 'blocked_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'network'
  | 'cancelled';

/** A fetch that did not produce a page; `message` is written for the person who asked. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly reason: FetchFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fetches one http(s) resource carefully: one deadline for the whole fetch, a size limit
 * on the decompressed body, a bounded number of redirects, and — unless the policy allows
 * them — no connection to loopback, private or link-local addresses. The address check
 * runs on the addresses the connection actually uses, for every redirect hop, so a host
 * name that resolves (or re-resolves) to an internal address is refused too.
 */
export async function fetchResource(request: FetchRequest, policy: FetchPolicy): Promise<FetchedResource> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FetchError('timeout', `no complete answer within ${formatSeconds(policy.timeoutMs)}`)),
    policy.timeoutMs,
  );
  const cancel = (): void => controller.abort(new FetchError('cancelled', 'cancelled: Parley is shutting down'));
  if (request.signal?.aborted) cancel();
  request.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const visited: string[] = [];
    let url = parseHttpUrl(request.url);
    for (;;) {
      visited.push(url.href);
      const response = await send(url, request, policy, controller.signal);
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(response.statusCode ?? 0) && location) {
        response.resume();
        const next = parseHttpUrl(new URL(location, url).href);
        if (visited.includes(next.href)) {
          throw new FetchError('too_many_redirects', `redirect loop: ${[...visited, next.href].map(quotedUrl).join(' → ')}`);
        }
        if (visited.length > policy.maxRedirects) {
          throw new FetchError('too_many_redirects', `more than ${policy.maxRedirects} redirects (last: ${quotedUrl(next.href)})`);
        }
        url = next;
        continue;
      }
      return await readResponse(url, response, policy, controller.signal);
    }
  } catch (error) {
    throw asFetchError(error, controller.signal);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Accepts only absolute http(s) URLs without a user name or password: Node would send those
 * to the site as Basic auth, and the URL would become the article's published link.
 */
export function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('invalid_url', `not a valid URL: ${quotedUrl(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('unsupported_protocol', `only http and https URLs are fetched, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.username || url.password) {
    throw new FetchError(
      'credentials_in_url',
      `a URL with a user name or password is not fetched (they would be sent to the site and published as the article's link): ${quotedUrl(url.href)}`,
    );
  }
  return url;
}

/** Every address, IPv4 and IPv6: what `PARLEY_FETCH_ALLOW_PRIVATE=true` allows. */
export const ALL_ADDRESSES: readonly string[] = Object.freeze(['0.0.0.0/0', '::/0']);

function send(url: URL, request: FetchRequest, policy: FetchPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  // Node connects to an IP literal without a lookup, so the guard below would not see it.
  if (isIP(host) && !isAllowedAddress(host, policy.allowedPrivateRanges)) {
    return Promise.reject(blockedAddress(host, host));
  }
  const headers: Record<string, string> = {
    'user-agent': policy.userAgent,
    accept: request.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { headers, signal, lookup: guardedLookup(policy.allowedPrivateRanges) }, resolve);
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** `dns.lookup`, refusing a host any of whose addresses is not allowed. */
function guardedLookup(allowedPrivateRanges: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const blocked = addresses.find((a) => !isAllowedAddress(a.address, allowedPrivateRanges));
      if (blocked) return callback(blockedAddress(hostname, blocked.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function blockedAddress(host: string, address: string): FetchError {
  const ipv4 = embeddedIPv4(address);
  const shown = ipv4 ? `${address} (IPv4 ${ipv4})` : address;
  return new FetchError(
    'blocked_address',
    `${host === address ? shown : `${host} resolves to ${shown}, which`} is a loopback, private or link-local address; ` +
      'such addresses are refused (setting PARLEY_FETCH_ALLOW_PRIVATE)',
  );
}

async function readResponse(url: URL, response: IncomingMessage, policy: FetchPolicy, signal: AbortSignal): Promise<FetchedResource> {
  const status = response.statusCode ?? 0;
  const header = (name: string): string | null => {
    const value = response.headers[name];
    return typeof value === 'string' ? value : null;
  };
  const resource = {
    url: url.href,
    status,
    contentType: header('content-type') ?? '',
    etag: header('etag'),
    lastModified: header('last-modified'),
  };
  if (status === 304) {
    response.resume();
    return { ...resource, notModified: true, body: Buffer.alloc(0) };
  }
  if (status < 200 || status > 299) {
    response.resume();
    throw new FetchError('http_status', `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
  }
  const declared = Number(header('content-length'));
  if (declared > policy.maxBytes) {
    response.destroy();
    throw tooLarge(policy);
  }
  const body = await readLimited(decoded(response), policy.maxBytes, signal);
  return { ...resource, notModified: false, body };
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/** Reads a stream, giving up as soon as it passes `maxBytes` (a decompression bomb stops early too). */
async function readLimited(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const onAbort = (): void => {
    stream.destroy(signal.reason as Error);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) {
        stream.destroy();
        throw tooLarge({ maxBytes });
      }
      chunks.push(buffer);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return Buffer.concat(chunks);
}

const tooLarge = ({ maxBytes }: Pick<FetchPolicy, 'maxBytes'>): FetchError =>
  new FetchError('too_large', `the response is larger than the limit of ${formatBytes(maxBytes)}`);

function asFetchError(error: unknown, signal: AbortSignal): FetchError {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new FetchError('network', `host not found (${code})`);
  return new FetchError('network', code ? `${code}: ${message}` : message);
}

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(2))} s`;
const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Number((bytes / 1024).toFixed(1))} KB`;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
