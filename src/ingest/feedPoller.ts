import type { Logger } from '../log';
import { withLease } from '../store/heldLease';
import type { LeaseStore } from '../store/leases';
import { updateRetries, waitingEntries } from './entryRetries';
import type { FeedRecord, FeedStateStore } from './feedState';
import type { IngestReport } from './ingest';
import type { ArticleIngester } from './lazyIngester';
import { countOutcomes } from './summary';

export interface FeedPolling {
  /** Polls every feed now (after a poll already under way). */
  pollNow(): Promise<void>;
  /** Stops the schedule, cancels a poll under way and waits for it to end. */
  stop(): Promise<void>;
}

export interface FeedRetryOptions {
  /** Failed attempts at one entry before it is given up (PARLEY_FEED_MAX_ATTEMPTS). */
  maxAttempts?: number;
  /** The application's clock (`src/app/clock.ts`), which retry times are read against. */
  now?: () => Date;
  /**
   * Replicas sharing the feed state (Postgres): each feed is polled under its lease, by one
   * replica at a time, and a feed another replica polled within the interval is left alone.
   */
  leases?: LeaseStore | undefined;
}

/**
 * Scheduled polling of the feeds in the settings: at start, then every interval after the
 * previous poll ends. Each request is conditional (ETag / Last-Modified from the last
 * poll), entries handled before are skipped, and new articles are written to the corpus,
 * where the watcher indexes them. A failing feed is logged and tried again next time; a
 * failing entry is retried after one interval, then two, four…, and given up after
 * `maxAttempts` failures.
 */
export function startFeedPolling(
  ingester: ArticleIngester,
  feeds: readonly string[],
  intervalMs: number,
  state: FeedStateStore,
  log: Logger,
  { maxAttempts = DEFAULT_MAX_ATTEMPTS, now = () => new Date(), leases }: FeedRetryOptions = {},
): FeedPolling {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const cancel = new AbortController();
  let polling: Promise<void> = Promise.resolve();
  /** When this replica last polled each feed (as recorded in the state), to tell its own polls from other replicas'. */
  const ownPolls = new Map<string, string>();

  const pollAll = async (): Promise<void> => {
    for (const feed of feeds) {
      if (stopped) return;
      await (leases ? pollClaimed(leases, feed) : pollFeed(feed, false));
    }
  };

  async function pollClaimed(leases: LeaseStore, feedUrl: string): Promise<void> {
    try {
      const leased = await withLease(leases, `feed-poll:${feedUrl}`, log, () => pollFeed(feedUrl, true));
      if (!leased.done) log.debug(`feed ${feedUrl}: being polled by ${leased.holder}; left to it`);
    } catch (error) {
      log.error(`polling ${feedUrl} failed: its lease could not be taken`, error);
    }
  }

  async function pollFeed(feedUrl: string, sharedWithReplicas: boolean): Promise<void> {
    let record: FeedRecord;
    try {
      record = await state.get(feedUrl);
    } catch (error) {
      log.error(`polling ${feedUrl} failed: its state could not be read from ${state.location}`, error);
      return;
    }
    const polledAt = now();
    const byAnother = record.lastPolled !== null && record.lastPolled !== ownPolls.get(feedUrl);
    if (sharedWithReplicas && byAnother && polledAt.getTime() - Date.parse(record.lastPolled!) < intervalMs * RECENTLY_POLLED) {
      return log.debug(`feed ${feedUrl}: polled by another replica at ${record.lastPolled}; looked at again in one interval`);
    }
    const passOver = new Set([...record.seen, ...waitingEntries(record.retries, polledAt)]);
    let report: IngestReport;
    try {
      report = await ingester.ingest(feedUrl, { allowLocalFiles: false, feedState: { ...record, seen: passOver }, signal: cancel.signal });
    } catch (error) {
      log.error(`polling ${feedUrl} failed`, error);
      return;
    }
    if (report.kind !== 'feed') {
      const reason = report.items[0]?.reason ?? 'not an RSS or Atom feed';
      log.warn(`feed ${feedUrl}: ${report.kind === 'page' ? 'not a feed (a web page; it was ingested as one article)' : reason}`);
      return;
    }
    // An entry cut short by a shutdown did not fail: that attempt does not count.
    const attempted = cancel.signal.aborted ? report.items.filter((item) => item.outcome !== 'failed') : report.items;
    const { retries, givenUp } = updateRetries(record.retries, attempted, polledAt, { intervalMs, maxAttempts });
    const handled = report.items.filter((item) => item.outcome !== 'failed' && item.entryId !== null).map((item) => item.entryId!);
    const settled = [...handled, ...givenUp.map((entry) => entry.entryId)];
    // While entries wait for a retry or for a later poll, the feed is read in full: a 304 would hide them.
    const pending = Object.keys(retries).length > 0 || report.left > 0;
    const validators = pending ? null : report.validators;
    try {
      await state.set(feedUrl, {
        etag: validators?.etag ?? null,
        lastModified: validators?.lastModified ?? null,
        lastPolled: polledAt.toISOString(),
        seen: [...record.seen, ...settled.filter((id) => !record.seen.includes(id))],
        retries,
      });
      ownPolls.set(feedUrl, polledAt.toISOString());
    } catch (error) {
      log.warn(`could not save the feed state to ${state.location}: ${(error as Error).message}`);
    }
    if (stopped) return log.debug(`feed ${feedUrl}: poll cancelled by shutdown`);
    if (report.notModified) return log.debug(`feed ${feedUrl}: not modified`);
    const counts = countOutcomes(report.items);
    const left = report.left > 0 ? `; ${report.left} more ${report.left === 1 ? 'entry' : 'entries'} left for the next polls` : '';
    const line = `feed ${report.feedTitle ?? feedUrl}: ${counts.added} added, ${counts.duplicate} already in the corpus, ${counts.unextractable} not extractable, ${counts.failed} failed${left}`;
    if (counts.failed > 0) {
      log.warn(line);
      for (const item of report.items.filter((i) => i.outcome === 'failed')) log.warn(`  ${item.source}: ${item.reason ?? ''}`);
    } else log.info(line);
    for (const entry of givenUp) {
      log.warn(`feed ${report.feedTitle ?? feedUrl}: gave up on ${entry.source} after ${entry.attempts} failed attempts (the last: ${entry.reason})`);
    }
  }

  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), intervalMs);
    timer.unref();
  };
  const run = (): Promise<void> => {
    polling = polling.then(pollAll).finally(schedule);
    return polling;
  };

  void run();
  return {
    pollNow: () => {
      if (timer) clearTimeout(timer);
      return run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      cancel.abort();
      await polling;
    },
  };
}

/** A poll this far into the interval counts as this interval's: timers of replicas drift by a little. */
const RECENTLY_POLLED = 0.9;

/** Five attempts, the last one 15 intervals after the first (7.5 hours at the default 30 minutes). */
const DEFAULT_MAX_ATTEMPTS = 5;
