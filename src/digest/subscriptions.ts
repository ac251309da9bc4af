import type { ParleyDatabase } from '../store/database';
import type { DailySchedule } from './schedule';

export interface Subscription extends DailySchedule {
  id: number;
  platform: string;
  channelId: string;
  createdAt: Date;
  createdBy: string | null;
  /** Why posting stopped after repeated failures; null while active. */
  pausedReason: string | null;
}

interface SubscriptionRow {
  id: number;
  platform: string;
  channel_id: string;
  time: string;
  timezone: string;
  created_at: string;
  created_by: string | null;
  paused_reason: string | null;
}

/** Channels subscribed to the daily digest, one subscription per channel. */
export class SubscriptionStore {
  constructor(private readonly db: ParleyDatabase) {}

  /**
   * Subscribes a channel, or changes its schedule. Re-subscribing resumes a paused
   * subscription but keeps its start, so it never backfills.
   */
  subscribe(fields: { platform: string; channelId: string; time: string; timezone: string; createdBy: string | null }, now: Date): Subscription {
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, time, timezone, created_at, created_by)
         VALUES (@platform, @channelId, @time, @timezone, @createdAt, @createdBy)
         ON CONFLICT (platform, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone, paused_reason = NULL`,
      )
      .run({ ...fields, createdAt: now.toISOString() });
    return this.get(fields.platform, fields.channelId)!;
  }

  unsubscribe(platform: string, channelId: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId).changes > 0;
  }

  get(platform: string, channelId: string): Subscription | null {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?').get(platform, channelId) as SubscriptionRow | undefined;
    return row ? fromRow(row) : null;
  }

  all(): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY id').all() as SubscriptionRow[]).map(fromRow);
  }

  pause(id: number, reason: string): void {
    this.db.prepare('UPDATE subscriptions SET paused_reason = ? WHERE id = ?').run(reason, id);
  }
}

const fromRow = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  platform: row.platform,
  channelId: row.channel_id,
  time: row.time,
  timezone: row.timezone,
  createdAt: new Date(row.created_at),
  createdBy: row.created_by,
  pausedReason: row.paused_reason,
});
