import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/ingest/charset';
import { isAllowedAddress, isPublicAddress } from '../../src/ingest/addressFilter';
import { FetchError, fetchResource, type FetchRequest } from '../../src/ingest/fetch';
import { startConnectionRecorder } from '../helpers/connectionRecorder';
import { PATHS, startFakeSite, type FakeSite } from '../helpers/fakeSite';
import { testFetchPolicy } from '../helpers/fetchPolicy';
import { BLACK_SEA_TALKS, REASSURANCE_FORCE } from '../helpers/newsStories';

let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

const page = (path: string): FetchRequest => ({ url: site.url(path), accept: 'text/html' });

async function failure(request: FetchRequest, policy = testFetchPolicy()): Promise<FetchError> {
  const error = await fetchResource(request, policy).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('fetchResource', () => {
  it('fetches a page with a clear User-Agent and the validators the server sends', async () => {
    const resource = await fetchResource(page(BLACK_SEA_TALKS.path), testFetchPolicy());
    expect(resource).toMatchObject({ status: 200, notModified: false, url: site.url(BLACK_SEA_TALKS.path) });
    expect(decodeBody(resource.body, resource.contentType)).toContain('<h1 class="story__headline">Black Sea truce talks');
    const sent = site.requests.findLast((r) => r.path === BLACK_SEA_TALKS.path)!;
    expect(sent.headers['user-agent']).toBe('Parley-test/1.0 (ingestion tests)');
    expect(sent.headers.accept).toBe('text/html');
  });

  it('decompresses a gzip-encoded page', async () => {
    const resource = await fetchResource(page(REASSURANCE_FORCE.path), testFetchPolicy());
    expect(resource.body.toString('utf8')).toContain('reassurance force');
  });

  it('follows a redirect and reports the final URL', async () => {
    const resource = await fetchResource(page(PATHS.moved), testFetchPolicy());
    expect(resource.url).toBe(site.url(BLACK_SEA_TALKS.path));
  });

  it('follows no more redirects than allowed', async () => {
    const error = await failure(page(PATHS.moved), testFetchPolicy({ maxRedirects: 0 }));
    expect(error.reason).toBe('too_many_redirects');
    expect(error.message).toBe(`more than 0 redirects (last: ${site.url(BLACK_SEA_TALKS.path)})`);
  });

  it('detects a redirect loop', async () => {
    const error = await failure(page(PATHS.loop));
    expect(error.reason).toBe('too_many_redirects');
    expect(error.message).toBe(`redirect loop: ${site.url('/loop/a')} → ${site.url('/loop/b')} → ${site.url('/loop/a')}`);
  });

  it('reports an HTTP error status', async () => {
    const error = await failure(page(PATHS.missing));
    expect(error).toMatchObject({ reason: 'http_status', message: 'HTTP 404 Not Found' });
  });

  it('gives up on a response slower than the timeout', async () => {
    const error = await failure(page(PATHS.slow), testFetchPolicy({ timeoutMs: 300 }));
    expect(error).toMatchObject({ reason: 'timeout', message: 'no complete answer within 0.3 s' });
  });

  it('stops reading a body over the size limit, declared or streamed', async () => {
    const streamed = await failure(page(PATHS.oversized), testFetchPolicy({ maxBytes: 256 * 1024 }));
    expect(streamed).toMatchObject({ reason: 'too_large', message: 'the response is larger than the limit of 256 KB' });
    const declared = await failure(page(BLACK_SEA_TALKS.path), testFetchPolicy({ maxBytes: 1000 }));
    expect(declared.reason).toBe('too_large');
  });

  it('sends the validators of an earlier fetch and reports "not modified"', async () => {
    const first = await fetchResource({ url: site.url(PATHS.rss), accept: 'application/rss+xml' }, testFetchPolicy());
    expect(first.etag).toBe('"world-rss-v1"');
    const second = await fetchResource({ url: site.url(PATHS.rss), accept: 'application/rss+xml', etag: first.etag }, testFetchPolicy());
    expect(second).toMatchObject({ status: 304, notModified: true, body: Buffer.alloc(0) });
    expect(site.requests.at(-1)!.headers['if-none-match']).toBe('"world-rss-v1"');
  });

  it('fetches only http and https URLs', async () => {
    expect(await failure({ url: 'file:///etc/passwd', accept: '*/*' })).toMatchObject({ reason: 'unsupported_protocol' });
    expect(await failure({ url: 'ftp://example.com/a', accept: '*/*' })).toMatchObject({ reason: 'unsupported_protocol' });
    expect(await failure({ url: 'not a url', accept: '*/*' })).toMatchObject({ reason: 'invalid_url' });
  });
});

describe('URLs with a user name or password', () => {
  const withPassword = (path: string): string => site.url(path).replace('http://', 'http://reader:hunter2@');

  it('refuses them without sending anything, and the error shows neither the name nor the password', async () => {
    const before = site.requests.length;
    const error = await failure({ url: withPassword(BLACK_SEA_TALKS.path), accept: 'text/html' });
    expect(error).toMatchObject({
      reason: 'credentials_in_url',
      message: `a URL with a user name or password is not fetched (they would be sent to the site and published as the article's link): ${site.url(BLACK_SEA_TALKS.path).replace('http://', 'http://***@')}`,
    });
    expect(error.message).not.toMatch(/reader|hunter2/u);
    const nameOnly = await failure({ url: site.url(BLACK_SEA_TALKS.path).replace('http://', 'http://token-abc123@'), accept: 'text/html' });
    expect(nameOnly.reason).toBe('credentials_in_url');
    expect(nameOnly.message).not.toContain('token-abc123');
    expect(site.requests.length).toBe(before);
  });

  it('refuses a redirect to one, without following it', async () => {
    const error = await failure(page(PATHS.toCredentials));
    expect(error.reason).toBe('credentials_in_url');
    expect(error.message).not.toMatch(/reader|hunter2/u);
    expect(site.requests.some((r) => r.headers.authorization !== undefined)).toBe(false);
  });

  it('echoes at most about 100 characters of a URL it refuses', async () => {
    const long = `https://reader:hunter2@example.com/${'a'.repeat(5000)}`;
    for (const url of [long, `not a url ${'x'.repeat(5000)}`, `ftp://example.com/${'b'.repeat(5000)}`]) {
      const error = await failure({ url, accept: '*/*' });
      expect(error.message.length, error.reason).toBeLessThan(250);
      expect(error.message).not.toContain('hunter2');
    }
  });
});

describe('address checks', () => {
  it('refuses loopback addresses unless allowed, as literals and through DNS', async () => {
    const closed = testFetchPolicy({ allowedPrivateRanges: [] });
    const literal = await failure(page(BLACK_SEA_TALKS.path), closed);
    expect(literal.reason).toBe('blocked_address');
    expect(literal.message).toMatch(/^127\.0\.0\.1 is a loopback, private or link-local address; .*PARLEY_FETCH_ALLOW_PRIVATE/u);
    const byName = await failure({ url: site.url(BLACK_SEA_TALKS.path).replace('127.0.0.1', 'localhost'), accept: 'text/html' }, closed);
    expect(byName.reason).toBe('blocked_address');
    expect(byName.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is a loopback/u);
    const hex = await failure({ url: site.url(BLACK_SEA_TALKS.path).replace('127.0.0.1', '0x7f.0.0.1'), accept: 'text/html' }, closed);
    expect(hex.reason).toBe('blocked_address');
    expect(site.requests.some((r) => r.headers.host?.startsWith('localhost'))).toBe(false);
  });

  it('checks every redirect hop', async () => {
    const error = await failure(page(PATHS.toOtherAddress));
    expect(error).toMatchObject({ reason: 'blocked_address' });
    expect(error.message).toMatch(/^127\.0\.0\.2 is a loopback/u);
  });

  it('refuses IPv6 addresses that embed a loopback or private IPv4 address, without connecting', async () => {
    const recorder = await startConnectionRecorder();
    try {
      const closed = testFetchPolicy({ allowedPrivateRanges: [] });
      const forms = ['[::127.0.0.1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[64:ff9b::127.0.0.1]', '[64:ff9b:1::7f00:1]', '[2002:7f00:1::1]', '[::10.0.0.1]', '[::169.254.169.254]'];
      for (const host of forms) {
        const error = await failure({ url: `http://${host}:${recorder.port}/`, accept: 'text/html' }, closed);
        expect(error.reason, host).toBe('blocked_address');
      }
      const compatible = await failure({ url: `http://[::127.0.0.1]:${recorder.port}/`, accept: 'text/html' }, closed);
      expect(compatible.message).toMatch(/^::7f00:1 \(IPv4 127\.0\.0\.1\) is a loopback, private or link-local address; /u);
      expect(recorder.connections).toEqual([]);
    } finally {
      await recorder.close();
    }
  });

  it('judges an IPv4-mapped, IPv4-compatible or NAT64 address by the IPv4 address in it', () => {
    for (const address of ['::127.0.0.1', '::7f00:1', '::10.1.2.3', '::192.168.0.1', '::ffff:169.254.169.254', '64:ff9b::127.0.0.1', '64:ff9b::10.0.0.1', '64:ff9b::a9fe:a9fe']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    // NAT64 is how an IPv6-only host reaches IPv4 sites: public IPv4 addresses in it stay public.
    for (const address of ['::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '64:ff9b::9765:145']) expect(isPublicAddress(address), address).toBe(true);
    // 6to4, Teredo and local-use NAT64 tunnel to IPv4 hosts through relays: refused whatever they embed.
    for (const address of ['2002:808:808::1', '2002:7f00:1::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '64:ff9b:1::808:808']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isAllowedAddress('::127.0.0.1', ['127.0.0.1/32'])).toBe(true);
    expect(isAllowedAddress('::127.0.0.1', ['::/0'])).toBe(false);
    expect(isAllowedAddress('::1', ['::1/128'])).toBe(true);
  });

  it('tells public addresses from loopback, private, link-local and reserved ones', () => {
    for (const address of ['8.8.8.8', '151.101.1.69', '2606:4700::1111']) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    expect(isAllowedAddress('10.1.2.3', ['10.1.0.0/16'])).toBe(true);
    expect(isAllowedAddress('10.2.0.1', ['10.1.0.0/16'])).toBe(false);
    expect(isAllowedAddress('::1', ['127.0.0.1/32'])).toBe(false);
  });
});
