import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordGateway } from '../../src/adapters/discord/gateway';
import { registerSlashCommands } from '../../src/adapters/discord/registerCommands';
import type { RunningAdapter } from '../../src/adapters/contract';
import { loadCommands } from '../../src/core/registry';
import { libraryOf, corpusCopy, testParley } from '../helpers/fixtures';
import { EPHEMERAL, FakeDiscord, interactionPayload, type InteractionUser } from '../helpers/fakeDiscord';
import { recordingLogger } from '../helpers/testCommands';

const MANAGE_GUILD = String(1 << 5);

/**
 * The digest on Discord, through discord.js against the fake Discord: only members with
 * Manage Server subscribe; posts go to the channel once per run, with a nonce, and a run
 * re-attempted after a crash finds its message instead of posting it again.
 */
let discord: FakeDiscord;
let adapter: RunningAdapter;
afterEach(async () => {
  await adapter?.stop();
  await discord?.stop();
});

async function setUp() {
  let clock = new Date('2025-03-21T06:00:00Z');
  discord = await FakeDiscord.start();
  const log = recordingLogger();
  const parley = testParley(await loadCommands(), libraryOf(corpusCopy()), log, () => clock);
  adapter = await startDiscordGateway(parley, { mode: 'gateway', token: discord.token, applicationId: null, guildId: null, apiUrl: discord.apiUrl }, log);
  parley.services.digests!.registerPoster(adapter.digestPoster!);
  const digest = async (options: Record<string, string>, who: InteractionUser) => {
    const typed = Object.entries(options).map(([name, value]) => ({ name, type: 3, value }));
    const interaction = interactionPayload(discord, 2, 'digest', typed, who);
    discord.dispatchInteraction(interaction);
    const [message] = await discord.messagesFor(interaction.token);
    // Private when either the reply says so or it went into a privately acknowledged original.
    const privately = discord.conversation(interaction.token).callbacks.some((c) => c.data?.flags === EPHEMERAL);
    return privately ? { ...message!, flags: EPHEMERAL } : message!;
  };
  return {
    parley,
    digest,
    channelPosts: () => discord.channelMessages.get(discord.channelId) ?? [],
    setClock: (iso: string) => {
      clock = new Date(iso);
    },
  };
}

describe('the digest on Discord', () => {
  it('is registered for members with Manage Server, and refuses others', async () => {
    const w = await setUp();
    await registerSlashCommands({ token: discord.token, apiUrl: discord.apiUrl, applicationId: discord.applicationId, guildId: null }, await loadCommands().then((r) => r.list()));
    const definitions = discord.requests.at(-1)!.body as { name: string; default_member_permissions?: string }[];
    expect(definitions.find((d) => d.name === 'digest')!.default_member_permissions).toBe(MANAGE_GUILD);
    expect(definitions.find((d) => d.name === 'ask')!.default_member_permissions).toBeUndefined();

    const refused = await w.digest({ action: 'subscribe' }, { permissions: '0' });
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.content).toContain('Only channel managers can subscribe or unsubscribe a channel');
    const accepted = await w.digest({ action: 'subscribe', time: '08:00', timezone: 'UTC' }, { permissions: MANAGE_GUILD });
    expect(JSON.stringify(accepted.embeds)).toContain('every day at 08:00 (UTC)');
  });

  it('posts each run once into the channel, with a nonce and no mentions', async () => {
    const w = await setUp();
    await w.digest({ action: 'subscribe', time: '08:00', timezone: 'UTC' }, { permissions: MANAGE_GUILD });
    w.setClock('2025-03-21T08:00:00Z');
    await w.parley.services.digests!.runDue();
    await w.parley.services.digests!.runDue();
    expect(w.channelPosts()).toHaveLength(1);
    const [post] = w.channelPosts();
    expect(post!.embeds![0]!.title).toBe('Parley daily digest — 2025-03-21');
    expect(post!).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });

  });

  it('finds a run’s messages already in the channel when it tries again after a crash, and posts nothing twice', async () => {
    const w = await setUp();
    const reply = await w.parley.services.digests!.preview({ platform: 'discord', channelId: discord.channelId });
    const run = { key: `discord:${discord.channelId}:2025-03-21T08:00:00.000Z`, subscriptionId: 1, scheduledFor: new Date('2025-03-21T08:00:00Z') };
    const first = await adapter.digestPoster!.post(discord.channelId, reply, run);
    const afterRestart = await adapter.digestPoster!.post(discord.channelId, reply, run);
    expect(afterRestart).toEqual(first);
    expect(w.channelPosts()).toHaveLength(first.length);
  });
});
