import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { LogLevel } from './log';

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
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { error: 'must be the bot token, starting with xoxb-' }).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { error: 'must be the app-level token, starting with xapp-' }).optional(),
  SLACK_SIGNING_SECRET: z.string().min(16, { error: 'is too short for a signing secret' }).optional(),
  SLACK_MODE: z.enum(['socket', 'http']).default('socket'),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_HOST: z.string().optional(),
  SLACK_COMMAND_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,19}$/u, { error: 'must be 1–20 lower-case letters, digits, dashes or underscores' })
    .default('parley'),
  SLACK_API_URL: z.url({ protocol: /^https?$/u }).optional(),
});

/** Settings whose values must never appear in a log or an error message. */
const SECRET_SETTINGS = new Set(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']);

/** How the Slack adapter receives requests: a Socket Mode connection, or HTTP requests signed by Slack. */
export type SlackConnection =
  | { mode: 'socket'; appToken: string }
  /** `host` absent: every interface; port 0: any free port. */
  | { mode: 'http'; signingSecret: string; port: number; host?: string };

export interface SlackSettings {
  botToken: string;
  connection: SlackConnection;
  /** Slash commands are `/{prefix}-{command}`, plus `/{prefix}` as a single entry point. */
  commandPrefix: string;
  /** The Web API base URL; null for Slack's own (https://slack.com/api/). */
  apiUrl: string | null;
}

export interface Settings {
  corpusDir: string;
  configDir: string;
  dataDir: string;
  useSnapshot: boolean;
  logLevel: LogLevel;
  /** Null when no Slack token is configured. */
  slack: SlackSettings | null;
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
    const got = SECRET_SETTINGS.has(name) ? 'value hidden' : `got ${JSON.stringify(present[name])}`;
    throw new SettingsError(`Setting ${name} is invalid: ${issue.message} (${got}).`);
  }
  const s = parsed.data;
  const slack = slackSettings(s);
  return {
    corpusDir: resolve(cwd, s.PARLEY_CORPUS_DIR),
    configDir: resolve(cwd, s.PARLEY_CONFIG_DIR),
    dataDir: resolve(cwd, s.PARLEY_DATA_DIR),
    useSnapshot: s.PARLEY_SNAPSHOT,
    logLevel: s.PARLEY_LOG_LEVEL,
    slack,
    secrets: [s.SLACK_BOT_TOKEN, s.SLACK_APP_TOKEN, s.SLACK_SIGNING_SECRET].filter((v): v is string => v !== undefined),
  };
}

/** The Slack settings, when a bot token is set; a token for the wrong mode or without the bot token is an error. */
function slackSettings(s: z.infer<typeof settingsSchema>): SlackSettings | null {
  if (s.SLACK_BOT_TOKEN === undefined) {
    const orphan = s.SLACK_APP_TOKEN !== undefined ? 'SLACK_APP_TOKEN' : s.SLACK_SIGNING_SECRET !== undefined ? 'SLACK_SIGNING_SECRET' : null;
    if (orphan) throw new SettingsError(`Setting SLACK_BOT_TOKEN is missing: ${orphan} is set, and Slack also needs the bot token (xoxb-…).`);
    return null;
  }
  let connection: SlackConnection;
  if (s.SLACK_MODE === 'socket') {
    if (s.SLACK_APP_TOKEN === undefined) {
      throw new SettingsError(
        'Setting SLACK_APP_TOKEN is missing: Socket Mode (SLACK_MODE=socket, the default) needs the app-level token (xapp-…). For HTTP mode set SLACK_MODE=http and SLACK_SIGNING_SECRET.',
      );
    }
    connection = { mode: 'socket', appToken: s.SLACK_APP_TOKEN };
  } else {
    if (s.SLACK_SIGNING_SECRET === undefined) {
      throw new SettingsError('Setting SLACK_SIGNING_SECRET is missing: HTTP mode (SLACK_MODE=http) needs the signing secret to verify requests.');
    }
    connection = { mode: 'http', signingSecret: s.SLACK_SIGNING_SECRET, port: s.SLACK_PORT, ...(s.SLACK_HOST ? { host: s.SLACK_HOST } : {}) };
  }
  return { botToken: s.SLACK_BOT_TOKEN, connection, commandPrefix: s.SLACK_COMMAND_PREFIX, apiUrl: s.SLACK_API_URL ?? null };
}

/** Reads `.env` from the working directory when there is one; the real environment wins. */
export function loadDotEnv(cwd = process.cwd()): void {
  const path = resolve(cwd, '.env');
  if (existsSync(path)) process.loadEnvFile(path);
}
