import { discordOptionName } from '../../../src/adapters/discord/slashCommands';
import type { Parley } from '../../../src/app/parley';
import { parseTextArguments, splitCommandLine, tokenizeLine } from '../../../src/core/args';
import { optionSpecs } from '../../../src/core/optionSpec';
import { discordProblems } from '../discordRules';
import { EPHEMERAL, interactionPayload, type Conversation, type FakeDiscord, type InteractionUser, type SentMessage } from '../fakeDiscord';
import type { Delivered, HarnessTraits, Role } from './harness';

/** What Discord users type and have: `/ask`, Manage Server for managers. */
export const DISCORD_TRAITS: HarnessTraits = {
  slash: (command: string) => `/${command}`,
  privateReplies: true,
  roles: true,
  repeatsCommand: true,
  // MAX_MESSAGES_PER_REPLY, stated independently of the adapter.
  maxMessagesPerReply: 5,
  manager: { platform: 'discord', userId: '1300000000000000100', channelId: '1300000000000000300', canManageChannel: true },
  mention: { everyone: '@everyone', person: '<@1300000000000000042>' },
};

const MANAGE_GUILD = String(1 << 5);
const USERS: Record<Role, InteractionUser> = { manager: { id: '1300000000000000100', permissions: MANAGE_GUILD }, member: { id: '1300000000000000200', permissions: '0' } };
const OPTION_TYPE = { string: 3, integer: 4, number: 10, boolean: 5 } as const;

/**
 * The slash command a Discord user would send for a typed line: its options typed as the
 * Discord client sends them (a list as one comma-separated string, numbers as numbers).
 */
export function interactionFor(discord: FakeDiscord, parley: Parley, line: string, role: Role): Record<string, unknown> & { token: string } {
  const { name, args } = splitCommandLine(tokenizeLine(line));
  const command = parley.registry.get(name);
  const specs = command ? optionSpecs(command) : [];
  const parsed = command ? parseTextArguments(command, args) : {};
  const options = Object.entries(parsed).flatMap(([option, value]) => {
    const spec = specs.find((s) => s.name === option);
    if (!spec) return []; // surplus words: a Discord client has nowhere to type them
    const typed = Array.isArray(value) ? value.join(', ') : spec.type === 'integer' || spec.type === 'number' ? Number(value) : (value as string | boolean);
    return [{ name: discordOptionName(option), type: spec.list ? 3 : OPTION_TYPE[spec.type], value: typed }];
  });
  return interactionPayload(discord, 2, name, options, USERS[role]);
}

/** The first response to an interaction: over the gateway a callback request, over HTTP the response body. */
export interface InitialResponse {
  type: number;
  data?: Record<string, unknown>;
}

/** What the user sees of an interaction's answer: the original (unless deleted), then the follow-ups. */
export function discordDelivered(discord: FakeDiscord, token: string, initial: InitialResponse | undefined, conversation: Conversation): Delivered {
  const deferredPrivately = ((Number(initial?.data?.flags ?? 0)) & EPHEMERAL) !== 0;
  const original = conversation.original ?? (initial?.type === 4 ? (initial.data as SentMessage) : null);
  const shown = [
    ...(original && !conversation.originalDeleted ? [{ message: original, private: deferredPrivately || isEphemeral(original) }] : []),
    ...conversation.followUps.map((message) => ({ message, private: isEphemeral(message) })),
  ];
  const refused = discord.refusals.filter((r) => r.request.path.includes(token)).flatMap((r) => r.problems);
  return {
    text: shown.map(({ message }) => readerText(message)).join('\n'),
    messages: shown.length,
    privateMessages: shown.filter((m) => m.private).length,
    pings: shown.flatMap(({ message }) => pings(message)),
    overLimits: [...refused, ...(initial ? discordProblems.callback(initial) : [])],
  };
}

const isEphemeral = (message: SentMessage): boolean => ((message.flags ?? 0) & EPHEMERAL) !== 0;

const rawTexts = (message: SentMessage): string[] => [
  message.content ?? '',
  ...(message.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']),
];

/** Discord hides the backslash before an escaped character. */
const readerText = (message: SentMessage): string =>
  rawTexts(message)
    .filter(Boolean)
    .join('\n')
    .replace(/\\([^\p{L}\p{N}\s])/gu, '$1');

/**
 * The mentions that would notify someone: @everyone/@here, users and roles not escaped with a
 * backslash, unless `allowed_mentions` suppresses their kind (absent, Discord parses them all).
 * Embeds are counted as if they could notify, which Discord's are not: stricter than needed.
 */
function pings(message: SentMessage): string[] {
  const allowed = message.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
  const parses = (kind: string) => allowed === undefined || (allowed.parse ?? []).includes(kind);
  const text = rawTexts(message).join('\n');
  return [
    ...[...text.matchAll(/(?<!\\)@(?:everyone|here)/gu)].filter(() => parses('everyone')),
    ...[...text.matchAll(/(?<!\\)<@!?(\d+)>/gu)].filter((m) => parses('users') || (allowed?.users ?? []).includes(m[1]!)),
    ...[...text.matchAll(/(?<!\\)<@&(\d+)>/gu)].filter((m) => parses('roles') || (allowed?.roles ?? []).includes(m[1]!)),
  ].map((m) => m[0]);
}
