import type pg from 'pg';
import { boundedRecord, emptyFeedRecord, feedRecordSchema, MAX_SEEN_ENTRIES, type FeedRecord, type FeedStateStore } from '../../ingest/feedState';
import type { Logger } from '../../log';

/** The polling state in the `feed_state` table, one row a feed; a row that does not parse starts that feed afresh. */
export class PostgresFeedState implements FeedStateStore {
  readonly location = 'the database (table feed_state)';

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
    readonly maxSeen = MAX_SEEN_ENTRIES,
  ) {}

  async get(feedUrl: string): Promise<FeedRecord> {
    const { rows } = await this.pool.query<{ record: string }>('SELECT record FROM feed_state WHERE feed_url = $1', [feedUrl]);
    if (!rows[0]) return emptyFeedRecord();
    try {
      return feedRecordSchema.parse(JSON.parse(rows[0].record));
    } catch {
      this.log.warn(`the feed state of one feed in ${this.location} is unreadable; its polling starts afresh`);
      return emptyFeedRecord();
    }
  }

  async set(feedUrl: string, record: FeedRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO feed_state (feed_url, record, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (feed_url) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at`,
      [feedUrl, JSON.stringify(boundedRecord(record, this.maxSeen)), new Date().toISOString()],
    );
  }
}
