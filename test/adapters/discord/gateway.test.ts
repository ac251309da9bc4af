import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordGateway } from '../../../src/adapters/discord/gateway';
import type { RunningAdapter } from '../../../src/adapters/platforms';
import { FakeDiscord, interactionPayload } from '../../helpers/fakeDiscord';
import { seedParley } from '../../helpers/fixtures';

let discord: FakeDiscord;
let adapter: RunningAdapter;

beforeAll(async () => {
  discord = await FakeDiscord.start();
  adapter = await startDiscordGateway(
    await seedParley(),
    { mode: 'gateway', token: discord.token, applicationId: null, guildId: null, apiUrl: discord.apiUrl },
    (await import('../../../src/log')).createLogger('debug'),
  );
});

afterAll(async () => {
  await adapter?.stop();
  await discord?.stop();
});

describe('Discord over the gateway', () => {
  it('answers /ask', async () => {
    const interaction = interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: 'What did Putin say about the 30-day ceasefire?' }]);
    discord.dispatchInteraction(interaction);
    const conversation = discord.conversation(interaction.token);
    await discord.waitFor(() => conversation.original, 'the answer');
    console.log(JSON.stringify(conversation, null, 1));
    expect(discord.refusals).toEqual([]);
  });
});
