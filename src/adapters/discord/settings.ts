import { z } from 'zod';
import { echoInput, SettingsError } from '../../core/errors';

const snowflake = z.string().regex(/^\d{17,20}$/u, 'must be a Discord id: 17 to 20 digits');

/** Far above the largest bots' shard counts; a bound that catches a typo, not a real limit. */
const MAX_SHARD_COUNT = 100_000;
const SHARD_COUNT_ERROR = `must be a whole number from 1 to ${MAX_SHARD_COUNT}`;
/**
 * Shard ids and ranges (`0-3`), separated by commas or spaces, once trimmed; ids of at most 6
 * digits, as MAX_SHARD_COUNT allows. One way only to match each separator, so that a long value
 * cannot make the match backtrack for long.
 */
const SHARD_IDS_FORMAT = /^\d{1,6}(?:-\d{1,6})?(?:(?:\s*,\s*|\s+)\d{1,6}(?:-\d{1,6})?)*$/u;
const SHARD_IDS_SEPARATOR = /\s*,\s*|\s+/u;

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
  // Gateway sharding spread over processes: every process gets the same count and its own ids (README, "Outgrowing one process").
  DISCORD_SHARD_COUNT: z.coerce
    .number({ error: SHARD_COUNT_ERROR })
    .int({ error: SHARD_COUNT_ERROR })
    .min(1, { error: SHARD_COUNT_ERROR })
    .max(MAX_SHARD_COUNT, { error: SHARD_COUNT_ERROR })
    .optional(),
  DISCORD_SHARD_IDS: z.string().trim().regex(SHARD_IDS_FORMAT, 'must be shard ids or ranges such as 0-3, separated by commas or spaces').optional(),
};

export const DISCORD_SECRET_SETTINGS = ['DISCORD_TOKEN'] as const;

/** How Parley reaches Discord: over the gateway (a long-lived connection) or as an HTTP interactions endpoint. */
export type DiscordSettings = DiscordCommonSettings &
  (
    | {
        mode: 'gateway';
        token: string;
        /** Absent: one shard, as Discord allows below 2,500 servers. */
        shards?: DiscordShards;
      }
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

/** The gateway shards this process runs, out of the bot's total, as discord.js's `shards` and `shardCount` take them. */
export interface DiscordShards {
  count: number;
  ids: number[];
}

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
  if (s.DISCORD_MODE === 'gateway') {
    if (!s.DISCORD_TOKEN) return null;
    const shards = discordShards(s.DISCORD_SHARD_COUNT, s.DISCORD_SHARD_IDS);
    return { ...common, mode: 'gateway', token: s.DISCORD_TOKEN, ...(shards ? { shards } : {}) };
  }
  const shardSetting = s.DISCORD_SHARD_COUNT === undefined ? (s.DISCORD_SHARD_IDS === undefined ? null : 'DISCORD_SHARD_IDS') : 'DISCORD_SHARD_COUNT';
  if (shardSetting) {
    throw new SettingsError(
      `Setting ${shardSetting} applies to DISCORD_MODE=gateway only: in HTTP mode there is no gateway connection to shard, and any process answers any interaction.`,
    );
  }
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
 * The shards of DISCORD_SHARD_COUNT and DISCORD_SHARD_IDS (trimmed, in SHARD_IDS_FORMAT): every
 * shard when only the count is set, null when neither is.
 */
function discordShards(count: number | undefined, idsSetting: string | undefined): DiscordShards | null {
  if (count === undefined) {
    if (idsSetting === undefined) return null;
    throw new SettingsError('Setting DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT: the number of shards of the whole bot, across every process.');
  }
  if (idsSetting === undefined) return { count, ids: Array.from({ length: count }, (_, id) => id) };
  const refuse = (problem: string) => new SettingsError(`Setting DISCORD_SHARD_IDS is invalid: ${problem} (got ${JSON.stringify(echoInput(idsSetting))}).`);
  const ids = new Set<number>();
  for (const piece of idsSetting.split(SHARD_IDS_SEPARATOR)) {
    const [first, last = first] = piece.split('-').map(Number) as [number, number?];
    if (last < first) throw refuse(`the range ${piece} runs backwards`);
    if (last >= count) throw refuse(`shard ${last} is out of range: with DISCORD_SHARD_COUNT=${count} the shards are 0 to ${count - 1}`);
    for (let id = first; id <= last; id++) {
      if (ids.has(id)) throw refuse(`shard ${id} is given twice`);
      ids.add(id);
    }
  }
  return { count, ids: [...ids] };
}
