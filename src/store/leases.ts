import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** What trying to take a lease found: it is ours now, or another replica holds it for a while yet. */
export type LeaseClaim = { acquired: true } | { acquired: false; holder: string; expiresInMs: number };

/**
 * Leases in the database, so that one replica at a time does a piece of work (posts a digest
 * run, polls a feed, ingests a source): a lease names the work, its holder and when it
 * expires. The holder renews it while it works and releases it when done; one whose holder
 * died expires, and another replica takes the work over. Each opened storage is one holder.
 */
export interface LeaseStore {
  /** This replica, as it appears in the leases it holds: host, process id and a random part. */
  readonly holder: string;
  /** How long a lease lasts unless renewed (PARLEY_LEASE_SECONDS). */
  readonly durationMs: number;
  /** Takes the lease when it is free or expired; renews it when this holder has it already. */
  acquire(name: string): Promise<LeaseClaim>;
  /** Extends a lease this holder has; false when it has lost it (it expired and another replica took it). */
  renew(name: string): Promise<boolean>;
  /** Gives the lease up, if this holder has it. */
  release(name: string): Promise<void>;
}

/** One holder name a storage: `host:pid:random`, the process id for the operator (and the tests), the random part for a restart that reuses one. */
export const newLeaseHolder = (): string => `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** Thirty seconds: a digest post or a feed poll renews it every ten; a crashed holder's work waits at most this long. */
export const DEFAULT_LEASE_MS = 30_000;
