import type pg from 'pg';
import type { DigestRun, RunState, RunStore } from '../../digest/runs';
import { runFromRow, type RunRow } from '../rows';

export class PostgresRuns implements RunStore {
  constructor(private readonly pool: pg.Pool) {}

  async claim(subscriptionId: number, scheduledFor: Date, now: Date): Promise<DigestRun> {
    await this.pool.query(
      `INSERT INTO digest_runs (subscription_id, scheduled_for, covers_until, state, updated_at)
       VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (subscription_id, scheduled_for) DO NOTHING`,
      [subscriptionId, scheduledFor.toISOString(), now.toISOString(), now.toISOString()],
    );
    return (await this.get(subscriptionId, scheduledFor))!;
  }

  get(subscriptionId: number, scheduledFor: Date): Promise<DigestRun | null> {
    return this.#one('SELECT * FROM digest_runs WHERE subscription_id = $1 AND scheduled_for = $2', [subscriptionId, scheduledFor.toISOString()]);
  }

  lastIn(subscriptionId: number, states: readonly RunState[]): Promise<DigestRun | null> {
    return this.#one('SELECT * FROM digest_runs WHERE subscription_id = $1 AND state = ANY($2) ORDER BY scheduled_for DESC LIMIT 1', [subscriptionId, [...states]]);
  }

  latest(subscriptionId: number): Promise<DigestRun | null> {
    return this.#one('SELECT * FROM digest_runs WHERE subscription_id = $1 ORDER BY scheduled_for DESC LIMIT 1', [subscriptionId]);
  }

  markPosted(id: number, messageIds: string[], now: Date): Promise<void> {
    return this.#complete(id, 'posted', JSON.stringify(messageIds), now);
  }

  markSkipped(id: number, now: Date): Promise<void> {
    return this.#complete(id, 'skipped', null, now);
  }

  async recordFailure(id: number, error: string, retryAt: Date | null, now: Date): Promise<void> {
    await this.pool.query('UPDATE digest_runs SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, state = $3, updated_at = $4 WHERE id = $5', [
      error,
      retryAt?.toISOString() ?? null,
      retryAt ? 'pending' : 'failed',
      now.toISOString(),
      id,
    ]);
  }

  async #complete(id: number, state: RunState, messageIds: string | null, now: Date): Promise<void> {
    await this.pool.query('UPDATE digest_runs SET state = $1, message_ids = $2, next_attempt_at = NULL, updated_at = $3 WHERE id = $4', [state, messageIds, now.toISOString(), id]);
  }

  async #one(sql: string, params: unknown[]): Promise<DigestRun | null> {
    const { rows } = await this.pool.query<RunRow>(sql, params);
    return rows[0] ? runFromRow(rows[0]) : null;
  }
}
