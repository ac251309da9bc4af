import type { DigestRun, RunState, RunStore } from '../../digest/runs';
import { runFromRow, type RunRow } from '../rows';
import type { SqlClient } from './client';

/** The `digest_runs` table, the same SQL in both backends but for how a list of states is matched. */
export class SqlRuns implements RunStore {
  constructor(private readonly sql: SqlClient) {}

  claim(subscriptionId: number, scheduledFor: Date, now: Date): Promise<DigestRun> {
    return this.sql
      .run(
        `INSERT INTO digest_runs (subscription_id, scheduled_for, covers_until, state, updated_at)
         VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT (subscription_id, scheduled_for) DO NOTHING`,
        [subscriptionId, scheduledFor.toISOString(), now.toISOString(), now.toISOString()],
      )
      .then(() => this.get(subscriptionId, scheduledFor) as Promise<DigestRun>);
  }

  get(subscriptionId: number, scheduledFor: Date): Promise<DigestRun | null> {
    return this.#one('SELECT * FROM digest_runs WHERE subscription_id = $1 AND scheduled_for = $2', [subscriptionId, scheduledFor.toISOString()]);
  }

  lastIn(subscriptionId: number, states: readonly RunState[]): Promise<DigestRun | null> {
    // Postgres takes the states as one array parameter; SQLite, one placeholder each.
    const [stateMatches, stateParams] =
      this.sql.dialect === 'postgres' ? ['state = ANY($2)', [[...states]]] : [`state IN (${states.map((_, i) => `$${i + 2}`).join(', ')})`, states];
    return this.#one(`SELECT * FROM digest_runs WHERE subscription_id = $1 AND ${stateMatches} ORDER BY scheduled_for DESC LIMIT 1`, [subscriptionId, ...stateParams]);
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

  recordFailure(id: number, error: string, retryAt: Date | null, now: Date): Promise<void> {
    return this.sql
      .run('UPDATE digest_runs SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, state = $3, updated_at = $4 WHERE id = $5', [
        error,
        retryAt?.toISOString() ?? null,
        retryAt ? 'pending' : 'failed',
        now.toISOString(),
        id,
      ])
      .then(() => undefined);
  }

  #complete(id: number, state: RunState, messageIds: string | null, now: Date): Promise<void> {
    return this.sql
      .run('UPDATE digest_runs SET state = $1, message_ids = $2, next_attempt_at = NULL, updated_at = $3 WHERE id = $4', [state, messageIds, now.toISOString(), id])
      .then(() => undefined);
  }

  #one(sql: string, params: readonly unknown[]): Promise<DigestRun | null> {
    return this.sql.query<RunRow>(sql, params).then((rows) => (rows[0] ? runFromRow(rows[0]) : null));
  }
}
