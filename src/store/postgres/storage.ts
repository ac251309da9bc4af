import type { Logger } from '../../log';
import { redactUrls } from '../../util/redactUrls';
import { DEFAULT_LEASE_MS, newLeaseHolder } from '../leases';
import type { Storage } from '../storage';
import { PostgresArticleLedger } from './articleLedger';
import { PostgresArticles } from './articles';
import { connectPostgres } from './connect';
import { PostgresDeliveries } from './deliveries';
import { PostgresFeedState } from './feedState';
import { PostgresInstallations } from './installations';
import { PostgresLeases } from './leases';
import { PostgresRuns } from './runs';
import { PostgresSubscriptions } from './subscriptions';

/** Shared storage: every piece of state in the Postgres of `PARLEY_DATABASE_URL`. */
export async function openPostgresStorage(url: string, log: Logger, leaseMs = DEFAULT_LEASE_MS): Promise<Storage> {
  const pool = await connectPostgres(url, log);
  let closed: Promise<void> | null = null;
  return {
    description: `Postgres (${redactUrls(url)})`,
    subscriptions: new PostgresSubscriptions(pool),
    runs: new PostgresRuns(pool),
    ledger: new PostgresArticleLedger(pool),
    feedState: new PostgresFeedState(pool, log),
    installations: new PostgresInstallations(pool),
    leases: new PostgresLeases(pool, newLeaseHolder(), leaseMs),
    deliveries: new PostgresDeliveries(pool),
    articles: new PostgresArticles(pool, url, log),
    // Closing twice is harmless, as it is for SQLite.
    close: () => (closed ??= pool.end()),
  };
}
