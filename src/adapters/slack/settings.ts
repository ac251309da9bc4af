import { z } from 'zod';
import { SettingsError } from '../../core/errors';

/** The SLACK_* environment variables. */
export const slackSettingsShape = {
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
  SLACK_DIGEST_MANAGERS: z
    .string()
    .regex(/^[A-Z0-9]+(?:\s*,\s*[A-Z0-9]+)*$/u, { error: 'must be Slack user ids separated by commas, e.g. U012AB3CD,U045EF6GH' })
    .optional(),
};

export const SLACK_SECRET_SETTINGS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;

/** How the Slack adapter receives requests: a Socket Mode connection, or HTTP requests signed by Slack. */
export type SlackConnection =
  | { mode: 'socket'; appToken: string }
  | {
      mode: 'http';
      signingSecret: string;
      /** 0: any free port. */
      port: number;
      /** Absent: every interface. */
      host?: string;
    };

export interface SlackSettings {
  botToken: string;
  connection: SlackConnection;
  /** Slash commands are `/{prefix}-{command}`, plus `/{prefix}` as a single entry point. */
  commandPrefix: string;
  /** The Web API base URL; null for Slack's own (https://slack.com/api/). */
  apiUrl: string | null;
  /** Users who may manage digest subscriptions besides workspace admins and owners. */
  digestManagers: string[];
}

type SlackEnvironment = z.output<z.ZodObject<typeof slackSettingsShape>>;

/** The Slack settings, when a bot token is set; a token for the wrong mode or without the bot token is an error. */
export function slackSettings(s: SlackEnvironment): SlackSettings | null {
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
  return {
    botToken: s.SLACK_BOT_TOKEN,
    connection,
    commandPrefix: s.SLACK_COMMAND_PREFIX,
    apiUrl: s.SLACK_API_URL ?? null,
    digestManagers: s.SLACK_DIGEST_MANAGERS?.split(',').map((id) => id.trim()) ?? [],
  };
}
