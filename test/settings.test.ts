import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError } from '../src/settings';

describe('parseSettings', () => {
  it('has working defaults', () => {
    expect(parseSettings({}, '/srv/parley')).toEqual({
      corpusDir: resolve('/srv/parley/corpus'),
      configDir: resolve('/srv/parley/config'),
      dataDir: resolve('/srv/parley/data'),
      useSnapshot: true,
      logLevel: 'info',
      watchCorpus: true,
      feeds: [],
      feedPollMinutes: 30,
      fetch: {
        timeoutMs: 20_000,
        maxBytes: 5 * 1024 * 1024,
        maxRedirects: 5,
        userAgent: 'Parley/0.1 (cited-answers chat bot; fetches news articles its operators add)',
        allowedPrivateRanges: [],
      },
      secrets: [],
    });
  });

  it('reads the feeds to poll and the fetch limits', () => {
    const settings = parseSettings({
      PARLEY_FEEDS: 'https://a.example/rss, https://b.example/atom.xml\nhttps://c.example/feed',
      PARLEY_FEED_POLL_MINUTES: '15',
      PARLEY_FETCH_TIMEOUT_SECONDS: '2.5',
      PARLEY_FETCH_MAX_MB: '0.5',
      PARLEY_WATCH_CORPUS: 'false',
    });
    expect(settings).toMatchObject({
      feeds: ['https://a.example/rss', 'https://b.example/atom.xml', 'https://c.example/feed'],
      feedPollMinutes: 15,
      watchCorpus: false,
      fetch: { timeoutMs: 2500, maxBytes: 512 * 1024 },
    });
    expect(() => parseSettings({ PARLEY_FEEDS: 'https://a.example/rss ftp://b.example/x' })).toThrow(/^Setting PARLEY_FEEDS is invalid: must be http\(s\) URLs/u);
  });

  it('allows private addresses: none, all, or the ranges listed', () => {
    const ranges = (value: string) => parseSettings({ PARLEY_FETCH_ALLOW_PRIVATE: value }).fetch.allowedPrivateRanges;
    expect(ranges('false')).toEqual([]);
    expect(ranges('true')).toEqual(['0.0.0.0/0', '::/0']);
    expect(ranges('127.0.0.1, 10.20.0.0/16 fd00::/8')).toEqual(['127.0.0.1/32', '10.20.0.0/16', 'fd00::/8']);
    expect(() => ranges('intranet')).toThrow(/^Setting PARLEY_FETCH_ALLOW_PRIVATE is invalid: must be true, false, or addresses/u);
  });

  it('reads values and treats empty ones as unset', () => {
    const settings = parseSettings({ PARLEY_DATA_DIR: '/var/lib/parley', PARLEY_SNAPSHOT: 'false', PARLEY_LOG_LEVEL: '' }, '/srv');
    expect(settings).toMatchObject({ dataDir: '/var/lib/parley', useSnapshot: false, logLevel: 'info' });
  });

  it('names a bad setting', () => {
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(SettingsError);
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(/^Setting PARLEY_SNAPSHOT is invalid: .* \(got "maybe"\)\.$/u);
  });
});
