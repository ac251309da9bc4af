import { blockKitViolations, blockTexts } from '../slack/blockKitLimits';
import { readerView } from '../slack/mrkdwn';
import { slashCommand } from '../slack/slashCommands';
import { TEST_SLACK } from '../slack/slackAdapter';
import type { FakeSlack } from '../slack/fakeSlack';
import type { Delivered, HarnessTraits, Role } from './harness';

export const SLACK_TRAITS: HarnessTraits = {
  slash: (command: string) => `/parley-${command}`,
  privateReplies: true,
  roles: true,
  repeatsCommand: true,
  // What one response_url takes, stated independently of the adapter.
  maxMessagesPerReply: 5,
  manager: { platform: 'slack', userId: 'U0MANAGER', channelId: 'C0NEWS', canManageChannel: true },
  mention: { everyone: '<!channel>', person: '<@U0BOSS>' },
};

/** A listed digest manager, and an analyst who manages nothing (the fake says nobody is a workspace admin). */
const USERS: Record<Role, string> = { manager: 'U0MANAGER', member: 'U0ANALYST' };

/** The settings of the bot on Slack, against the fake. */
export function slackEnvironment(fake: FakeSlack, mode: 'http' | 'socket'): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_SLACK.botToken,
    SLACK_API_URL: fake.apiUrl,
    SLACK_DIGEST_MANAGERS: USERS.manager,
    SLACK_MODE: mode,
    ...(mode === 'http' ? { SLACK_SIGNING_SECRET: TEST_SLACK.signingSecret, SLACK_PORT: '0', SLACK_HOST: '127.0.0.1' } : { SLACK_APP_TOKEN: TEST_SLACK.appToken }),
  };
}

/** The slash command fields Slack sends for a typed line: `/parley-ask` with the rest of the line as its text. */
export function slashCommandFor(line: string, responseUrl: string, role: Role): Record<string, string> {
  const [, name = '', text = ''] = /^\/*(\S*)\s*(.*)$/su.exec(line.trim()) ?? [];
  return slashCommand({ command: SLACK_TRAITS.slash(name.toLowerCase()), text, response_url: responseUrl, user_id: USERS[role] });
}

const SLACK_MESSAGES_PER_RESPONSE_URL = 5;

/** A reader sees bold, italics and strikes, not their marks; marks shown as text (in an inert date) stay. */
const withoutLiveMarks = (mrkdwn: string): string => mrkdwn.replace(/<!date\^[^>]*>|[*_~`]/gu, (match) => (match.length > 1 ? match : ''));

/** What the user sees of the messages a response URL received. */
export function slackDelivered(messages: readonly Record<string, unknown>[]): Delivered {
  return {
    text: messages.map((m) => readerView(withoutLiveMarks(blockTexts(m).join('\n') || String(m.text ?? '')))).join('\n'),
    messages: messages.length,
    privateMessages: messages.filter((m) => m.response_type === 'ephemeral').length,
    pings: messages.flatMap(pings),
    overLimits: [
      ...messages.flatMap(blockKitViolations),
      ...(messages.length > SLACK_MESSAGES_PER_RESPONSE_URL ? [`${messages.length} messages to one response URL, over ${SLACK_MESSAGES_PER_RESPONSE_URL}`] : []),
    ],
  };
}

/**
 * What would notify someone: Slack's mention syntax anywhere in the message, and a plain
 * @channel, @here or @everyone in mrkdwn that Slack is let parse (not `verbatim`).
 */
function pings(message: Record<string, unknown>): string[] {
  const raw = JSON.stringify(message);
  const syntax = [...raw.matchAll(/<!(?:channel|here|everyone)(?:\|[^>]*)?>|<!subteam\^[^>]*>|<@[UWB][A-Z0-9]+(?:\|[^>]*)?>/gu)].map((m) => m[0]);
  const parsed = mrkdwnElements(message)
    .filter((e) => e.verbatim !== true)
    .flatMap((e) => [...e.text.matchAll(/@(?:channel|here|everyone)\b/gu)].map((m) => m[0]));
  return [...syntax, ...parsed];
}

type TextObject = { type: string; text: string; verbatim?: boolean };

function mrkdwnElements(message: Record<string, unknown>): TextObject[] {
  const blocks = (message.blocks ?? []) as { text?: TextObject; fields?: TextObject[]; elements?: TextObject[] }[];
  return blocks.flatMap((b) => [b.text, ...(b.fields ?? []), ...(b.elements ?? [])]).filter((t): t is TextObject => t?.type === 'mrkdwn');
}
