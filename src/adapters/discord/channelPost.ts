import { createHash } from 'node:crypto';
import type { Reply } from '../../core/reply';
import { DISCORD_LIMITS as LIMIT } from './limits';
import { renderReply, type DiscordMessage } from './renderReply';

export interface PostOptions {
  /** Makes a retried post a no-op where the platform can deduplicate (Discord's message nonce). */
  nonce?: string;
}

/**
 * Posts a reply into a channel, message by message, rendered as interaction replies are.
 * With a `nonce`, each message carries one derived from it (Discord's nonces are at most 25
 * characters, one per message), sent with `enforce_nonce`: a post retried within minutes
 * returns the message already created instead of repeating it.
 */
export async function postReplyMessages(
  reply: Reply,
  options: PostOptions,
  send: (message: DiscordMessage, nonce: string | undefined) => Promise<string>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, message] of renderReply(reply).entries()) {
    ids.push(await send(message, options.nonce === undefined ? undefined : messageNonce(options.nonce, index)));
  }
  return ids;
}

export const messageNonce = (nonce: string, index: number): string =>
  createHash('sha256').update(`${nonce}\n${index}`).digest('base64url').slice(0, LIMIT.nonce);
