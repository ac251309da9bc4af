/**
 * Remembers the requests already answered, so that a repeated delivery (Slack retries when
 * an acknowledgement is late or lost: `X-Slack-Retry-Num` over HTTP, `retry_attempt` in
 * Socket Mode) is acknowledged but never answered twice.
 */
export interface DeliveryLogOptions {
  /** How long a delivery is remembered: a response_url stays valid for 30 minutes, retries come within that. */
  ttlMs: number;
  /** How many deliveries are remembered at most; the oldest are forgotten first. */
  capacity: number;
  now: () => number;
}

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
