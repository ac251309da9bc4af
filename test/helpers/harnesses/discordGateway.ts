import type { RunningAdapter } from '../../../src/adapters/contract';
import { renderReply } from '../../../src/adapters/discord/renderReply';
import type { Reply } from '../../../src/core/reply';
import { FakeDiscord } from '../fakeDiscord';
import { applicationUnderTest, startAdaptersFromEnvironment, stopAll, type ApplicationUnderTest } from './application';
import { DISCORD_TRAITS, discordDelivered, interactionFor, type InitialResponse } from './discordReplies';
import type { Delivered, Harness, Redelivery, RunOptions } from './harness';

/** Discord over the gateway: the real discord.js client against the fake Discord's WebSocket and REST API. */
export function discordGatewayHarness(): Harness {
  let discord: FakeDiscord;
  let application: ApplicationUnderTest;
  let adapters: RunningAdapter[] = [];

  const dispatch = (line: string, options: RunOptions = {}) => {
    const interaction = interactionFor(discord, application.parley, line, options.as ?? 'member');
    discord.dispatchInteraction(interaction);
    return interaction;
  };
  const answer = async (token: string, messages = 1): Promise<Delivered> => {
    await discord.messagesFor(token, messages);
    const conversation = discord.conversation(token);
    return discordDelivered(discord, token, conversation.callbacks[0] as InitialResponse | undefined, conversation);
  };

  return {
    name: 'Discord gateway',
    traits: DISCORD_TRAITS,
    async start() {
      discord = await FakeDiscord.start();
      application = await applicationUnderTest();
      adapters = await startAdaptersFromEnvironment(application, { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl });
    },
    run: (line, options) => answer(dispatch(line, options).token, options?.messages),
    async redeliver(line): Promise<Redelivery> {
      const before = application.runs();
      const interaction = dispatch(line);
      // The same interaction again, as after a gateway resume that replays it.
      discord.dispatchInteraction(interaction);
      await answer(interaction.token);
      await answer(dispatch('sources').token);
      const { messages, overLimits } = await answer(interaction.token);
      // An answer Discord refused (a second acknowledgement) was still an answer sent.
      return { runs: application.runs() - before - 1, messages: messages + overLimits.length };
    },
    messagesFor: (reply: Reply) => renderReply(reply).length,
    logged: () => application.captured.lines.join('\n'),
    stop: () => stopAll(adapters, () => discord.stop()),
  };
}
