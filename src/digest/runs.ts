import type { ParleyDatabase } from '../store/database';

export type RunState = 'pending' | 'posted' | 'skipped' | 'failed';

/**
 * One scheduled digest of one subscription. It is recorded (pending) before anything is
 * posted and completed after, so a crash in between is seen at the next start.
 */
export interface DigestRun {
  id: number;
  subscriptionId: number;
  /** The scheduled occurrence: together with the subscription, the run's identity. */
  scheduledFor: Date;
  /** Articles that joined the corpus up to this instant are covered by this run. */
  coversUntil: Date;
  state: RunState;
  attempts: number;
  nextAttemptAt: Date | null;
  messageIds: string[];
  lastError: string | null;
}

interface RunRow {
  id: number;
  subscription_id: number;
  scheduled_for: string;
  covers_until: string;
  state: RunState;
  attempts: number;
  next_attempt_at: string | null;
  message_ids: string | null;
  last_error: string | null;
}

export class RunStore {
  constructor(private readonly db: ParleyDatabase) {}

  /** The run of this occurrence, recording it as pending if it is new. */
  claim(subscriptionId: number, scheduledFor: Date, now: Date): DigestRun {
    this.db
      .prepare(
        `INSERT INTO digest_runs (subscription_id, scheduled_for, covers_until, state, updated_at)
         VALUES (?, ?, ?, 'pending', ?) ON CONFLICT (subscription_id, scheduled_for) DO NOTHING`,
      )
      .run(subscriptionId, scheduledFor.toISOString(), now.toISOString(), now.toISOString());
    return this.get(subscriptionId, scheduledFor)!;
  }

  get(subscriptionId: number, scheduledFor: Date): DigestRun | null {
    const row = this.db
      .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND scheduled_for = ?')
      .get(subscriptionId, scheduledFor.toISOString()) as RunRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** The latest run in one of these states: the latest delivered run ('posted') is what readers saw last. */
  lastIn(subscriptionId: number, states: readonly RunState[]): DigestRun | null {
    const row = this.db
      .prepare(`SELECT * FROM digest_runs WHERE subscription_id = ? AND state IN (${states.map(() => '?').join(', ')}) ORDER BY scheduled_for DESC LIMIT 1`)
      .get(subscriptionId, ...states) as RunRow | undefined;
    return row ? fromRow(row) : null;
  }

  latest(subscriptionId: number): DigestRun | null {
    const row = this.db
      .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY scheduled_for DESC LIMIT 1')
      .get(subscriptionId) as RunRow | undefined;
    return row ? fromRow(row) : null;
  }

  markPosted(id: number, messageIds: string[], now: Date): void {
    this.#complete(id, 'posted', JSON.stringify(messageIds), now);
  }

  markSkipped(id: number, now: Date): void {
    this.#complete(id, 'skipped', null, now);
  }

  /** Records a failed attempt: to be retried at `retryAt`, or failed for good when it is null. */
  recordFailure(id: number, error: string, retryAt: Date | null, now: Date): void {
    this.db
      .prepare(
        `UPDATE digest_runs SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, state = ?, updated_at = ? WHERE id = ?`,
      )
      .run(error, retryAt?.toISOString() ?? null, retryAt ? 'pending' : 'failed', now.toISOString(), id);
  }

  #complete(id: number, state: RunState, messageIds: string | null, now: Date): void {
    this.db
      .prepare('UPDATE digest_runs SET state = ?, message_ids = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?')
      .run(state, messageIds, now.toISOString(), id);
  }
}

const fromRow = (row: RunRow): DigestRun => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  scheduledFor: new Date(row.scheduled_for),
  coversUntil: new Date(row.covers_until),
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at) : null,
  messageIds: row.message_ids ? (JSON.parse(row.message_ids) as string[]) : [],
  lastError: row.last_error,
});
