import type pg from 'pg';
import type { LeaseClaim, LeaseStore } from '../leases';

/** Leases in Postgres, timed by the server's clock, so that replicas whose clocks differ agree on when one expires. */
export class PostgresLeases implements LeaseStore {
  constructor(
    private readonly pool: pg.Pool,
    readonly holder: string,
    readonly durationMs: number,
  ) {}

  async acquire(name: string): Promise<LeaseClaim> {
    const taken = await this.pool.query(
      `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= clock_timestamp()`,
      [name, this.holder, this.durationMs],
    );
    if ((taken.rowCount ?? 0) > 0) return { acquired: true };
    const { rows } = await this.pool.query<{ holder: string; expires_in_ms: number }>(
      `SELECT holder, greatest(0, extract(epoch FROM expires_at - clock_timestamp()) * 1000)::float8 AS expires_in_ms FROM leases WHERE name = $1`,
      [name],
    );
    // Released between the two statements: free now, so worth trying again at once.
    return rows[0] ? { acquired: false, holder: rows[0].holder, expiresInMs: rows[0].expires_in_ms } : { acquired: false, holder: 'nobody', expiresInMs: 0 };
  }

  async renew(name: string): Promise<boolean> {
    const result = await this.pool.query(`UPDATE leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond' WHERE name = $1 AND holder = $2`, [
      name,
      this.holder,
      this.durationMs,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async release(name: string): Promise<void> {
    await this.pool.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, this.holder]);
  }
}
