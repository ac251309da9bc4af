import { z } from 'zod';

/** What polling remembers about one feed between polls (and restarts). */
export const feedRecordSchema = z.object({
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  lastPolled: z.string().nullable(),
  /** Entries already handled (added, already present, not an article, or given up), newest last. */
  seen: z.array(z.string()),
  /** Entries whose fetch failed, by entry id: not tried again before `nextAttempt` (a state file from before retries had none). */
  retries: z.record(z.string(), z.object({ attempts: z.number().int().min(1), nextAttempt: z.iso.datetime() })).default({}),
});

export type FeedRecord = z.output<typeof feedRecordSchema>;
export type EntryRetry = FeedRecord['retries'][string];

export const FEED_STATE_FILE = 'feeds-state.json';

/**
 * The polling state: each feed's validators (for conditional requests), the entries it has
 * already handled, and the failed entries waiting for their retry. Kept in
 * `PARLEY_DATA_DIR/feeds-state.json` (src/ingest/feedStateFile.ts), or in Postgres when
 * `PARLEY_DATABASE_URL` is set. Lost or unreadable state starts afresh: the worst case is one
 * unconditional request per feed and a fresh count of attempts, and deduplication still
 * keeps every article single.
 */
export interface FeedStateStore {
  /** Where the state is kept, for messages: a file path, or "the database". */
  readonly location: string;
  get(feedUrl: string): Promise<FeedRecord>;
  /** Records and saves a feed's state, bounded by `boundedRecord`. */
  set(feedUrl: string, record: FeedRecord): Promise<void>;
}

export const emptyFeedRecord = (): FeedRecord => ({ etag: null, lastModified: null, lastPolled: null, seen: [], retries: {} });

/** The record as kept: the latest `maxSeen` entries handled and waiting (one that left the feed while waiting is never tried again). */
export function boundedRecord(record: FeedRecord, maxSeen: number): FeedRecord {
  const retries = Object.entries(record.retries).slice(-maxSeen);
  return { ...record, seen: record.seen.slice(-maxSeen), retries: Object.fromEntries(retries) };
}

/** Far more than a feed lists at once, so an entry is never forgotten while the feed still shows it. */
export const MAX_SEEN_ENTRIES = 5000;
