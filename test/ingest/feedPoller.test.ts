import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedPolling } from '../../src/ingest/feedPoller';
import { FEED_STATE_FILE } from '../../src/ingest/feedState';
import { FeedStateFile } from '../../src/ingest/feedStateFile';
import { DEFAULT_INGEST_OPTIONS, Ingester } from '../../src/ingest/ingest';
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
const START = Date.parse('2025-04-01T08:00:00Z');

/** A clock the test moves by hand: polls compare retry times with it, nothing sleeps. */
function handClock(): { now: () => Date; set(offsetMs: number): void } {
  let offset = 0;
  return { now: () => new Date(START + offset), set: (ms) => (offset = ms) };
}

describe('feed polling', () => {
  it('polls each feed, then asks conditionally, skips what it has handled and retries what failed', async () => {
    const corpusDir = corpusCopy();
    const statePath = join(temporaryDir(), FEED_STATE_FILE);
    const lines: string[] = [];
    const log = createLogger('debug', [], (l) => lines.push(l));
    const ingester = new Ingester(corpusDir, testFetchPolicy(), log);
    const feeds = [site.url(PATHS.rss), site.url(PATHS.atom)];
    const start = site.requests.length;

    const clock = handClock();
    const polling = startFeedPolling(ingester, feeds, HOUR, new FeedStateFile(statePath, log), log, { maxAttempts: 5, now: clock.now });
    await polling.pollNow(); // runs after the first poll, which starts at once
    clock.set(HOUR);
    await polling.pollNow();
    await polling.stop();

    const requests = site.requests.slice(start);
    // The Atom feed (all its entries handled) is asked for conditionally, and answers 304.
    expect(requests.filter((r) => r.path === PATHS.atom).map((r) => r.headers['if-modified-since'] ?? null)).toEqual([
      null,
      'Fri, 28 Mar 2025 12:00:00 GMT',
      'Fri, 28 Mar 2025 12:00:00 GMT',
    ]);
    expect(requests.filter((r) => r.path === REASSURANCE_FORCE.path)).toHaveLength(1);
    // The RSS feed had failed entries: it is read again in full, and only they are tried again, an interval later.
    expect(requests.filter((r) => r.path === PATHS.rss).map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, null, null]);
    expect(requests.filter((r) => r.path === PATHS.missing)).toHaveLength(2);
    expect(requests.filter((r) => r.path === PATHS.sectionFront)).toHaveLength(1);
    expect(readdirSync(corpusDir)).toHaveLength(5 + 4);

    expect(lines).toContain('[warn] feed The Kyiv Ledger — World: 2 added, 1 already in the corpus, 2 not extractable, 4 failed');
    expect(lines).toContain(`[warn]   ${site.url(PATHS.missing)}: HTTP 404 Not Found`);
    expect(lines).toContain('[info] feed Baltic Policy Monitor — Analysis: 2 added, 1 already in the corpus, 0 not extractable, 0 failed');
    expect(lines).toContain(`[debug] feed ${site.url(PATHS.atom)}: not modified`);
    expect(lines).toContain('[warn] feed The Kyiv Ledger — World: 0 added, 0 already in the corpus, 0 not extractable, 4 failed');

    const saved = new FeedStateFile(statePath, silentLogger);
    expect(await saved.get(site.url(PATHS.atom))).toMatchObject({ etag: null, lastModified: 'Fri, 28 Mar 2025 12:00:00 GMT' });
    expect(await saved.get(site.url(PATHS.rss))).toMatchObject({ etag: null, lastModified: null });
    expect((await saved.get(site.url(PATHS.rss))).seen).toHaveLength(5);
  });

  it('never logs a token or a password inside a feed URL, even at debug level', async () => {
    const lines: string[] = [];
    const log = createLogger('debug', [], (l) => lines.push(l));
    const ingester = new Ingester(corpusCopy(), testFetchPolicy(), log);
    const withToken = site.url(`${PATHS.atom}?token=FEEDTOKEN0123456789`);
    const withPassword = site.url(PATHS.brokenFeed).replace('://', '://reader:Hunter2Password@');
    const polling = startFeedPolling(ingester, [withToken, withPassword], HOUR, new FeedStateFile(join(temporaryDir(), FEED_STATE_FILE), log), log);
    await polling.pollNow(); // the second poll of the Atom feed is "not modified", logged at debug level with its URL
    await polling.stop();

    const logged = lines.join('\n');
    expect(logged).not.toMatch(/FEEDTOKEN0123456789|Hunter2Password/u);
    expect(lines).toContain(`[debug] feed ${site.url(`${PATHS.atom}?token=[redacted]`)}: not modified`);
    expect(logged).toContain(`feed ${site.url(PATHS.brokenFeed).replace('://', '://[redacted]@')}`);
  });

  it('starts afresh from a corrupt state file, saying so', async () => {
    const path = join(temporaryDir(), FEED_STATE_FILE);
    writeFileSync(path, '{"version": 1, "feeds": ');
    const lines: string[] = [];
    const store = new FeedStateFile(path, createLogger('info', [], (l) => lines.push(l)));
    expect(await store.get('https://x.example/rss')).toEqual({ etag: null, lastModified: null, lastPolled: null, seen: [], retries: {} });
    expect(lines).toEqual([`[warn] feed state ${path} is unreadable; polling starts afresh`]);
  });

  it('remembers a bounded number of entries per feed', async () => {
    const path = join(temporaryDir(), FEED_STATE_FILE);
    const store = new FeedStateFile(path, silentLogger, 3);
    await store.set('f', { etag: null, lastModified: null, lastPolled: null, seen: ['a', 'b', 'c', 'd', 'e'], retries: {} });
    expect((await new FeedStateFile(path, silentLogger).get('f')).seen).toEqual(['c', 'd', 'e']);
  });

  it('takes at most the cap of entries per poll, newest first, and the rest at the next polls', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const log = createLogger('info', [], (l) => lines.push(l));
    const ingester = new Ingester(corpusCopy(), testFetchPolicy(), log, undefined, { ...DEFAULT_INGEST_OPTIONS, maxFeedEntries: 20 });
    const feed = site.url(`${PATHS.bulkFeed}?count=1000`);
    const pages = () => site.requests.filter((r) => /^\/bulk\/\d+$/u.test(r.path)).map((r) => r.path);
    const before = pages().length;
    const clock = handClock();

    const polling = startFeedPolling(ingester, [feed], HOUR, new FeedStateFile(join(temporaryDir(), FEED_STATE_FILE), log), log, { now: clock.now });
    await polling.pollNow();
    await polling.stop();

    const fetched = pages().slice(before);
    expect(fetched).toHaveLength(40);
    expect(new Set(fetched).size).toBe(40);
    // The newest first: the bulk stories of 28 April (n % 28 = 27), then those of the 27th.
    expect(fetched.slice(0, 20).every((path) => Number(path.slice('/bulk/'.length)) % 28 === 27)).toBe(true);
    expect(lines).toContain('[info] feed Regional Desk: 20 added, 0 already in the corpus, 0 not extractable, 0 failed; 980 more entries left for the next polls');
    expect(lines).toContain('[info] feed Regional Desk: 20 added, 0 already in the corpus, 0 not extractable, 0 failed; 960 more entries left for the next polls');
  });

  it('retries a failing entry at growing intervals, then gives it up, saying so once', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const log = createLogger('info', [], (l) => lines.push(l));
    const ingester = new Ingester(corpusCopy(), testFetchPolicy(), log);
    const feed = site.url(`${PATHS.bulkFeed}?count=2&missing=1`);
    const gone = site.url('/bulk/gone/1');
    const statePath = join(temporaryDir(), FEED_STATE_FILE);
    const attempts = () => site.requests.filter((r) => r.path === '/bulk/gone/1').length;
    const before = attempts();
    const clock = handClock();
    const retry = { maxAttempts: 5, now: clock.now };
    const tries: Record<string, number> = {};
    const pollAt = async (polling: { pollNow(): Promise<void> }, hours: number) => {
      clock.set(hours * HOUR);
      await polling.pollNow();
      tries[`${hours} h`] = attempts() - before;
    };

    let polling = startFeedPolling(ingester, [feed], HOUR, new FeedStateFile(statePath, log), log, retry);
    await pollAt(polling, 0); // the poll at start, then another at once: no retry yet
    await pollAt(polling, 1);
    expect((await new FeedStateFile(statePath, silentLogger).get(feed)).retries).toEqual({
      [gone]: { attempts: 2, nextAttempt: new Date(START + 3 * HOUR).toISOString() },
    });
    // A restart keeps the back-off.
    await polling.stop();
    polling = startFeedPolling(ingester, [feed], HOUR, new FeedStateFile(statePath, log), log, retry);
    await pollAt(polling, 2);
    for (const hours of [3, 5, 7, 14, 15, 31, 100]) await pollAt(polling, hours);
    await polling.stop();

    expect(tries).toEqual({ '0 h': 1, '1 h': 2, '2 h': 2, '3 h': 3, '5 h': 3, '7 h': 4, '14 h': 4, '15 h': 5, '31 h': 5, '100 h': 5 });
    expect(lines.filter((l) => l.includes('gave up'))).toEqual([
      `[warn] feed Regional Desk: gave up on ${gone} after 5 failed attempts (the last: HTTP 404 Not Found)`,
    ]);
    const saved = await new FeedStateFile(statePath, silentLogger).get(feed);
    expect(saved.retries).toEqual({});
    expect(saved.seen).toContain(gone);
  });
});
