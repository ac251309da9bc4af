import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordGateway } from '../../../src/adapters/discord/gateway';
import type { RunningAdapter } from '../../../src/adapters/contract';
import { warmInsights } from '../../../src/app/warmInsights';
import { loadCommands } from '../../../src/core/registry';
import type { Library } from '../../../src/library/library';
import { FakeDiscord, interactionPayload } from '../../helpers/fakeDiscord';
import { libraryOf, testParley } from '../../helpers/fixtures';
import { generatedCorpus } from '../../helpers/generatedCorpus';
import { recordingLogger } from '../../helpers/testCommands';

const log = recordingLogger();
let discord: FakeDiscord;
let library: Library;
let adapter: RunningAdapter;

beforeAll(async () => {
  discord = await FakeDiscord.start();
  // Enough articles that the warm-up and a first /position take a good while.
  library = libraryOf(generatedCorpus(800));
  const parley = testParley(await loadCommands(), library, log);
  adapter = await startDiscordGateway(parley, { mode: 'gateway', token: discord.token, applicationId: null, guildId: null, apiUrl: discord.apiUrl }, log);
}, 120_000);

afterAll(async () => {
  await adapter?.stop();
  await discord?.stop();
});

function slash(name: string, options: { name: string; type: number; value: string }[] = []) {
  const interaction = interactionPayload(discord, 2, name, options);
  discord.dispatchInteraction(interaction);
  return discord.conversation(interaction.token);
}

describe('Discord during the warm-up after a restart, through discord.js', () => {
  it('defers a /position that needs unfinished work, and answers other commands while it waits', async () => {
    const warming = warmInsights(library, log);
    const position = slash('position', [{ name: 'party', type: 3, value: 'russia' }]);
    await discord.waitFor(() => position.callbacks.length > 0, '/position to be deferred');
    expect(position.callbacks).toEqual([{ type: 5, data: { flags: 0 } }]);

    const help = slash('help');
    await discord.waitFor(() => help.original, 'the /help reply');
    expect(help.callbacks).toEqual([{ type: 5, data: { flags: 0 } }]);
    // /help was answered while /position still waited for the corpus's statements.
    expect(position.original).toBeNull();

    const answered = await discord.waitFor(() => position.original, 'the /position reply', 60_000);
    expect(answered.embeds![0]!.title).toMatch(/^Russia — stated positions/u);
    await warming;
    expect(discord.refusals).toEqual([]);
  }, 90_000);
});
