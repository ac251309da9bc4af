import { join } from 'node:path';
import { FEED_STATE_FILE } from '../../ingest/feedState';
import { FeedStateFile } from '../../ingest/feedStateFile';
import type { Logger } from '../../log';
import { DEFAULT_LEASE_MS, newLeaseHolder } from '../leases';
import { sqlTables } from '../sql/tables';
import type { Storage } from '../storage';
import { SqliteClient } from './client';
import { DATABASE_FILE, openDatabase } from './database';
import { SqliteLeases } from './leases';

/** The default storage: the SQLite database in the data folder, and the feed state in its JSON file beside it, as ever. */
export function openSqliteStorage(dataDir: string, log: Logger, leaseMs = DEFAULT_LEASE_MS): Storage {
  const db = openDatabase(dataDir, log);
  return {
    ...sqlTables(new SqliteClient(db)),
    description: `SQLite (${join(dataDir, DATABASE_FILE)})`,
    feedState: new FeedStateFile(join(dataDir, FEED_STATE_FILE), log),
    leases: new SqliteLeases(db, newLeaseHolder(), leaseMs),
    articles: null,
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}
