/**
 * Schema migrations, applied in order at start-up inside one transaction each. Append new
 * ones; never edit one that has shipped.
 */
export const MIGRATIONS: readonly { version: number; description: string; sql: string }[] = Object.freeze([
  {
    version: 1,
    description: 'digest subscriptions, their runs, and when each article joined the corpus',
    sql: `
      CREATE TABLE subscriptions (
        id            INTEGER PRIMARY KEY,
        platform      TEXT NOT NULL,
        channel_id    TEXT NOT NULL,
        time          TEXT NOT NULL,            -- HH:MM, local to timezone
        timezone      TEXT NOT NULL,            -- IANA name
        created_at    TEXT NOT NULL,            -- ISO instant
        created_by    TEXT,
        paused_reason TEXT,                     -- NULL while active
        UNIQUE (platform, channel_id)
      );
      CREATE TABLE digest_runs (
        id              INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        scheduled_for   TEXT NOT NULL,          -- ISO instant of the scheduled occurrence: the run's key
        covers_until    TEXT NOT NULL,          -- articles that joined up to this instant are covered
        state           TEXT NOT NULL CHECK (state IN ('pending', 'posted', 'skipped', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,                   -- ISO instant of the next retry after a failure
        message_ids     TEXT,                   -- JSON array, once posted
        last_error      TEXT,
        updated_at      TEXT NOT NULL,
        UNIQUE (subscription_id, scheduled_for)
      );
      CREATE TABLE corpus_articles (
        article_id TEXT PRIMARY KEY,
        first_seen TEXT NOT NULL                -- ISO instant the article was first loaded
      );
      CREATE INDEX corpus_articles_first_seen ON corpus_articles (first_seen);
    `,
  },
]);
