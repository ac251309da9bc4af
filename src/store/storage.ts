import type { ArticleLedger } from '../digest/articleLedger';
import type { RunStore } from '../digest/runs';
import type { SubscriptionStore } from '../digest/subscriptions';
import type { FeedStateStore } from '../ingest/feedState';
import type { SharedArticles } from '../library/sharedArticles';
import type { DeliveryRecords } from './deliveries';
import type { InstallationRecords } from './installations';
import type { LeaseStore } from './leases';

/**
 * Every piece of state the bot writes and cannot rebuild, behind one interface: SQLite in the
 * data folder (src/store/sqlite, the default), or Postgres when `PARLEY_DATABASE_URL` is set
 * (src/store/postgres), with the same migrations (src/store/migrations.ts). The tables whose SQL
 * the two share are one store each over either one's `SqlClient` (src/store/sql).
 */
export interface Storage {
  /** Which backend it is, for the log: "SQLite (data/parley.sqlite)", "Postgres (postgres://host/db)". */
  readonly description: string;
  readonly subscriptions: SubscriptionStore;
  readonly runs: RunStore;
  readonly ledger: ArticleLedger;
  readonly feedState: FeedStateStore;
  /** The Slack workspaces installed through the OAuth flow (empty with one SLACK_BOT_TOKEN). */
  readonly installations: InstallationRecords;
  /** Who does a piece of work (a digest run, a feed poll, an ingestion) when several replicas could: this storage is one holder. */
  readonly leases: LeaseStore;
  /** The requests already answered, shared by the replicas on this storage. */
  readonly deliveries: DeliveryRecords;
  /** The corpus the replicas share (Postgres); null: the corpus is the corpus folder (SQLite). */
  readonly articles: SharedArticles | null;
  close(): Promise<void>;
}
