import type { Logger } from '../log';
import type { LeaseStore } from './leases';

/** How a piece of work under a lease went: done by this replica, or left to the one that holds the lease. */
export type LeasedOutcome<T> = { done: true; value: T } | { done: false; holder: string; expiresInMs: number };

/**
 * Does `work` under the lease `name`, if this replica can take it: the lease is renewed every
 * third of its duration while the work runs, and released after, however the work ends. A
 * renewal that finds the lease lost (this replica stalled past its expiry and another took
 * it over) is logged and aborts `signal`, which long work should heed; a renewal that fails
 * (the database briefly unreachable) is logged and tried again at the next tick.
 */
export async function withLease<T>(leases: LeaseStore, name: string, log: Logger, work: (signal: AbortSignal) => Promise<T>): Promise<LeasedOutcome<T>> {
  const claim = await leases.acquire(name);
  if (!claim.acquired) return { done: false, holder: claim.holder, expiresInMs: claim.expiresInMs };
  const lost = new AbortController();
  const renewal = setInterval(() => {
    leases.renew(name).then(
      (held) => {
        if (held || lost.signal.aborted) return;
        log.warn(`lease ${name} was taken over by another replica while this one worked on it`);
        lost.abort(new Error(`lease ${name} lost`));
      },
      (error: unknown) => log.warn(`renewing lease ${name} failed (tried again in ${Math.round(leases.durationMs / 3000)} s): ${(error as Error).message}`),
    );
  }, leases.durationMs / 3);
  renewal.unref();
  try {
    return { done: true, value: await work(lost.signal) };
  } finally {
    clearInterval(renewal);
    await leases.release(name).catch((error: unknown) => log.warn(`releasing lease ${name} failed (it expires by itself): ${(error as Error).message}`));
  }
}
