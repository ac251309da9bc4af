import { silentLogger, type Logger } from '../log';
import type { DeliveryRecords } from '../store/deliveries';

export interface DeliveryLogOptions {
  /** How long a delivery is remembered: a Slack response_url or a Discord interaction token stays valid for 15–30 minutes, repeats come within that. */
  ttlMs: number;
  /** How many deliveries are remembered at most in memory; the oldest are forgotten first (the shared records keep them for the time to live). */
  capacity: number;
  now: () => number;
  /** The records the replicas share (the storage's `deliveries`); without them, this process's memory alone decides. */
  shared?: DeliveryRecords | undefined;
  /** How often at most the shared records are pruned of keys past their time to live. */
  pruneEveryMs: number;
  log: Logger;
}

/**
 * Remembers the requests already answered, so that a repeated delivery is acknowledged but
 * never answered twice: Slack retries when an acknowledgement is late or lost
 * (`X-Slack-Retry-Num` over HTTP, `retry_attempt` in Socket Mode), and a Discord interaction
 * may arrive again (replayed by a gateway resume, or a signed HTTP request sent twice). With
 * several replicas the repeat may reach another one: the key is then recorded in the shared
 * database, whose insert decides; this process's memory answers its own repeats without asking.
 */
export class DeliveryLog {
  readonly #options: DeliveryLogOptions;
  /** Delivery key → when it was first seen; a Map iterates in insertion order, oldest first. */
  readonly #seen = new Map<string, number>();
  #lastPrune = Number.NEGATIVE_INFINITY;

  constructor(options: Partial<DeliveryLogOptions> = {}) {
    this.#options = { ...DEFAULT_DELIVERY_LOG_OPTIONS, ...options };
  }

  /**
   * True the first time a key is seen (within the time to live), by this process or, with
   * shared records, by any replica; false for every repeat. Platforms' ids overlap in no way
   * that matters, but keys are best prefixed with the platform (`slack:…`, `discord:…`).
   * Shared records that cannot be reached let the request through (logged): answering twice
   * is better than not at all.
   */
  async isFirst(key: string): Promise<boolean> {
    const now = this.#options.now();
    for (const [oldest, seenAt] of this.#seen) {
      if (now - seenAt < this.#options.ttlMs) break;
      this.#seen.delete(oldest);
    }
    if (this.#seen.has(key)) return false;
    if (this.#seen.size >= this.#options.capacity) this.#seen.delete(this.#seen.keys().next().value!);
    this.#seen.set(key, now);
    const { shared, log } = this.#options;
    if (!shared) return true;
    this.#pruneShared(shared, now);
    try {
      return await shared.recordFirst(key, new Date(now), new Date(now - this.#options.ttlMs));
    } catch (error) {
      log.warn(`the shared record of requests answered could not be read (this one is answered, perhaps by another replica too): ${(error as Error).message}`);
      return true;
    }
  }

  #pruneShared(shared: DeliveryRecords, now: number): void {
    if (now - this.#lastPrune < this.#options.pruneEveryMs) return;
    this.#lastPrune = now;
    shared.prune(new Date(now - this.#options.ttlMs)).catch((error: unknown) => this.#options.log.warn(`pruning the requests answered failed (tried again later): ${(error as Error).message}`));
  }
}

export const DEFAULT_DELIVERY_LOG_OPTIONS: Readonly<DeliveryLogOptions> = Object.freeze({
  ttlMs: 30 * 60 * 1000,
  capacity: 10_000,
  now: () => Date.now(),
  shared: undefined,
  pruneEveryMs: 60 * 1000,
  log: silentLogger,
});
