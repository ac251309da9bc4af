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

/** The digest runs of every subscription (kept in SQLite or Postgres: src/store). */
export interface RunStore {
  /** The run of this occurrence, recording it as pending if it is new. */
  claim(subscriptionId: number, scheduledFor: Date, now: Date): Promise<DigestRun>;
  get(subscriptionId: number, scheduledFor: Date): Promise<DigestRun | null>;
  /** The latest run in one of these states: the latest delivered run ('posted') is what readers saw last. */
  lastIn(subscriptionId: number, states: readonly RunState[]): Promise<DigestRun | null>;
  latest(subscriptionId: number): Promise<DigestRun | null>;
  markPosted(id: number, messageIds: string[], now: Date): Promise<void>;
  markSkipped(id: number, now: Date): Promise<void>;
  /** Records a failed attempt: to be retried at `retryAt`, or failed for good when it is null. */
  recordFailure(id: number, error: string, retryAt: Date | null, now: Date): Promise<void>;
}
