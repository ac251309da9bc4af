import { join } from 'node:path';
import { FEED_STATE_FILE } from '../../ingest/feedState';
import { FeedStateFile } from '../../ingest/feedStateFile';
import type { Logger } from '../../log';
import { DEFAULT_LEASE_MS, newLeaseHolder } from '../leases';
import type { Storage } from '../storage';
import { SqliteArticleLedger } from './articleLedger';
import { DATABASE_FILE, openDatabase } from './database';
import { SqliteDeliveries } from './deliveries';
import { SqliteInstallations } from './installations';
import { SqliteLeases } from './leases';
import { SqliteRuns } from './runs';
import { SqliteSubscriptions } from './subscriptions';

/** The default storage: the SQLite database in the data folder, and the feed state in its JSON file beside it, as ever. */
export function openSqliteStorage(dataDir: string, log: Logger, leaseMs = DEFAULT_LEASE_MS): Storage {
  const db = openDatabase(dataDir, log);
  return {
    description: `SQLite (${join(dataDir, DATABASE_FILE)})`,
    subscriptions: new SqliteSubscriptions(db),
    runs: new SqliteRuns(db),
    ledger: new SqliteArticleLedger(db),
    feedState: new FeedStateFile(join(dataDir, FEED_STATE_FILE), log),
    installations: new SqliteInstallations(db),
    leases: new SqliteLeases(db, newLeaseHolder(), leaseMs),
    deliveries: new SqliteDeliveries(db),
    articles: null,
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}
