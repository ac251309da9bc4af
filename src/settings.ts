import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { LogLevel } from './log';

/**
 * Every setting Parley reads, parsed from the environment (and `.env`) at start-up.
 * `.env.example` lists them with comments; a bad value stops start-up with its name.
 */
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const snowflake = z.string().regex(/^\d{17,20}$/u, 'must be a Discord id: 17 to 20 digits');

export const settingsSchema = z.object({
  PARLEY_CORPUS_DIR: z.string().default('corpus'),
  PARLEY_CONFIG_DIR: z.string().default('config'),
  PARLEY_DATA_DIR: z.string().default('data'),
  PARLEY_SNAPSHOT: flag.default(true),
  PARLEY_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DISCORD_TOKEN: z.string().trim().optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_MODE: z.enum(['gateway', 'http']).default('gateway'),
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/iu, 'must be the 64 hexadecimal characters of the application\'s public key')
    .optional(),
  DISCORD_HTTP_HOST: z.string().default('127.0.0.1'),
  DISCORD_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  DISCORD_API_URL: z.url({ protocol: /^https?$/u }).default('https://discord.com/api'),
});

/** How Parley reaches Discord: over the gateway (a long-lived connection) or as an HTTP interactions endpoint. */
export type DiscordSettings = DiscordCommonSettings &
  (
    | { mode: 'gateway'; token: string }
    | {
        mode: 'http';
        /** Only needed to post into channels unprompted (the digest). */
        token: string | null;
        /** The application's Ed25519 public key, hex, that signs every request. */
        publicKey: string;
        httpHost: string;
        httpPort: number;
      }
  );

interface DiscordCommonSettings {
  /** Read from Discord with the token when not set. */
  applicationId: string | null;
  /** Where `npm run register` puts the commands instead of globally. */
  guildId: string | null;
  /** Discord's REST API, or a proxy in front of it. */
  apiUrl: string;
}

export interface Settings {
  corpusDir: string;
  configDir: string;
  dataDir: string;
  useSnapshot: boolean;
  logLevel: LogLevel;
  /** Null when Discord is not configured (no token, not in HTTP mode). */
  discord: DiscordSettings | null;
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
    discord: discordSettings(s),
    secrets: s.DISCORD_TOKEN ? [s.DISCORD_TOKEN] : [],
  };
}

function discordSettings(s: z.infer<typeof settingsSchema>): DiscordSettings | null {
  const common = {
    applicationId: s.DISCORD_APPLICATION_ID ?? null,
    guildId: s.DISCORD_GUILD_ID ?? null,
    apiUrl: s.DISCORD_API_URL.replace(/\/+$/u, ''),
  };
  if (s.DISCORD_MODE === 'gateway') return s.DISCORD_TOKEN ? { ...common, mode: 'gateway', token: s.DISCORD_TOKEN } : null;
  if (!s.DISCORD_PUBLIC_KEY) {
    throw new SettingsError('Setting DISCORD_PUBLIC_KEY is required when DISCORD_MODE=http: Discord signs every request with it.');
  }
  return {
    ...common,
    mode: 'http',
    token: s.DISCORD_TOKEN ?? null,
    publicKey: s.DISCORD_PUBLIC_KEY.toLowerCase(),
    httpHost: s.DISCORD_HTTP_HOST,
    httpPort: s.DISCORD_HTTP_PORT,
  };
}

/**
 * The settings of an entry point (`npm start`, `npm run register`): `.env`, then the
 * environment. Null when one is invalid, after saying which on stderr (exit with code 2).
 */
export function loadSettings(): Settings | null {
  loadDotEnv();
  try {
    return parseSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}

/** Reads `.env` from the working directory when there is one; the real environment wins. */
function loadDotEnv(cwd = process.cwd()): void {
  const path = resolve(cwd, '.env');
  if (existsSync(path)) process.loadEnvFile(path);
}
