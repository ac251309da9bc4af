import { hostname } from 'node:os';
import type { LeaseClaim, LeaseStore } from '../leases';
import type { ParleyDatabase } from './database';

/**
 * Leases in SQLite: one machine, so its clock (`now`) is every holder's, and a holder whose
 * process has ended (killed, crashed) frees its leases at once: a bot restarted after a
 * crash takes its work back without waiting for the expiry.
 */
export class SqliteLeases implements LeaseStore {
  constructor(
    private readonly db: ParleyDatabase,
    readonly holder: string,
    readonly durationMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  acquire(name: string): Promise<LeaseClaim> {
    const now = this.now();
    const taken = this.db
      .prepare(
        `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.holder = excluded.holder OR leases.expires_at <= ?`,
      )
      .run(name, this.holder, this.#expiry(now), new Date(now).toISOString()).changes;
    if (taken > 0) return Promise.resolve({ acquired: true });
    const row = this.db.prepare('SELECT holder, expires_at FROM leases WHERE name = ?').get(name) as { holder: string; expires_at: string } | undefined;
    // Released between the two statements: free now, so worth trying again at once.
    if (!row) return Promise.resolve({ acquired: false, holder: 'nobody', expiresInMs: 0 });
    if (!holderAlive(row.holder)) {
      const takenOver = this.db.prepare('UPDATE leases SET holder = ?, expires_at = ? WHERE name = ? AND holder = ?').run(this.holder, this.#expiry(now), name, row.holder).changes;
      if (takenOver > 0) return Promise.resolve({ acquired: true });
    }
    return Promise.resolve({ acquired: false, holder: row.holder, expiresInMs: Math.max(0, Date.parse(row.expires_at) - now) });
  }

  renew(name: string): Promise<boolean> {
    const changes = this.db.prepare('UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?').run(this.#expiry(this.now()), name, this.holder).changes;
    return Promise.resolve(changes > 0);
  }

  release(name: string): Promise<void> {
    this.db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, this.holder);
    return Promise.resolve();
  }

  #expiry(now: number): string {
    return new Date(now + this.durationMs).toISOString();
  }
}

/** False only for a holder of this machine whose process is gone (`host:pid:…`, src/store/leases.ts). */
function holderAlive(holder: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname() || !pid || !/^\d+$/u.test(pid)) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    // EPERM: the process runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
