import { createHash } from 'node:crypto';
import { makeURLSearchParams, Routes, type APIMessage, type APIUser, type REST } from 'discord.js';
import type { DigestPoster } from '../../digest/poster';
import { DISCORD_LIMITS as LIMIT } from './limits';
import { NO_MENTIONS, renderReply, type DiscordMessage } from './renderReply';

/** How far back to look for a digest already posted: the channel's latest messages. */
const RECENT_MESSAGES = 50;

/**
 * Posts digests into Discord channels, each message at most once per run, across crashes:
 * messages the bot already posted for the run (found among the channel's latest) are not
 * posted again, and every post carries a nonce derived from the run with `enforce_nonce`,
 * so Discord itself drops a repeat sent within its deduplication window.
 * Needs Read Message History besides Send Messages and Embed Links.
 */
export function discordDigestPoster(rest: REST): DigestPoster {
  let botId: Promise<string> | undefined;
  return {
    platform: 'discord',
    async post(channelId, reply, run) {
      botId ??= (rest.get(Routes.user()) as Promise<APIUser>).then((user) => user.id);
      const self = await botId;
      const recent = (await rest.get(Routes.channelMessages(channelId), { query: makeURLSearchParams({ limit: RECENT_MESSAGES }) })) as APIMessage[];
      const mine = recent.filter((m) => m.author.id === self);
      const ids: string[] = [];
      for (const [part, message] of renderReply(reply).entries()) {
        const already = mine.find((m) => fingerprint(m) === fingerprint(message));
        if (already) {
          ids.push(already.id);
          continue;
        }
        const body = { ...message, allowed_mentions: NO_MENTIONS, nonce: messageNonce(run.key, part), enforce_nonce: true };
        ids.push(((await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage).id);
      }
      return ids;
    },
  };
}

/** One nonce per message of a run (Discord's nonces are at most 25 characters). */
const messageNonce = (runKey: string, part: number): string =>
  createHash('sha256').update(`${runKey}\n${part}`).digest('base64url').slice(0, LIMIT.nonce);

/** What identifies a rendered message among the channel's: its text and its first embed's title and opening. */
function fingerprint(message: Pick<DiscordMessage, 'content' | 'embeds'> | APIMessage): string {
  const embed = message.embeds?.[0];
  return JSON.stringify([message.content?.trim() ?? '', embed?.title?.trim() ?? '', embed?.description?.trim().slice(0, 200) ?? '']);
}
