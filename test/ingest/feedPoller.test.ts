import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedPolling } from '../../src/ingest/feedPoller';
import { FEED_STATE_FILE, FeedStateStore } from '../../src/ingest/feedState';
import { Ingester } from '../../src/ingest/ingest';
import { createLogger, silentLogger } from '../../src/log';
import { corpusCopy, temporaryDir } from '../helpers/fixtures';
import { PATHS, startFakeSite, type FakeSite } from '../helpers/fakeSite';
import { testFetchPolicy } from '../helpers/fetchPolicy';
import { REASSURANCE_FORCE } from '../helpers/newsStories';

let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

const HOUR = 60 * 60 * 1000;

describe('feed polling', () => {
  it('polls each feed, then asks conditionally, skips what it has handled and retries what failed', async () => {
    const corpusDir = corpusCopy();
    const statePath = join(temporaryDir(), FEED_STATE_FILE);
    const lines: string[] = [];
    const log = createLogger('debug', [], (l) => lines.push(l));
    const ingester = new Ingester(corpusDir, testFetchPolicy(), log);
    const feeds = [site.url(PATHS.rss), site.url(PATHS.atom)];
    const start = site.requests.length;

    const polling = startFeedPolling(ingester, feeds, HOUR, new FeedStateStore(statePath, log), log);
    await polling.pollNow(); // runs after the first poll, which starts at once
    await polling.stop();

    const requests = site.requests.slice(start);
    // The Atom feed (all its entries handled) is asked for conditionally, and answers 304.
    expect(requests.filter((r) => r.path === PATHS.atom).map((r) => r.headers['if-modified-since'] ?? null)).toEqual([
      null,
      'Fri, 28 Mar 2025 12:00:00 GMT',
    ]);
    expect(requests.filter((r) => r.path === REASSURANCE_FORCE.path)).toHaveLength(1);
    // The RSS feed had failed entries: it is read again in full, and only they are tried again.
    expect(requests.filter((r) => r.path === PATHS.rss).map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, null]);
    expect(requests.filter((r) => r.path === PATHS.missing)).toHaveLength(2);
    expect(requests.filter((r) => r.path === PATHS.sectionFront)).toHaveLength(1);
    expect(readdirSync(corpusDir)).toHaveLength(5 + 4);

    expect(lines).toContain('[warn] feed The Kyiv Ledger — World: 2 added, 1 already in the corpus, 2 not extractable, 4 failed');
    expect(lines).toContain(`[warn]   ${site.url(PATHS.missing)}: HTTP 404 Not Found`);
    expect(lines).toContain('[info] feed Baltic Policy Monitor — Analysis: 2 added, 1 already in the corpus, 0 not extractable, 0 failed');
    expect(lines).toContain(`[debug] feed ${site.url(PATHS.atom)}: not modified`);
    expect(lines).toContain('[warn] feed The Kyiv Ledger — World: 0 added, 0 already in the corpus, 0 not extractable, 4 failed');

    const saved = new FeedStateStore(statePath, silentLogger);
    expect(saved.get(site.url(PATHS.atom))).toMatchObject({ etag: null, lastModified: 'Fri, 28 Mar 2025 12:00:00 GMT' });
    expect(saved.get(site.url(PATHS.rss))).toMatchObject({ etag: null, lastModified: null });
    expect(saved.get(site.url(PATHS.rss)).seen).toHaveLength(5);
  });

  it('starts afresh from a corrupt state file, saying so', () => {
    const path = join(temporaryDir(), FEED_STATE_FILE);
    writeFileSync(path, '{"version": 1, "feeds": ');
    const lines: string[] = [];
    const store = new FeedStateStore(path, createLogger('info', [], (l) => lines.push(l)));
    expect(store.get('https://x.example/rss')).toEqual({ etag: null, lastModified: null, lastPolled: null, seen: [] });
    expect(lines).toEqual([`[warn] feed state ${path} is unreadable; polling starts afresh`]);
  });

  it('remembers a bounded number of entries per feed', () => {
    const path = join(temporaryDir(), FEED_STATE_FILE);
    const store = new FeedStateStore(path, silentLogger, 3);
    store.set('f', { etag: null, lastModified: null, lastPolled: null, seen: ['a', 'b', 'c', 'd', 'e'] });
    store.save();
    expect(new FeedStateStore(path, silentLogger).get('f').seen).toEqual(['c', 'd', 'e']);
  });
});
