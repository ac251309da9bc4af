import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from '../log';
import { writeFileAtomic } from '../util/writeFileAtomic';

/** What polling remembers about one feed between polls (and restarts). */
const feedRecordSchema = z.object({
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  lastPolled: z.string().nullable(),
  /** Entries already handled (added, already present, not an article, or given up), newest last. */
  seen: z.array(z.string()),
  /** Entries whose fetch failed, by entry id: not tried again before `nextAttempt` (a state file from before retries had none). */
  retries: z.record(z.string(), z.object({ attempts: z.number().int().min(1), nextAttempt: z.iso.datetime() })).default({}),
});

const stateFileSchema = z.object({ version: z.literal(1), feeds: z.record(z.string(), feedRecordSchema) });

export type FeedRecord = z.output<typeof feedRecordSchema>;
export type EntryRetry = FeedRecord['retries'][string];

export const FEED_STATE_FILE = 'feeds-state.json';

/**
 * The polling state in `PARLEY_DATA_DIR/feeds-state.json`: each feed's validators (for
 * conditional requests), the entries it has already handled, and the failed entries waiting
 * for their retry. A missing or corrupt file starts afresh: the worst case is one
 * unconditional request per feed and a fresh count of attempts, and deduplication still
 * keeps every article single.
 */
export class FeedStateStore {
  readonly #feeds: Map<string, FeedRecord>;

  constructor(
    readonly path: string,
    log: Logger,
    readonly maxSeen = MAX_SEEN_ENTRIES,
  ) {
    this.#feeds = new Map(Object.entries(readState(path, log)));
  }

  get(feedUrl: string): FeedRecord {
    return this.#feeds.get(feedUrl) ?? { etag: null, lastModified: null, lastPolled: null, seen: [], retries: {} };
  }

  set(feedUrl: string, record: FeedRecord): void {
    // Entries that left the feed while waiting for a retry are never tried again: the bound keeps the latest.
    const retries = Object.entries(record.retries).slice(-this.maxSeen);
    this.#feeds.set(feedUrl, { ...record, seen: record.seen.slice(-this.maxSeen), retries: Object.fromEntries(retries) });
  }

  save(): void {
    writeFileAtomic(this.path, `${JSON.stringify({ version: 1, feeds: Object.fromEntries(this.#feeds) }, null, 2)}\n`);
  }
}

function readState(path: string, log: Logger): Record<string, FeedRecord> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {}; // first poll
  }
  try {
    return stateFileSchema.parse(JSON.parse(text)).feeds;
  } catch {
    log.warn(`feed state ${path} is unreadable; polling starts afresh`);
    return {};
  }
}

/** Far more than a feed lists at once, so an entry is never forgotten while the feed still shows it. */
const MAX_SEEN_ENTRIES = 5000;
