import type { DigestRun, RunState, RunStore } from '../../digest/runs';
import { runFromRow, type RunRow } from '../rows';
import type { ParleyDatabase } from './database';

export class SqliteRuns implements RunStore {
  constructor(private readonly db: ParleyDatabase) {}

  claim(subscriptionId: number, scheduledFor: Date, now: Date): Promise<DigestRun> {
    this.db
      .prepare(
        `INSERT INTO digest_runs (subscription_id, scheduled_for, covers_until, state, updated_at)
         VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (subscription_id, scheduled_for) DO NOTHING`,
      )
      .run(subscriptionId, scheduledFor.toISOString(), now.toISOString(), now.toISOString());
    return this.get(subscriptionId, scheduledFor) as Promise<DigestRun>;
  }

  get(subscriptionId: number, scheduledFor: Date): Promise<DigestRun | null> {
    return this.#one('SELECT * FROM digest_runs WHERE subscription_id = ? AND scheduled_for = ?', subscriptionId, scheduledFor.toISOString());
  }

  lastIn(subscriptionId: number, states: readonly RunState[]): Promise<DigestRun | null> {
    const placeholders = states.map(() => '?').join(', ');
    return this.#one(`SELECT * FROM digest_runs WHERE subscription_id = ? AND state IN (${placeholders}) ORDER BY scheduled_for DESC LIMIT 1`, subscriptionId, ...states);
  }

  latest(subscriptionId: number): Promise<DigestRun | null> {
    return this.#one('SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY scheduled_for DESC LIMIT 1', subscriptionId);
  }

  markPosted(id: number, messageIds: string[], now: Date): Promise<void> {
    return this.#complete(id, 'posted', JSON.stringify(messageIds), now);
  }

  markSkipped(id: number, now: Date): Promise<void> {
    return this.#complete(id, 'skipped', null, now);
  }

  recordFailure(id: number, error: string, retryAt: Date | null, now: Date): Promise<void> {
    this.db
      .prepare('UPDATE digest_runs SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, state = ?, updated_at = ? WHERE id = ?')
      .run(error, retryAt?.toISOString() ?? null, retryAt ? 'pending' : 'failed', now.toISOString(), id);
    return Promise.resolve();
  }

  #complete(id: number, state: RunState, messageIds: string | null, now: Date): Promise<void> {
    this.db.prepare('UPDATE digest_runs SET state = ?, message_ids = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?').run(state, messageIds, now.toISOString(), id);
    return Promise.resolve();
  }

  #one(sql: string, ...params: (string | number)[]): Promise<DigestRun | null> {
    const row = this.db.prepare(sql).get(...params) as RunRow | undefined;
    return Promise.resolve(row ? runFromRow(row) : null);
  }
}
