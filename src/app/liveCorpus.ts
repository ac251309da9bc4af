import { startFeedPolling, type FeedPolling } from '../ingest/feedPoller';
import type { FeedStateStore } from '../ingest/feedState';
import type { ArticleIngester } from '../ingest/lazyIngester';
import type { Library } from '../library/library';
import type { SharedCorpus } from '../library/sharedCorpus';
import { watchCorpus } from '../library/watchCorpus';
import type { Logger } from '../log';
import type { LeaseStore } from '../store/leases';
import type { Settings } from '../settings';

export interface LiveCorpus {
  stop(): Promise<void>;
}

/**
 * What keeps a running bot's corpus current: the corpus watcher (live reload) and, when
 * feeds are configured, scheduled feed polling, whose new articles the watcher indexes. With a
 * shared corpus, the watcher follows this replica's copy of it, which follows the database.
 */
export function startLiveCorpus(
  library: Library,
  ingester: ArticleIngester,
  feedState: FeedStateStore,
  settings: Settings,
  log: Logger,
  now: () => Date,
  shared: SharedCorpus | null = null,
  /** With replicas on one database: feeds are polled under leases, once an interval between them all. */
  leases: LeaseStore | null = null,
): LiveCorpus {
  const watcher = settings.watchCorpus ? watchCorpus(library, settings, log) : null;
  const following = watcher && shared ? shared.follow() : null;
  let polling: FeedPolling | null = null;
  if (settings.feeds.length > 0) {
    polling = startFeedPolling(ingester, settings.feeds, settings.feedPollMinutes * 60_000, feedState, log, { maxAttempts: settings.feedLimits.maxAttempts, now, leases: leases ?? undefined });
    log.info(`polling ${settings.feeds.length} feed${settings.feeds.length === 1 ? '' : 's'} every ${settings.feedPollMinutes} minutes`);
    if (!watcher) log.warn('PARLEY_WATCH_CORPUS is off: articles from the feeds are answered only after a restart');
  }
  return {
    async stop() {
      await polling?.stop();
      await following?.close();
      await watcher?.close();
    },
  };
}
