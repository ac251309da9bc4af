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
});

export interface Settings {
  corpusDir: string;
  configDir: string;
  dataDir: string;
  useSnapshot: boolean;
  logLevel: LogLevel;
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
    secrets: [],
  };
}

/** Reads `.env` from the working directory when there is one; the real environment wins. */
export function loadDotEnv(cwd = process.cwd()): void {
  const path = resolve(cwd, '.env');
  if (existsSync(path)) process.loadEnvFile(path);
}
