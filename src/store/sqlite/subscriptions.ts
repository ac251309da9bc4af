import type { Subscription, SubscriptionFields, SubscriptionStore } from '../../digest/subscriptions';
import { subscriptionFromRow, type SubscriptionRow } from '../rows';
import type { ParleyDatabase } from './database';

export class SqliteSubscriptions implements SubscriptionStore {
  constructor(private readonly db: ParleyDatabase) {}

  subscribe(fields: SubscriptionFields, now: Date): Promise<Subscription> {
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, workspace_id, time, timezone, created_at, created_by)
         VALUES (@platform, @channelId, @workspaceId, @time, @timezone, @createdAt, @createdBy)
         ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, time = excluded.time, timezone = excluded.timezone, paused_reason = NULL`,
      )
      .run({ ...fields, workspaceId: fields.workspaceId ?? null, createdAt: now.toISOString() });
    return this.get(fields.platform, fields.channelId) as Promise<Subscription>;
  }

  unsubscribe(platform: string, channelId: string): Promise<boolean> {
    return Promise.resolve(this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId).changes > 0);
  }

  unsubscribeWorkspace(platform: string, workspaceId: string): Promise<number> {
    return Promise.resolve(this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND workspace_id = ?').run(platform, workspaceId).changes);
  }

  get(platform: string, channelId: string): Promise<Subscription | null> {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?').get(platform, channelId) as SubscriptionRow | undefined;
    return Promise.resolve(row ? subscriptionFromRow(row) : null);
  }

  all(): Promise<Subscription[]> {
    return Promise.resolve((this.db.prepare('SELECT * FROM subscriptions ORDER BY id').all() as SubscriptionRow[]).map(subscriptionFromRow));
  }

  pause(id: number, reason: string): Promise<void> {
    this.db.prepare('UPDATE subscriptions SET paused_reason = ? WHERE id = ?').run(reason, id);
    return Promise.resolve();
  }
}
