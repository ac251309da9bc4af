import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordGateway } from '../../../src/adapters/discord/gateway';
import { renderReply } from '../../../src/adapters/discord/renderReply';
import { discordOptionName } from '../../../src/adapters/discord/slashCommands';
import type { RunningAdapter } from '../../../src/adapters/contract';
import type { Parley } from '../../../src/app/parley';
import { parseTextArguments, tokenizeLine } from '../../../src/core/args';
import { optionSpecs } from '../../../src/core/optionSpec';
import { loadCommands } from '../../../src/core/registry';
import { EPHEMERAL, FakeDiscord, interactionPayload, type InteractionUser, type SentMessage } from '../../helpers/fakeDiscord';
import { LONG_REPLY, parleyWithTestCommands, recordingLogger } from '../../helpers/testCommands';

const MANAGE_GUILD = String(1 << 5);
const log = recordingLogger();
let discord: FakeDiscord;
let parley: Parley;
let adapter: RunningAdapter;

beforeAll(async () => {
  discord = await FakeDiscord.start();
  parley = await parleyWithTestCommands(log);
  adapter = await startDiscordGateway(parley, { mode: 'gateway', token: discord.token, applicationId: null, guildId: null, apiUrl: discord.apiUrl }, log);
});

afterAll(async () => {
  await adapter?.stop();
  await discord?.stop();
});

type Value = string | number | boolean;
const OPTION_TYPE = { string: 3, integer: 4, number: 10, boolean: 5 } as const;

/** Runs a slash command as a Discord user would, with its options typed as Discord sends them. */
function slash(name: string, options: Record<string, Value> = {}, who?: InteractionUser) {
  const command = parley.commands().find((c) => c.name === name)!;
  const specs = optionSpecs(command);
  const typed = Object.entries(options).map(([option, value]) => {
    const spec = specs.find((s) => s.name === option)!;
    return { name: discordOptionName(option), type: spec.list ? 3 : OPTION_TYPE[spec.type], value };
  });
  const interaction = interactionPayload(discord, 2, name, typed, who);
  discord.dispatchInteraction(interaction);
  return { token: interaction.token, conversation: discord.conversation(interaction.token) };
}

/** A help-style example ("ask What did Putin say?") as the options Discord would send. */
function optionsOfExample(example: string): [string, Record<string, Value>] {
  const [name, ...words] = tokenizeLine(example);
  const command = parley.commands().find((c) => c.name === name)!;
  const specs = optionSpecs(command);
  const parsed = parseTextArguments(command, words);
  const options = Object.fromEntries(
    Object.entries(parsed).map(([option, value]) => {
      const spec = specs.find((s) => s.name === option)!;
      const discordValue = Array.isArray(value) ? value.join(', ') : spec.type === 'integer' || spec.type === 'number' ? Number(value) : (value as Value);
      return [option, discordValue];
    }),
  );
  return [name!, options];
}

