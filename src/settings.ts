import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DISCORD_SECRET_SETTINGS, discordSettings, discordSettingsShape, type DiscordSettings } from './adapters/discord/settings';
import { SLACK_SECRET_SETTINGS, slackSettings, slackSettingsShape, type SlackSettings } from './adapters/slack/settings';
import { DEFAULT_CORPUS_LIMITS, type CorpusLimits } from './corpus/limits';
import type { DigestOptions } from './digest/digests';
import { ingestSettings, ingestSettingsShape, type IngestSettings } from './ingest/settings';
import { DEFAULT_LEASE_MS } from './store/leases';
import type { LogFormat, LogLevel } from './log';
import { echoInput, SettingsError } from './core/errors';
import { redactUrls } from './util/redactUrls';

export { SettingsError };
export type { DiscordSettings, SlackSettings };
export type { SlackConnection } from './adapters/slack/settings';

/**
 * Every setting Parley reads, parsed from the environment (and `.env`) at start-up.
 * `.env.example` lists them with comments; a bad value stops start-up with its name.
 * Each platform keeps its own variables beside its adapter.
 */
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

export const settingsSchema = z.object({
  PARLEY_CORPUS_DIR: z.string().default('corpus'),
  PARLEY_CONFIG_DIR: z.string().default('config'),
  PARLEY_DATA_DIR: z.string().default('data'),
  // Unset: SQLite in the data folder. Set: every piece of state in this Postgres (README, "Outgrowing one process").
  PARLEY_DATABASE_URL: z.url({ protocol: /^postgres(?:ql)?$/u, error: 'must be a Postgres URL such as postgres://user:password@host:5432/parley' }).optional(),
  // How long a replica's claim on a digest run, a feed poll or an ingestion lasts unless renewed: a crashed one's work waits this long.
  PARLEY_LEASE_SECONDS: z.coerce.number().min(1).max(600).default(DEFAULT_LEASE_MS / 1000),
  PARLEY_SNAPSHOT: flag.default(true),
  // How large a corpus file may be (the defaults are explained beside them); at least the 12 fields of the schema.
  PARLEY_MAX_ARTICLE_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(DEFAULT_CORPUS_LIMITS.maxArticleBytes),
  PARLEY_MAX_FRONT_MATTER_BYTES: z.coerce.number().int().min(256).max(16 * 1024 ** 2).default(DEFAULT_CORPUS_LIMITS.maxFrontMatterBytes),
  PARLEY_MAX_FRONT_MATTER_KEYS: z.coerce.number().int().min(12).max(100_000).default(DEFAULT_CORPUS_LIMITS.maxFrontMatterKeys),
  PARLEY_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PARLEY_LOG_FORMAT: z.enum(['auto', 'json', 'text']).default('auto'),
  PARLEY_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  PARLEY_HEALTH_HOST: z.string().default('0.0.0.0'),
  PARLEY_SHUTDOWN_SECONDS: z.coerce.number().min(1).max(600).default(10),
  PARLEY_DIGEST_GRACE_HOURS: z.coerce.number().min(0).max(48).default(6),
  PARLEY_DIGEST_POST_WHEN_EMPTY: flag.default(false),
  PARLEY_DIGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  PARLEY_CLOCK_START: z.iso.datetime({ offset: true, error: 'must be an ISO date-time such as 2025-03-21T07:59:00Z' }).optional(),
  ...ingestSettingsShape,
  ...slackSettingsShape,
  ...discordSettingsShape,
});

/** Settings whose values must never appear in a log or an error message. */
const SECRET_SETTINGS: ReadonlySet<string> = new Set([...SLACK_SECRET_SETTINGS, ...DISCORD_SECRET_SETTINGS, 'PARLEY_DATABASE_URL']);

