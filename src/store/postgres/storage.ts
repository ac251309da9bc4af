import type { Logger } from '../../log';
import { redactUrls } from '../../util/redactUrls';
import { DEFAULT_LEASE_MS, newLeaseHolder } from '../leases';
import { SqlArticleLedger } from '../sql/articleLedger';
import { SqlDeliveries } from '../sql/deliveries';
import { SqlInstallations } from '../sql/installations';
import { SqlRuns } from '../sql/runs';
import { SqlSubscriptions } from '../sql/subscriptions';
import type { Storage } from '../storage';
import { PostgresArticles } from './articles';
import { PostgresClient } from './client';
import { connectPostgres } from './connect';
import { PostgresFeedState } from './feedState';
import { PostgresLeases } from './leases';

/** Shared storage: every piece of state in the Postgres of `PARLEY_DATABASE_URL`. */
export async function openPostgresStorage(url: string, log: Logger, leaseMs = DEFAULT_LEASE_MS): Promise<Storage> {
  const pool = await connectPostgres(url, log);
  const sql = new PostgresClient(pool);
  let closed: Promise<void> | null = null;
  return {
    description: `Postgres (${redactUrls(url)})`,
    subscriptions: new SqlSubscriptions(sql),
    runs: new SqlRuns(sql),
    ledger: new SqlArticleLedger(sql),
    feedState: new PostgresFeedState(pool, log),
    installations: new SqlInstallations(sql),
    leases: new PostgresLeases(pool, newLeaseHolder(), leaseMs),
    deliveries: new SqlDeliveries(sql),
    articles: new PostgresArticles(pool, url, log),
    // Closing twice is harmless, as it is for SQLite.
    close: () => (closed ??= pool.end()),
  };
}
