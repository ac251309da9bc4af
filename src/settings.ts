import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import ipaddr from 'ipaddr.js';
import { ALL_ADDRESSES, type FetchPolicy } from './ingest/fetch';
import type { LogLevel } from './log';

const DEFAULT_USER_AGENT = 'Parley/0.1 (cited-answers chat bot; fetches news articles its operators add)';

/**
 * Every setting Parley reads, parsed from the environment (and `.env`) at start-up.
 * `.env.example` lists them with comments; a bad value stops start-up with its name.
 */
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

export const settingsSchema = z.object({
  PARLEY_CORPUS_DIR: z.string().default('corpus'),
  PARLEY_CONFIG_DIR: z.string().default('config'),
  PARLEY_DATA_DIR: z.string().default('data'),
  PARLEY_SNAPSHOT: flag.default(true),
  PARLEY_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PARLEY_WATCH_CORPUS: flag.default(true),
  PARLEY_FEEDS: z
    .string()
    .default('')
    .transform((list) => list.split(/[\s,]+/u).filter((url) => url.length > 0))
    .pipe(z.array(z.url({ protocol: /^https?$/u, error: 'must be http(s) URLs separated by spaces or commas' }))),
  PARLEY_FEED_POLL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  PARLEY_FETCH_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(20),
  PARLEY_FETCH_MAX_MB: z.coerce.number().positive().max(100).default(5),
  PARLEY_FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  PARLEY_FETCH_USER_AGENT: z.string().default(DEFAULT_USER_AGENT),
  PARLEY_FETCH_ALLOW_PRIVATE: z
    .string()
    .default('false')
    .transform((value, context) => {
      if (/^(true|1|yes)$/iu.test(value)) return [...ALL_ADDRESSES];
      if (/^(false|0|no)$/iu.test(value)) return [];
      const ranges = value.split(/[\s,]+/u).filter((range) => range.length > 0).map(asCidr);
      if (ranges.every((range) => range !== null)) return ranges;
      context.addIssue({ code: 'custom', message: 'must be true, false, or addresses / CIDR ranges separated by commas' });
      return z.NEVER;
    }),
});

/** "10.1.2.0/24" as it is, "10.1.2.3" as "10.1.2.3/32"; null when it is neither. */
function asCidr(text: string): string | null {
  if (ipaddr.isValidCIDR(text)) return text;
  if (!ipaddr.isValid(text)) return null;
  const address = ipaddr.parse(text);
  return `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`;
}

export interface Settings {
  corpusDir: string;
  configDir: string;
  dataDir: string;
  useSnapshot: boolean;
  logLevel: LogLevel;
  /** Pick up added, changed and deleted corpus files while the bot runs. */
  watchCorpus: boolean;
  /** RSS/Atom feeds to poll while the bot runs, and how often. */
  feeds: string[];
  feedPollMinutes: number;
  /** How web pages and feeds are fetched. */
  fetch: FetchPolicy;
  /** Values never to be written to a log. */
  secrets: string[];
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function parseSettings(env: Record<string, string | undefined>, cwd = process.cwd()): Settings {
  // An empty line such as `DISCORD_TOKEN=` copied from .env.example means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = settingsSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'settings');
    throw new SettingsError(`Setting ${name} is invalid: ${issue.message} (got ${JSON.stringify(present[name])}).`);
  }
  const s = parsed.data;
  return {
    corpusDir: resolve(cwd, s.PARLEY_CORPUS_DIR),
    configDir: resolve(cwd, s.PARLEY_CONFIG_DIR),
    dataDir: resolve(cwd, s.PARLEY_DATA_DIR),
    useSnapshot: s.PARLEY_SNAPSHOT,
    logLevel: s.PARLEY_LOG_LEVEL,
    watchCorpus: s.PARLEY_WATCH_CORPUS,
    feeds: s.PARLEY_FEEDS,
    feedPollMinutes: s.PARLEY_FEED_POLL_MINUTES,
    fetch: {
      timeoutMs: Math.round(s.PARLEY_FETCH_TIMEOUT_SECONDS * 1000),
      maxBytes: Math.round(s.PARLEY_FETCH_MAX_MB * 1024 * 1024),
      maxRedirects: s.PARLEY_FETCH_MAX_REDIRECTS,
      userAgent: s.PARLEY_FETCH_USER_AGENT,
      allowedPrivateRanges: s.PARLEY_FETCH_ALLOW_PRIVATE,
    },
    secrets: [],
  };
}

/** Settings from `.env` and the environment; null, after naming the bad setting on `errors`, when one is invalid. */
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
