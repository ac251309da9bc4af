import type { Logger } from '../log';
import type { FeedStateStore } from './feedState';
import type { Ingester, IngestReport } from './ingest';
import { countOutcomes } from './summary';

export interface FeedPolling {
  /** Polls every feed now (after a poll already under way). */
  pollNow(): Promise<void>;
  /** Stops the schedule, cancels a poll under way and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * Scheduled polling of the feeds in the settings: at start, then every interval after the
 * previous poll ends. Each request is conditional (ETag / Last-Modified from the last
 * poll), entries handled before are skipped, and new articles are written to the corpus,
 * where the watcher indexes them. A failing feed is logged and tried again next time.
 */
export function startFeedPolling(ingester: Ingester, feeds: readonly string[], intervalMs: number, state: FeedStateStore, log: Logger): FeedPolling {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const cancel = new AbortController();
  let polling: Promise<void> = Promise.resolve();

  const pollAll = async (): Promise<void> => {
    for (const feed of feeds) {
      if (stopped) return;
      await pollFeed(feed);
    }
  };

  async function pollFeed(feedUrl: string): Promise<void> {
    const record = state.get(feedUrl);
    let report: IngestReport;
    try {
      report = await ingester.ingest(feedUrl, { allowLocalFiles: false, feedState: { ...record, seen: new Set(record.seen) }, signal: cancel.signal });
    } catch (error) {
      log.error(`polling ${feedUrl} failed`, error);
      return;
    }
    if (report.kind !== 'feed') {
      const reason = report.items[0]?.reason ?? 'not an RSS or Atom feed';
      log.warn(`feed ${feedUrl}: ${report.kind === 'page' ? 'not a feed (a web page; it was ingested as one article)' : reason}`);
      return;
    }
    const handled = report.items.filter((item) => item.outcome !== 'failed' && item.entryId !== null).map((item) => item.entryId!);
    // After a failed entry the new validators are not kept: a 304 next time would hide the entry from its retry.
    const retry = report.items.some((item) => item.outcome === 'failed');
    const validators = retry ? record : report.validators;
    state.set(feedUrl, {
      etag: validators?.etag ?? null,
      lastModified: validators?.lastModified ?? null,
      lastPolled: new Date().toISOString(),
      seen: [...record.seen, ...handled.filter((id) => !record.seen.includes(id))],
    });
    try {
      state.save();
    } catch (error) {
      log.warn(`could not save the feed state to ${state.path}: ${(error as Error).message}`);
    }
    if (stopped) return log.debug(`feed ${feedUrl}: poll cancelled by shutdown`);
    if (report.notModified) return log.debug(`feed ${feedUrl}: not modified`);
    const counts = countOutcomes(report.items);
    const line = `feed ${report.feedTitle ?? feedUrl}: ${counts.added} added, ${counts.duplicate} already in the corpus, ${counts.unextractable} not extractable, ${counts.failed} failed`;
    if (counts.failed > 0) {
      log.warn(line);
      for (const item of report.items.filter((i) => i.outcome === 'failed')) log.warn(`  ${item.source}: ${item.reason ?? ''}`);
    } else log.info(line);
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
