import type { Logger } from '../../log';
import { redactUrls } from '../../util/redactUrls';
import { DEFAULT_LEASE_MS, newLeaseHolder } from '../leases';
import { sqlTables } from '../sql/tables';
import type { Storage } from '../storage';
import { PostgresArticles } from './articles';
import { PostgresClient } from './client';
import { connectPostgres } from './connect';
import { PostgresFeedState } from './feedState';
import { PostgresLeases } from './leases';

/** Shared storage: every piece of state in the Postgres of `PARLEY_DATABASE_URL`. */
export async function openPostgresStorage(url: string, log: Logger, leaseMs = DEFAULT_LEASE_MS): Promise<Storage> {
  const pool = await connectPostgres(url, log);
  let closed: Promise<void> | null = null;
  return {
    ...sqlTables(new PostgresClient(pool)),
    description: `Postgres (${redactUrls(url)})`,
    feedState: new PostgresFeedState(pool, log),
    leases: new PostgresLeases(pool, newLeaseHolder(), leaseMs),
    articles: new PostgresArticles(pool, url, log),
    // Closing twice is harmless, as it is for SQLite.
    close: () => (closed ??= pool.end()),
  };
}
