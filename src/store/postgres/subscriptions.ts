import type pg from 'pg';
import type { Subscription, SubscriptionFields, SubscriptionStore } from '../../digest/subscriptions';
import { subscriptionFromRow, type SubscriptionRow } from '../rows';

export class PostgresSubscriptions implements SubscriptionStore {
  constructor(private readonly pool: pg.Pool) {}

  async subscribe(fields: SubscriptionFields, now: Date): Promise<Subscription> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `INSERT INTO subscriptions (platform, channel_id, workspace_id, time, timezone, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, time = excluded.time, timezone = excluded.timezone, paused_reason = NULL
       RETURNING *`,
      [fields.platform, fields.channelId, fields.workspaceId ?? null, fields.time, fields.timezone, now.toISOString(), fields.createdBy],
    );
    return subscriptionFromRow(rows[0]!);
  }

  async unsubscribe(platform: string, channelId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return (result.rowCount ?? 0) > 0;
  }

  async unsubscribeWorkspace(platform: string, workspaceId: string): Promise<number> {
    return (await this.pool.query('DELETE FROM subscriptions WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId])).rowCount ?? 0;
  }

  async get(platform: string, channelId: string): Promise<Subscription | null> {
    const { rows } = await this.pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return rows[0] ? subscriptionFromRow(rows[0]) : null;
  }

  async all(): Promise<Subscription[]> {
    return (await this.pool.query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id')).rows.map(subscriptionFromRow);
  }

  async pause(id: number, reason: string): Promise<void> {
    await this.pool.query('UPDATE subscriptions SET paused_reason = $1 WHERE id = $2', [reason, id]);
  }
}
