import type { Logger } from '../../log';
import { redactUrls } from '../../util/redactUrls';
import type { Storage } from '../storage';
import { PostgresArticleLedger } from './articleLedger';
import { connectPostgres } from './connect';
import { PostgresFeedState } from './feedState';
import { PostgresRuns } from './runs';
import { PostgresSubscriptions } from './subscriptions';

/** Shared storage: every piece of state in the Postgres of `PARLEY_DATABASE_URL`. */
export async function openPostgresStorage(url: string, log: Logger): Promise<Storage> {
  const pool = await connectPostgres(url, log);
  let closed: Promise<void> | null = null;
  return {
    description: `Postgres (${redactUrls(url)})`,
    subscriptions: new PostgresSubscriptions(pool),
    runs: new PostgresRuns(pool),
    ledger: new PostgresArticleLedger(pool),
    feedState: new PostgresFeedState(pool, log),
    // Closing twice is harmless, as it is for SQLite.
    close: () => (closed ??= pool.end()),
  };
}
