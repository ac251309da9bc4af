import { z } from 'zod';
import { SettingsError } from '../../core/errors';

const snowflake = z.string().regex(/^\d{17,20}$/u, 'must be a Discord id: 17 to 20 digits');

/** The DISCORD_* environment variables. */
export const discordSettingsShape = {
  DISCORD_TOKEN: z.string().trim().optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_MODE: z.enum(['gateway', 'http']).default('gateway'),
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/iu, "must be the 64 hexadecimal characters of the application's public key")
    .optional(),
  DISCORD_HTTP_HOST: z.string().default('127.0.0.1'),
  DISCORD_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  DISCORD_API_URL: z.url({ protocol: /^https?$/u }).default('https://discord.com/api'),
};

export const DISCORD_SECRET_SETTINGS = ['DISCORD_TOKEN'] as const;

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

type DiscordEnvironment = z.output<z.ZodObject<typeof discordSettingsShape>>;

/** The Discord settings: gateway mode with a token, or HTTP mode with the public key; null when neither is set. */
export function discordSettings(s: DiscordEnvironment): DiscordSettings | null {
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
