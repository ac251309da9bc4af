export interface DeliveryLogOptions {
  /** How long a delivery is remembered: a Slack response_url or a Discord interaction token stays valid for 15–30 minutes, repeats come within that. */
  ttlMs: number;
  /** How many deliveries are remembered at most; the oldest are forgotten first. */
  capacity: number;
  now: () => number;
}

/**
 * Remembers the requests already answered, so that a repeated delivery is acknowledged but
 * never answered twice: Slack retries when an acknowledgement is late or lost
 * (`X-Slack-Retry-Num` over HTTP, `retry_attempt` in Socket Mode), and a Discord interaction
 * may arrive again (replayed by a gateway resume, or a signed HTTP request sent twice).
 */
export class DeliveryLog {
  readonly #options: DeliveryLogOptions;
  /** Delivery key → when it was first seen; a Map iterates in insertion order, oldest first. */
  readonly #seen = new Map<string, number>();

  constructor(options: Partial<DeliveryLogOptions> = {}) {
    this.#options = { ...DEFAULT_DELIVERY_LOG_OPTIONS, ...options };
  }

  /** True the first time a key is seen (within the time to live); false for every repeat. */
  isFirst(key: string): boolean {
    const now = this.#options.now();
    for (const [oldest, seenAt] of this.#seen) {
      if (now - seenAt < this.#options.ttlMs) break;
      this.#seen.delete(oldest);
    }
    if (this.#seen.has(key)) return false;
    if (this.#seen.size >= this.#options.capacity) this.#seen.delete(this.#seen.keys().next().value!);
    this.#seen.set(key, now);
    return true;
  }
}

export const DEFAULT_DELIVERY_LOG_OPTIONS: Readonly<DeliveryLogOptions> = Object.freeze({
  ttlMs: 30 * 60 * 1000,
  capacity: 10_000,
  now: () => Date.now(),
});
