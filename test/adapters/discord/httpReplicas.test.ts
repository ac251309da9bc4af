import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotProcess } from '../../helpers/botProcess';
import { discordSigningKeys } from '../../helpers/discordSigning';
import { FakeDiscord, interactionPayload } from '../../helpers/fakeDiscord';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres';

const { publicKeyHex, post } = discordSigningKeys();

let discord: FakeDiscord;
let postgres: TestPostgres;

beforeAll(async () => {
  discord = await FakeDiscord.start();
  postgres = await startTestPostgres();
});

afterAll(async () => {
  await discord?.stop();
  await postgres?.stop();
});

describe('Discord HTTP interactions over several processes', () => {
  it('lets any of two processes with no shared state answer any interaction, as behind a load balancer', async () => {
    // Each process has its own data folder and no database: nothing is shared but the application's key.
    const replicas: BotProcess[] = [1, 2].map(() =>
      startBot({ DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_HTTP_PORT: '0', DISCORD_API_URL: discord.apiUrl, PARLEY_WATCH_CORPUS: 'false' }),
    );
    let exitCodes: (number | null)[] = [];
    try {
      const urls = (await Promise.all(replicas.map((bot) => bot.waitForLog(/listening on (http:\/\/\S+)/u)))).map((match) => match[1]!);
      expect(new Set(urls).size).toBe(2);

      // A round robin over the two, as a load balancer would spread them.
      const questions = ['What did Putin demand about Kursk?', 'What did Zelensky say about sanctions?', 'What did Putin say about the 30-day ceasefire?', 'Who proposed the energy truce?'];
      const interactions = questions.map((question) => interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: question }]));
      const acknowledgements = await Promise.all(interactions.map(async (interaction, i) => (await post(urls[i % 2]!, interaction)).json()));
      expect(acknowledgements).toEqual(interactions.map(() => ({ type: 5 })));
      const answers = await Promise.all(interactions.map(async (interaction) => (await discord.messagesFor(interaction.token))[0]!));
      answers.forEach((answer, i) => expect(answer.embeds![0]!.title, questions[i]).toBe(questions[i]));

      // Autocompletion needs nothing from an earlier request either: each process answers it.
      for (const url of urls) {
        const completion = interactionPayload(discord, 4, 'compare', [{ name: 'parties', type: 3, value: 'ukr', focused: true }]);
        const body = (await (await post(url, completion)).json()) as { type: number; data: { choices: unknown[] } };
        expect(body.data.choices).toContainEqual({ name: 'Ukraine', value: 'ukraine' });
      }
    } finally {
      exitCodes = await Promise.all(replicas.map((bot) => bot.stop()));
    }
    expect(exitCodes).toEqual([0, 0]);
  });

  it('answers once an interaction delivered to both of two processes on one Postgres', async () => {
    const env = { DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_HTTP_PORT: '0', DISCORD_API_URL: discord.apiUrl, PARLEY_WATCH_CORPUS: 'false', PARLEY_DATABASE_URL: await postgres.createDatabase() };
    const replicas: BotProcess[] = [1, 2].map(() => startBot(env));
    let exitCodes: (number | null)[] = [];
    try {
      const urls = (await Promise.all(replicas.map((bot) => bot.waitForLog(/listening on (http:\/\/\S+)/u)))).map((match) => match[1]!);
      const interaction = interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: 'What did Putin demand about Kursk?' }]);
      // The same signed request, sent again to the other replica (a retry through the load balancer).
      const first = await (await post(urls[0]!, interaction)).json();
      const again = await (await post(urls[1]!, interaction)).json();
      expect(first).toEqual({ type: 5 });
      expect(again).toEqual({ type: 5, data: { flags: 64 } });
      await replicas[1]!.waitForLog(/delivered again; answered already/u);
      const answers = await discord.messagesFor(interaction.token);
      expect(answers).toHaveLength(1);
      expect(replicas[0]!.stderr()).not.toMatch(/delivered again/u);
    } finally {
      exitCodes = await Promise.all(replicas.map((bot) => bot.stop()));
    }
    expect(exitCodes).toEqual([0, 0]);
  });
});
