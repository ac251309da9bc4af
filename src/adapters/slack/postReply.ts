import type { types, webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply';
import type { CommandNames } from './commandNames';
import { renderReply, type SlackMessage } from './renderBlocks';

export interface PostReplyOptions {
  /** Message metadata (an event type and payload) carried by every message of the reply, to find them again. */
  metadata?: types.MessageMetadata;
}

/** Where a posted message is: enough to thread under it, update or delete it. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

/**
 * Posts a reply into a channel with chat.postMessage, rendered as slash command replies are
 * (same blocks, limits and escaping); a long reply becomes several messages, in order.
 * There is no one to show an ephemeral reply to, so every reply is posted for the channel.
 */
export async function postReply(
  client: webApi.WebClient,
  names: CommandNames,
  channel: string,
  reply: Reply,
  { metadata }: PostReplyOptions = {},
): Promise<PostedMessage[]> {
  const posted: PostedMessage[] = [];
  for (const message of renderReply(names.inReply(reply))) posted.push(await postMessage(client, channel, message, metadata));
  return posted;
}

/** One rendered message into a channel, without link previews (citations are links enough). */
export async function postMessage(
  client: webApi.WebClient,
  channel: string,
  message: SlackMessage,
  metadata?: types.MessageMetadata,
): Promise<PostedMessage> {
  const result = await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false, ...(metadata ? { metadata } : {}) });
  return { channel: result.channel ?? channel, ts: result.ts! };
}
