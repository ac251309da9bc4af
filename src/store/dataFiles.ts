import { FEED_STATE_FILE } from '../ingest/feedState';

/** The files Parley keeps in its data folder (`PARLEY_DATA_DIR`), by name. */

/** Digest subscriptions, their runs and the dates articles joined the corpus (SQLite). */
export const DATABASE_FILE = 'parley.sqlite';

/**
 * Written beside the database when it is first created, and kept: a database missing where
 * this file is found was lost, not never made, and Parley says so rather than start afresh silently.
 */
export const DATABASE_MARKER_FILE = 'parley.sqlite.created';

/** The index snapshot (rebuilt from the corpus whenever it is missing, stale or damaged). */
export const SNAPSHOT_FILE = 'index.snapshot';

/** Each article's statements and dated events, as the warm-up computed them (computed anew whenever missing, stale or damaged). */
export const INSIGHTS_FILE = 'insights.snapshot';

/** Files that only a data folder Parley has run in holds. */
export const SIGNS_OF_EARLIER_USE: readonly string[] = [DATABASE_MARKER_FILE, SNAPSHOT_FILE, FEED_STATE_FILE];
