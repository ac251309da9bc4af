import type { RunningAdapter } from '../../../src/adapters/contract';
import { renderReply } from '../../../src/adapters/discord/renderReply';
import type { Reply } from '../../../src/core/reply';
import { discordSigningKeys } from '../discordSigning';
import { FakeDiscord } from '../fakeDiscord';
import { applicationUnderTest, startAdaptersFromEnvironment, stopAll, type ApplicationUnderTest } from './application';
import { DISCORD_TRAITS, discordDelivered, interactionFor, type InitialResponse } from './discordReplies';
import type { Delivered, Harness, Redelivery, RunOptions } from './harness';

/**
 * Discord's HTTP interactions: each interaction POSTed to the endpoint signed with a real
 * Ed25519 key, as Discord signs it; the answer read from the HTTP response and the fake's webhooks.
 */
export function discordHttpHarness(): Harness {
  const keys = discordSigningKeys();
  const { publicKeyHex } = keys;
  let discord: FakeDiscord;
  let application: ApplicationUnderTest;
  let adapters: RunningAdapter[] = [];
  let endpoint: string;
  /** The HTTP response to each interaction, by token: the first, and any to a redelivery. */
  const initial = new Map<string, InitialResponse[]>();

  const post = async (interaction: Record<string, unknown> & { token: string }): Promise<void> => {
    const response = await keys.post(endpoint, interaction);
    if (response.status !== 200) throw new Error(`the endpoint answered ${response.status}: ${await response.text()}`);
    initial.set(interaction.token, [...(initial.get(interaction.token) ?? []), (await response.json()) as InitialResponse]);
  };
  const send = async (line: string, options: RunOptions = {}) => {
    const interaction = interactionFor(discord, application.parley, line, options.as ?? 'member');
    await post(interaction);
    return interaction;
  };
  const answer = async (token: string, messages = 1): Promise<Delivered> => {
    const [first] = initial.get(token)!;
    // A reply in the response itself is the first message; the rest come through the webhook.
    const viaWebhook = messages - (first?.type === 4 ? 1 : 0);
    if (viaWebhook > 0) await discord.messagesFor(token, viaWebhook);
    return discordDelivered(discord, token, first, discord.conversation(token));
  };

  return {
    name: 'Discord HTTP interactions',
    traits: DISCORD_TRAITS,
    async start() {
      discord = await FakeDiscord.start();
      application = await applicationUnderTest();
      adapters = await startAdaptersFromEnvironment(application, {
        DISCORD_MODE: 'http',
        DISCORD_PUBLIC_KEY: publicKeyHex,
        DISCORD_HTTP_HOST: '127.0.0.1',
        DISCORD_HTTP_PORT: '0',
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
      });
      endpoint = /listening on (\S+)/u.exec(await application.captured.waitFor(/HTTP interactions endpoint listening on/u))![1]!;
    },
    run: async (line, options) => answer((await send(line, options)).token, options?.messages),
    async redeliver(line): Promise<Redelivery> {
      const before = application.runs();
      const interaction = await send(line);
      await post(interaction); // the same interaction again
      await answer(interaction.token);
      await answer((await send('sources')).token);
      const { messages, overLimits } = await answer(interaction.token);
      // A second reply in the response would be a second answer; a second acknowledgement is not.
      const repliedAgain = initial.get(interaction.token)!.slice(1).filter((r) => r.type === 4).length;
      return { runs: application.runs() - before - 1, messages: messages + overLimits.length + repliedAgain };
    },
    messagesFor: (reply: Reply) => renderReply(reply).length,
    logged: () => application.captured.lines.join('\n'),
    stop: () => stopAll(adapters, () => discord.stop()),
  };
}
