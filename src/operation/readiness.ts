/** What must be true before the bot is ready to serve; each starts false. */
export type ReadinessCheck = 'index' | 'platforms' | 'warm-up';

/**
 * The bot's readiness, as `/readyz` reports it: ready once the index is loaded, the
 * platforms are connected and the background warm-up has finished; not ready again while
 * shutting down, so a load balancer stops sending requests first.
 */
export class Readiness {
  readonly #passed = new Map<ReadinessCheck, boolean>([
    ['index', false],
    ['platforms', false],
    ['warm-up', false],
  ]);
  #stopping = false;

  pass(check: ReadinessCheck): void {
    this.#passed.set(check, true);
  }

  stopping(): void {
    this.#stopping = true;
  }

  get ready(): boolean {
    return !this.#stopping && [...this.#passed.values()].every(Boolean);
  }

  report(): { ready: boolean; stopping: boolean; checks: Record<ReadinessCheck, boolean> } {
    return { ready: this.ready, stopping: this.#stopping, checks: Object.fromEntries(this.#passed) as Record<ReadinessCheck, boolean> };
  }
}
