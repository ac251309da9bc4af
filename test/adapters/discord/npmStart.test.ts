import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, interactionPayload } from '../../helpers/fakeDiscord';
import { runBot, startBot } from '../../helpers/runBot';
import { discordSigningKeys } from '../../helpers/discordSigning';

let discord: FakeDiscord;

beforeAll(async () => {
  discord = await FakeDiscord.start();
});

afterAll(async () => {
  await discord?.stop();
});

describe('npm start with Discord configured', () => {
  it('connects over the gateway, answers, never logs the token, and stops on SIGTERM', async () => {
    const bot = startBot([], { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, PARLEY_LOG_LEVEL: 'debug' });
    await discord.identified();
    const interaction = interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: 'What did Putin demand about Kursk?' }]);
    discord.dispatchInteraction(interaction);
    const [message] = await discord.messagesFor(interaction.token);
    expect(message!.embeds![0]!.description).toContain('[1]');

    bot.child.kill('SIGTERM');
    const run = await bot.exited;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('serving Discord (gateway)');
    expect(run.stderr).toContain('shutting down');
    for (const part of discord.token.split('.')) expect(run.stderr).not.toContain(part);
  });

  it('stops with a clear message when Discord refuses the token', async () => {
    const run = await runBot([], { env: { DISCORD_TOKEN: 'a-token-discord-does-not-know', DISCORD_API_URL: discord.apiUrl } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Parley could not start: An invalid token was provided.');
    expect(run.stderr).not.toContain('a-token-discord-does-not-know');
  });

  it('refuses the HTTP mode without the public key', async () => {
    const run = await runBot([], { env: { DISCORD_MODE: 'http' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Setting DISCORD_PUBLIC_KEY is required when DISCORD_MODE=http');
  });

  it('serves the HTTP interactions endpoint in HTTP mode', async () => {
    const bot = startBot([], {
      DISCORD_MODE: 'http',
      DISCORD_PUBLIC_KEY: discordSigningKeys().publicKeyHex,
      DISCORD_HTTP_PORT: '0',
      DISCORD_API_URL: discord.apiUrl,
    });
    const url = await new Promise<string>((resolve) => {
      bot.child.stderr!.on('data', () => {
        const match = /listening on (http:\/\/\S+)/u.exec(bot.output().stderr);
        if (match) resolve(match[1]!);
      });
    });
    expect((await fetch(url, { method: 'POST', body: '{"type":1}' })).status).toBe(401);
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
  });
});
