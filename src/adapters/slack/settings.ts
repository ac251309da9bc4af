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
  // The three of the OAuth install flow (many workspaces), from Basic Information → App Credentials, and a secret of Parley's own.
  SLACK_CLIENT_ID: z.string().regex(/^\d+\.\d+$/u, { error: "must be the app's Client ID, digits.digits, e.g. 1234567890.0987654321" }).optional(),
  SLACK_CLIENT_SECRET: z.string().min(16, { error: 'is too short for a client secret' }).optional(),
  SLACK_STATE_SECRET: z.string().min(16, { error: 'must be at least 16 characters: any long random text, e.g. from openssl rand -hex 32' }).optional(),
};

export const SLACK_SECRET_SETTINGS = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** The settings that turn the OAuth install flow on, all three needed. */
const OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** The app's credentials for the OAuth install flow: each workspace that installs Parley gets its own bot token. */
export interface SlackOAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` of an install, so that a redirect is only accepted from the browser that started it. */
  stateSecret: string;
}

/** How the Slack adapter receives requests: a Socket Mode connection, or HTTP requests signed by Slack. */
export type SlackConnection =
  | {
      mode: 'socket';
      appToken: string;
      /** With the install flow: the port its pages (`/slack/install`, the redirect) are served on, on every interface (Bolt's Socket Mode listens so). */
      installPort?: number;
    }
  | {
      mode: 'http';
      signingSecret: string;
      /** 0: any free port. */
      port: number;
      /** Absent: every interface. */
      host?: string;
    };

export interface SlackSettings {
  /** The one workspace's bot token (SLACK_BOT_TOKEN); null with the OAuth install flow, where each workspace has its own. */
  botToken: string | null;
  /** Present: many workspaces, installed at `/slack/install`, their tokens kept in the database. */
  oauth?: SlackOAuthSettings;
  connection: SlackConnection;
  /** Slash commands are `/{prefix}-{command}`, plus `/{prefix}` as a single entry point. */
  commandPrefix: string;
  /** The Web API base URL; null for Slack's own (https://slack.com/api/). */
  apiUrl: string | null;
  /** Users who may manage digest subscriptions besides workspace admins and owners. */
  digestManagers: string[];
}

type SlackEnvironment = z.output<z.ZodObject<typeof slackSettingsShape>>;

/**
 * The Slack settings, when a bot token or the OAuth credentials are set; a token for the wrong
 * mode, a credential without the others, or both ways at once is an error.
 */
export function slackSettings(s: SlackEnvironment): SlackSettings | null {
  const oauth = oauthSettings(s);
  if (s.SLACK_BOT_TOKEN === undefined && !oauth) {
    const orphan = s.SLACK_APP_TOKEN !== undefined ? 'SLACK_APP_TOKEN' : s.SLACK_SIGNING_SECRET !== undefined ? 'SLACK_SIGNING_SECRET' : null;
    if (orphan) {
      throw new SettingsError(
        `Setting SLACK_BOT_TOKEN is missing: ${orphan} is set, and Slack also needs the bot token (xoxb-…), or for many workspaces ${OAUTH_SETTINGS.join(', ')}.`,
      );
    }
    return null;
  }
  let connection: SlackConnection;
  if (s.SLACK_MODE === 'socket') {
    if (s.SLACK_APP_TOKEN === undefined) {
      throw new SettingsError(
        'Setting SLACK_APP_TOKEN is missing: Socket Mode (SLACK_MODE=socket, the default) needs the app-level token (xapp-…). For HTTP mode set SLACK_MODE=http and SLACK_SIGNING_SECRET.',
      );
    }
    connection = { mode: 'socket', appToken: s.SLACK_APP_TOKEN, ...(oauth ? { installPort: s.SLACK_PORT } : {}) };
  } else {
    if (s.SLACK_SIGNING_SECRET === undefined) {
      throw new SettingsError('Setting SLACK_SIGNING_SECRET is missing: HTTP mode (SLACK_MODE=http) needs the signing secret to verify requests.');
    }
    connection = { mode: 'http', signingSecret: s.SLACK_SIGNING_SECRET, port: s.SLACK_PORT, ...(s.SLACK_HOST ? { host: s.SLACK_HOST } : {}) };
  }
  return {
    botToken: s.SLACK_BOT_TOKEN ?? null,
    ...(oauth ? { oauth } : {}),
    connection,
    commandPrefix: s.SLACK_COMMAND_PREFIX,
    apiUrl: s.SLACK_API_URL ?? null,
    digestManagers: s.SLACK_DIGEST_MANAGERS?.split(',').map((id) => id.trim()) ?? [],
  };
}

/** The OAuth credentials when all three are set; null when none is; one or two of them, or any with SLACK_BOT_TOKEN, is an error. */
function oauthSettings(s: SlackEnvironment): SlackOAuthSettings | null {
  const given = OAUTH_SETTINGS.filter((name) => s[name] !== undefined);
  if (given.length === 0) return null;
  const missing = OAUTH_SETTINGS.filter((name) => s[name] === undefined);
  if (missing.length > 0) {
    throw new SettingsError(`Setting ${missing[0]} is missing: ${given.join(' and ')} ${given.length > 1 ? 'are' : 'is'} set, and the Slack install flow needs ${OAUTH_SETTINGS.join(', ')}.`);
  }
  if (s.SLACK_BOT_TOKEN !== undefined) {
    throw new SettingsError(
      'Settings SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: choose one. SLACK_BOT_TOKEN serves one workspace; with SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET each workspace installs Parley at /slack/install and gets its own token (unset SLACK_BOT_TOKEN, then install Parley again in its workspace).',
    );
  }
  return { clientId: s.SLACK_CLIENT_ID!, clientSecret: s.SLACK_CLIENT_SECRET!, stateSecret: s.SLACK_STATE_SECRET! };
}
