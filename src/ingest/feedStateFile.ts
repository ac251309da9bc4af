import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from '../log';
import { writeFileAtomic } from '../util/writeFileAtomic';
import { boundedRecord, emptyFeedRecord, feedRecordSchema, MAX_SEEN_ENTRIES, type FeedRecord, type FeedStateStore } from './feedState';

const stateFileSchema = z.object({ version: z.literal(1), feeds: z.record(z.string(), feedRecordSchema) });

/**
 * The polling state in one JSON file (`PARLEY_DATA_DIR/feeds-state.json`), read at the first
 * look and rewritten atomically at each change. A missing or corrupt file starts afresh.
 */
export class FeedStateFile implements FeedStateStore {
  #feeds: Map<string, FeedRecord> | null = null;

  constructor(
    readonly location: string,
    private readonly log: Logger,
    readonly maxSeen = MAX_SEEN_ENTRIES,
  ) {}

  get(feedUrl: string): Promise<FeedRecord> {
    return Promise.resolve(this.#loaded().get(feedUrl) ?? emptyFeedRecord());
  }

  set(feedUrl: string, record: FeedRecord): Promise<void> {
    const feeds = this.#loaded();
    feeds.set(feedUrl, boundedRecord(record, this.maxSeen));
    try {
      writeFileAtomic(this.location, `${JSON.stringify({ version: 1, feeds: Object.fromEntries(feeds) }, null, 2)}\n`);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  #loaded(): Map<string, FeedRecord> {
    this.#feeds ??= new Map(Object.entries(readState(this.location, this.log)));
    return this.#feeds;
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
