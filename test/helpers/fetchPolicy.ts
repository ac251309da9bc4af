import type { FetchPolicy } from '../../src/ingest/fetch';

/** The fetch policy of the tests: the fake site is on 127.0.0.1, and only that address is allowed. */
export function testFetchPolicy(overrides: Partial<FetchPolicy> = {}): FetchPolicy {
  return {
    timeoutMs: 2000,
    maxBytes: 512 * 1024,
    maxRedirects: 5,
    userAgent: 'Parley-test/1.0 (ingestion tests)',
    allowedPrivateRanges: ['127.0.0.1/32'],
    ...overrides,
  };
}
