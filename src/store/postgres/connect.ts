import pg from 'pg';
import type { Logger } from '../../log';
import { redactUrls } from '../../util/redactUrls';
import { MIGRATIONS } from '../migrations';
import { inTransaction } from './transaction';

/** Held while migrating, so that replicas starting together apply each migration once (any number unique to Parley). */
const MIGRATION_LOCK = 0x7061726c; // "parl"

/**
 * Connects to the Postgres of `PARLEY_DATABASE_URL` and brings its schema up to date. A
 * server that cannot be reached, or refuses Parley, stops start-up with the address (its
 * password hidden) and the reason.
 */
export async function connectPostgres(url: string, log: Logger): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // A connection the server drops while idle is replaced at the next query; without a listener it would crash the process.
  pool.on('error', (error) => log.warn(`Postgres: an idle connection failed (${error.message}); the next query opens another`));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the database ${redactUrls(url).slice(0, 200)} (PARLEY_DATABASE_URL) cannot be used: ${reason.slice(0, 300)}. ` +
        'Check that Postgres runs there and that the user, password and database in the URL are right.',
    );
  }
  return pool;
}

/** The same migrations as SQLite's, those not yet applied in one transaction, under a lock that replicas share. */
async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, new Date().toISOString()]);
    }
  });
}