const embedText = (message: SentMessage) =>
  (message.embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');

describe('Discord over the gateway, through discord.js', () => {
  it('connects with the token and asks only for the Guilds intent', async () => {
    expect((await discord.identified()).intents).toBe(1);
    expect(discord.requests.find((r) => r.path === '/api/v10/gateway/bot')?.headers.authorization).toBe(`Bot ${discord.token}`);
  });

  it('acknowledges every example with a deferral at once, privately exactly when its reply will be private', async () => {
    const examples = (await loadCommands()).list().flatMap((command) => command.examples ?? []);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const [name, options] = optionsOfExample(example);
      // Run by a member with Manage Server, who may use every command (digest subscriptions too).
      const { token, conversation } = slash(name, options, { permissions: MANAGE_GUILD });
      await discord.messagesFor(token);
      const command = parley.commands().find((c) => c.name === name)!;
      const privately = command.repliesPrivately?.(command.options.parse(options), { platform: 'discord', userId: null, channelId: null, canManageChannel: true }) ?? false;
      expect(conversation.callbacks, example).toEqual([{ type: 5, data: { flags: privately ? EPHEMERAL : 0 } }]);
    }
  });

  it('answers /ask with verbatim sentences and their numbered sources', async () => {
    const { token } = slash('ask', { question: 'What did Putin say about the 30-day ceasefire?' });
    const [message] = await discord.messagesFor(token);
    const [answer, sources] = message!.embeds!;
    expect(answer!.title).toBe('What did Putin say about the 30-day ceasefire?');
    expect(answer!.description).toContain('Putin just voiced very preliminary and conditional support for the 30-day cease-fire proposal from the United States and Ukraine. [1]');
    expect(sources!.title).toBe('Sources');
    expect(sources!.description).toContain('**[1, 2]** Putin Voices Conditional Support for the 30-Day Cease-Fire, with Questions on Kursk, Arms and Monitoring — unknown (seed article), 2025-03-13 (date estimated)');
  });

  it('abstains on /ask with the closest passages labelled as not an answer', async () => {
    const { token } = slash('ask', { question: 'Did Putin visit Israel?' });
    const [message] = await discord.messagesFor(token);
    expect(message!.embeds![0]!.description).toMatch(/^Not found in the corpus\./u);
    expect(message!.embeds![1]!.title).toBe('Closest passages — they do not answer the question');
    expect(message!.embeds![1]!.description).toMatch(/> \[1\] “/u);
  });

  it('lists /sources and shows /help for one command', async () => {
    const sources = slash('sources', { page: 1 });
    expect(embedText((await discord.messagesFor(sources.token))[0]!)).toContain('The corpus holds 5 articles');
    const help = slash('help', { command: 'ask' });
    expect(embedText((await discord.messagesFor(help.token))[0]!)).toContain('/ask <question>');
  });

  it('answers bad input in the first response, without deferring', async () => {
    const { token, conversation } = slash('ask', { question: 'x' });
    await discord.messagesFor(token);
    expect(conversation.callbacks).toHaveLength(1);
    expect(conversation.callbacks[0]).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
  });

  it('removes the public "thinking…" of a command that fails while running, and answers privately', async () => {
    const { token, conversation } = slash('versus', { parties: 'russia, ukraine', refuse: true });
    const [message] = await discord.messagesFor(token);
    expect(conversation.callbacks[0]!.type).toBe(5);
    expect(conversation.originalDeleted).toBe(true);
    expect(message).toMatchObject({ flags: EPHEMERAL });
  });

  it('sends no mention-carrying message without allowed_mentions none, whatever it carries', async () => {
    const { token } = slash('mischief');
    await discord.messagesFor(token);
    const sent = discord.requests.filter((r) => r.method !== 'GET' && r.method !== 'DELETE' && /webhooks|interactions/u.test(r.path));
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) {
      const body = request.body as { data?: SentMessage } & SentMessage;
      const payload = request.path.endsWith('/callback') ? body.data : body;
      if (payload && (payload.content !== undefined || payload.embeds !== undefined)) expect(payload.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('tells the command who is asking and whether they may manage the channel', async () => {
    const whoami = async (who: InteractionUser) => JSON.parse(embedText((await discord.messagesFor(slash('whoami', {}, who).token))[0]!).trim()) as object;
    expect(await whoami({ id: '1300000000000000042', permissions: MANAGE_GUILD })).toEqual({
      platform: 'discord',
      userId: '1300000000000000042',
      channelId: discord.channelId,
      canManageChannel: true,
    });
    expect(await whoami({ permissions: '0' })).toMatchObject({ canManageChannel: false });
    // In a DM nobody manages a channel.
    expect(await whoami({ permissions: null })).toMatchObject({ canManageChannel: false });
  });

  it('refuses manager-only commands in a DM, privately', async () => {
    const { token } = slash('ingest', { source: 'https://news.example/feed.xml' }, { permissions: null });
    const [refusal] = await discord.messagesFor(token);
    expect(refusal!.content).toContain('Only people who can manage this channel can add articles to the corpus.');
    expect(discord.conversation(token).callbacks).toEqual([{ type: 5, data: { flags: EPHEMERAL } }]);
  });

  it('acknowledges a command whose reply will be private privately: no public "thinking…" is ever shown', async () => {
    for (const [name, options, who] of [
      ['ingest', { source: 'https://news.example/feed.xml' }, { permissions: MANAGE_GUILD }],
      ['digest', { action: 'preview' }, { permissions: '0' }],
      ['digest', { action: 'subscribe' }, { permissions: '0' }],
    ] as const) {
      const { token, conversation } = slash(name, options, who);
      await discord.messagesFor(token);
      expect(conversation.callbacks, `${name} ${JSON.stringify(options)}`).toEqual([{ type: 5, data: { flags: EPHEMERAL } }]);
      expect(conversation.originalDeleted).toBe(false);
    }
    const shown = slash('digest', { action: 'show' }, { permissions: '0' });
    await discord.messagesFor(shown.token);
    expect(shown.conversation.callbacks).toEqual([{ type: 5, data: { flags: 0 } }]);
  });
});

describe('autocompletion over the gateway', () => {
  async function complete(value: string) {
    const interaction = interactionPayload(discord, 4, 'versus', [{ name: 'parties', type: 3, value, focused: true }]);
    discord.dispatchInteraction(interaction);
    const conversation = discord.conversation(interaction.token);
    await discord.waitFor(() => conversation.callbacks.length > 0, 'autocompletion');
    return conversation.callbacks;
  }

  it('suggests parties at once, never deferred, at most 25', async () => {
    const callbacks = await complete('ukr');
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]!.type).toBe(8);
    expect(callbacks[0]!.data!.choices).toContainEqual({ name: 'Ukraine', value: 'ukraine' });
    expect((await complete(''))[0]!.data!.choices).toHaveLength(25);
  });

  it('completes the last of several comma-separated values', async () => {
    const choices = (await complete('russia, zel'))[0]!.data!.choices as { name: string; value: string }[];
    expect(choices[0]!.value).toMatch(/^russia, /u);
    expect(choices[0]!.name).toMatch(/^russia, .*Zelensky/u);
  });
});

const RUN = { key: 'discord:digest:2025-03-20T08:00:00.000Z', subscriptionId: 1, scheduledFor: new Date('2025-03-20T08:00:00Z') };

describe('posting a digest into a channel', () => {
  it('posts with the same rendering, no mentions, and a nonce per message; posting the run again adds nothing', async () => {
    const expected = renderReply(LONG_REPLY).length;
    await adapter.digestPoster!.post(discord.channelId, LONG_REPLY, RUN);
    await adapter.digestPoster!.post(discord.channelId, LONG_REPLY, RUN);
    const posted = discord.channelMessages.get(discord.channelId)!;
    expect(posted).toHaveLength(expected);
    for (const message of posted) {
      expect(message).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
      expect(String(message.nonce).length).toBeLessThanOrEqual(25);
    }
    expect(new Set(posted.map((m) => m.nonce)).size).toBe(expected);
    expect(discord.refusals).toEqual([]);
  });

  it('refuses a channel it cannot post in', async () => {
    await expect(adapter.digestPoster!.post('1300000000000000777', LONG_REPLY, RUN)).rejects.toThrow(/Unknown Channel/u);
  });
});
