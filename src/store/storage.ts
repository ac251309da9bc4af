import type { ArticleLedger } from '../digest/articleLedger';
import type { RunStore } from '../digest/runs';
import type { SubscriptionStore } from '../digest/subscriptions';
import type { FeedStateStore } from '../ingest/feedState';

/**
 * Every piece of state the bot writes and cannot rebuild, behind one interface: SQLite in the
 * data folder (src/store/sqlite, the default), or Postgres when `PARLEY_DATABASE_URL` is set
 * (src/store/postgres), with the same migrations (src/store/migrations.ts).
 */
export interface Storage {
  /** Which backend it is, for the log: "SQLite (data/parley.sqlite)", "Postgres (postgres://host/db)". */
  readonly description: string;
  readonly subscriptions: SubscriptionStore;
  readonly runs: RunStore;
  readonly ledger: ArticleLedger;
  readonly feedState: FeedStateStore;
  close(): Promise<void>;
}
