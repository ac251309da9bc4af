import { Cron } from 'croner';
import type { Logger } from '../log';
import type { Digests } from './digests';
import { cronPattern } from './schedule';

/**
 * Wakes the digests when they are due: a croner job per subscription at its local time in
 * its time zone, a check at start-up (for runs missed while the bot was down) and a check
 * every minute (for retries, and for clocks that jump). A wake-up only asks
 * `Digests.runDue`, which decides what to post, so waking too often is harmless. A run that
 * another replica is posting is looked at again when that replica's lease ends: at once
 * done, or taken over if the replica died.
 */
export class DigestScheduler {
  #jobs: Cron[] = [];
  #interval: NodeJS.Timeout | null = null;
  /** The wake-up at the end of a lease another replica holds. */
  #leaseWake: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(
    private readonly digests: Digests,
    private readonly log: Logger,
    private readonly checkEveryMs = 60_000,
  ) {}

  start(): void {
    this.digests.onChange(() => this.#schedule());
    this.#schedule();
    this.#interval = setInterval(() => this.#wake(), this.checkEveryMs);
    this.#interval.unref();
    this.#wake();
  }

  stop(): void {
    this.#stopped = true;
    for (const job of this.#jobs) job.stop();
    this.#jobs = [];
    if (this.#interval) clearInterval(this.#interval);
    if (this.#leaseWake) clearTimeout(this.#leaseWake);
  }

  #schedule(): void {
    this.digests.subscriptions().then(
      (subscriptions) => {
        for (const job of this.#jobs) job.stop();
        if (this.#stopped) return;
        this.#jobs = subscriptions
          .filter((s) => !s.pausedReason)
          .map((s) => new Cron(cronPattern(s.time), { timezone: s.timezone, protect: true, unref: true }, () => this.#wake()));
      },
      // The check every minute still posts what is due; the jobs follow at the next change.
      (error: unknown) => this.log.error('digest: reading the subscriptions to schedule them failed', error),
    );
  }

  #wake(): void {
    this.digests.runDue().then(
      ({ lookAgainInMs }) => {
        if (lookAgainInMs === null || this.#stopped) return;
        if (this.#leaseWake) clearTimeout(this.#leaseWake);
        this.#leaseWake = setTimeout(() => this.#wake(), lookAgainInMs + LEASE_END_MARGIN_MS);
        this.#leaseWake.unref();
      },
      (error: unknown) => this.log.error('digest: checking for due digests failed (retried in a minute)', error),
    );
  }
}

/** After a lease's end as the database reported it, so that the look finds it ended even with the query's own delay. */
const LEASE_END_MARGIN_MS = 250;
