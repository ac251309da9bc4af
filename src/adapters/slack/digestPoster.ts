import type { types, webApi } from '@slack/bolt';
import type { DigestPoster } from '../../digest/poster';
import type { CommandNames } from './commandNames';
import { renderReply, type SlackMessage } from './renderBlocks';

/** The message metadata event type that marks Parley's digest messages. */
export const DIGEST_EVENT_TYPE = 'parley_digest';

/**
 * Posts digests into Slack channels, each message at most once per run, across crashes:
 * every message carries metadata naming the run and its part, and before posting the
 * channel's messages since the run's time are read (conversations.history) for parts
 * already there. Each workspace's channels are posted into with its own token (`tokenFor`;
 * undefined: the client's one token).
 */
export function slackDigestPoster(client: webApi.WebClient, names: CommandNames, tokenFor: (workspaceId: string | null) => Promise<string | undefined>): DigestPoster {
  return {
    platform: 'slack',
    async post(channel, reply, run) {
      const token = await tokenFor(run.workspaceId ?? null);
      const history = await client.conversations.history({
        ...(token ? { token } : {}),
        channel,
        oldest: String(Math.floor(run.scheduledFor.getTime() / 1000) - 60),
        limit: 200,
        include_all_metadata: true,
      });
      const posted = new Map<number, string>();
      for (const message of history.messages ?? []) {
        const payload = (message.metadata?.event_type === DIGEST_EVENT_TYPE ? message.metadata.event_payload : undefined) as
          | { run?: unknown; part?: unknown }
          | undefined;
        if (payload?.run === run.key && typeof payload.part === 'number' && message.ts) posted.set(payload.part, message.ts);
      }
      const ids: string[] = [];
      for (const [part, message] of renderReply(reply, names.slashCommand).entries()) {
        const metadata = { event_type: DIGEST_EVENT_TYPE, event_payload: { run: run.key, part } };
        ids.push(posted.get(part) ?? (await postMessage(client, { channel, token }, message, metadata)));
      }
      return ids;
    },
  };
}

/** One rendered message into a channel, with the workspace's token, without link previews (citations are links enough); returns its ts. */
async function postMessage(
  client: webApi.WebClient,
  { channel, token }: { channel: string; token: string | undefined },
  message: SlackMessage,
  metadata: types.MessageMetadata,
): Promise<string> {
  const result = await client.chat.postMessage({ channel, ...(token ? { token } : {}), ...message, unfurl_links: false, unfurl_media: false, metadata });
  return result.ts!;
}