export interface Settings extends IngestSettings {
  corpusDir: string;
  configDir: string;
  dataDir: string;
  /** The Postgres holding every piece of state; null: SQLite (and the feed-state file) in the data folder. */
  databaseUrl: string | null;
  /** How long a lease on a piece of work lasts unless its holder renews it (src/store/leases.ts). */
  leaseSeconds: number;
  useSnapshot: boolean;
  /** How large a corpus file may be; larger ones are named and skipped. */
  corpusLimits: CorpusLimits;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** Where `/healthz`, `/readyz` and `/metrics` are served; null: not served. */
  health: { port: number; host: string } | null;
  /** How long a stopping bot may take to finish what is in flight before it exits anyway. */
  shutdownSeconds: number;
  digest: DigestOptions;
  /** For tests and demos: the clock reads this instant when the bot starts, then runs on. */
  clockStart: Date | null;
  /** Null when Slack is not configured (neither SLACK_BOT_TOKEN nor the install flow's SLACK_CLIENT_ID…). */
  slack: SlackSettings | null;
  /** Null when Discord is not configured (no token, not in HTTP mode). */
  discord: DiscordSettings | null;
  /** Values never to be written to a log. */
  secrets: string[];
}

export function parseSettings(env: Record<string, string | undefined>, cwd = process.cwd()): Settings {
  // An empty line such as `DISCORD_TOKEN=` copied from .env.example means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = settingsSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'settings');
    const value = present[name];
    // Secrets inside a URL (a user name and password, a `?token=`) stay hidden, whatever the setting; redacted before it is cut, so no cut hides one from the redaction.
    const got = SECRET_SETTINGS.has(name) ? 'value hidden' : `got ${JSON.stringify(value === undefined ? value : echoInput(redactUrls(value)))}`;
    throw new SettingsError(`Setting ${name} is invalid: ${issue.message} (${got}).`);
  }
  const s = parsed.data;
  return {
    corpusDir: resolve(cwd, s.PARLEY_CORPUS_DIR),
    configDir: resolve(cwd, s.PARLEY_CONFIG_DIR),
    dataDir: resolve(cwd, s.PARLEY_DATA_DIR),
    databaseUrl: s.PARLEY_DATABASE_URL ?? null,
    leaseSeconds: s.PARLEY_LEASE_SECONDS,
    useSnapshot: s.PARLEY_SNAPSHOT,
    corpusLimits: {
      maxArticleBytes: s.PARLEY_MAX_ARTICLE_BYTES,
      maxFrontMatterBytes: s.PARLEY_MAX_FRONT_MATTER_BYTES,
      maxFrontMatterKeys: s.PARLEY_MAX_FRONT_MATTER_KEYS,
    },
    logLevel: s.PARLEY_LOG_LEVEL,
    logFormat: s.PARLEY_LOG_FORMAT,
    health: s.PARLEY_HEALTH_PORT === undefined ? null : { port: s.PARLEY_HEALTH_PORT, host: s.PARLEY_HEALTH_HOST },
    shutdownSeconds: s.PARLEY_SHUTDOWN_SECONDS,
    digest: {
      graceHours: s.PARLEY_DIGEST_GRACE_HOURS,
      postWhenEmpty: s.PARLEY_DIGEST_POST_WHEN_EMPTY,
      maxAttempts: s.PARLEY_DIGEST_MAX_ATTEMPTS,
      firstRetryMinutes: 1,
    },
    clockStart: s.PARLEY_CLOCK_START ? new Date(s.PARLEY_CLOCK_START) : null,
    ...ingestSettings(s),
    slack: slackSettings(s),
    discord: discordSettings(s),
    secrets: [...SECRET_SETTINGS].map((name) => s[name as keyof typeof s]).filter((v): v is string => typeof v === 'string'),
  };
}

/**
 * The settings of an entry point (`npm start`, `npm run register`, `npm run ingest`): `.env`,
 * then the environment. Null when one is invalid, after naming it on `errors` (exit with code 2).
 */
export function loadSettings(errors: NodeJS.WritableStream = process.stderr): Settings | null {
  loadDotEnv();
  try {
    return parseSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    errors.write(`${error.message}\n`);
    return null;
  }
}

/** Reads `.env` from the working directory when there is one; the real environment wins. */
export function loadDotEnv(cwd = process.cwd()): void {
  const path = resolve(cwd, '.env');
  if (existsSync(path)) process.loadEnvFile(path);
}
