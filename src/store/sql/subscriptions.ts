import type { Subscription, SubscriptionFields, SubscriptionStore } from '../../digest/subscriptions';
import { subscriptionFromRow, type SubscriptionRow } from '../rows';
import type { SqlClient } from './client';

/** The `subscriptions` table, the same SQL in both backends (SQLite has had `RETURNING` since 3.35). */
export class SqlSubscriptions implements SubscriptionStore {
  constructor(private readonly sql: SqlClient) {}

  subscribe(fields: SubscriptionFields, now: Date): Promise<Subscription> {
    return this.sql
      .query<SubscriptionRow>(
        `INSERT INTO subscriptions (platform, channel_id, workspace_id, time, timezone, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, time = excluded.time, timezone = excluded.timezone, paused_reason = NULL
         RETURNING *`,
        [fields.platform, fields.channelId, fields.workspaceId ?? null, fields.time, fields.timezone, now.toISOString(), fields.createdBy],
      )
      .then((rows) => subscriptionFromRow(rows[0]!));
  }

  unsubscribe(platform: string, channelId: string): Promise<boolean> {
    return this.sql.run('DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId]).then((changed) => changed > 0);
  }

  unsubscribeWorkspace(platform: string, workspaceId: string): Promise<number> {
    return this.sql.run('DELETE FROM subscriptions WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]);
  }

  get(platform: string, channelId: string): Promise<Subscription | null> {
    return this.sql
      .query<SubscriptionRow>('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId])
      .then((rows) => (rows[0] ? subscriptionFromRow(rows[0]) : null));
  }

  all(): Promise<Subscription[]> {
    return this.sql.query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id').then((rows) => rows.map(subscriptionFromRow));
  }

  pause(id: number, reason: string): Promise<void> {
    return this.sql.run('UPDATE subscriptions SET paused_reason = $1 WHERE id = $2', [reason, id]).then(() => undefined);
  }
}
