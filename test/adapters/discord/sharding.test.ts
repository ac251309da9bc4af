import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/settings';
import { startBot, type BotProcess } from '../../helpers/botProcess';
import { FakeDiscord, interactionPayload, shardOfGuild, type FakeGuild } from '../../helpers/fakeDiscord';
import { runBot } from '../../helpers/runBot';

let discord: FakeDiscord;

beforeAll(async () => {
  discord = await FakeDiscord.start();
});

afterAll(async () => {
  await discord?.stop();
});

const ask = (guild: FakeGuild, question: string) => interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: question }], { guild });

describe('Discord sharding over processes (DISCORD_SHARD_COUNT, DISCORD_SHARD_IDS)', () => {
  it('runs shard 0 and shard 1 of 2 in two processes, each answering the interactions of its own servers only', async () => {
    const onShard0 = discord.addGuild({ shard: 0, count: 2 });
    const onShard1 = discord.addGuild({ shard: 1, count: 2 });
    expect([shardOfGuild(onShard0.id, 2), shardOfGuild(onShard1.id, 2)]).toEqual([0, 1]);

    const environment = (ids: string) => ({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_SHARD_COUNT: '2',
      DISCORD_SHARD_IDS: ids,
      PARLEY_WATCH_CORPUS: 'false',
      PARLEY_LOG_LEVEL: 'debug',
    });
    const bots: BotProcess[] = [startBot(environment('0')), startBot(environment('1'))];
    let exitCodes: (number | null)[] = [];
    try {
      const connected = await Promise.all(bots.map((bot) => bot.waitForLog(/discord: connected as Parley over the gateway, (shard.*)$/mu)));
      // Each process is sent the servers of its shard only (the fake's first server is on one of them too).
      const serversOn = (shard: number) => discord.guilds.filter((guild) => shardOfGuild(guild.id, 2) === shard).length;
      const servers = (count: number) => `${count} ${count === 1 ? 'server' : 'servers'}`;
      expect(connected.map((match) => match[1])).toEqual([`shard 0 of 2 (${servers(serversOn(0))})`, `shard 1 of 2 (${servers(serversOn(1))})`]);
      expect(discord.identifies.map((identify) => identify.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);

      const first = ask(onShard0, 'What did Putin demand about Kursk?');
      const second = ask(onShard1, 'What did Zelensky say about sanctions?');
      expect(discord.dispatchInteraction(first)).toEqual([0]);
      expect(discord.dispatchInteraction(second)).toEqual([1]);
      const [[firstAnswer], [secondAnswer]] = await Promise.all([discord.messagesFor(first.token), discord.messagesFor(second.token)]);
      expect(firstAnswer!.embeds![0]!.description).toContain('[1]');
      expect(secondAnswer!.embeds![0]!.description).toContain('[1]');

      // Each process saw, and answered, only the interaction of its own shard's server.
      await bots[0]!.waitForLog(new RegExp(`discord: interaction ${first.id} \\(/ask\\) in server ${onShard0.id} on shard 0`, 'u'));
      await bots[1]!.waitForLog(new RegExp(`discord: interaction ${second.id} \\(/ask\\) in server ${onShard1.id} on shard 1`, 'u'));
      expect(bots[0]!.stderr()).not.toContain(String(second.id));
      expect(bots[1]!.stderr()).not.toContain(String(first.id));
    } finally {
      exitCodes = await Promise.all(bots.map((bot) => bot.stop()));
    }
    expect(exitCodes).toEqual([0, 0]);
  });

  it('runs every shard in one process when only DISCORD_SHARD_COUNT is set', () => {
    const settings = parseSettings({ DISCORD_TOKEN: 'token', DISCORD_SHARD_COUNT: '3' });
    expect(settings.discord).toMatchObject({ mode: 'gateway', shards: { count: 3, ids: [0, 1, 2] } });
    expect(parseSettings({ DISCORD_TOKEN: 'token', DISCORD_SHARD_COUNT: '16', DISCORD_SHARD_IDS: '0-3, 8 9' }).discord).toMatchObject({
      shards: { count: 16, ids: [0, 1, 2, 3, 8, 9] },
    });
    expect(parseSettings({ DISCORD_TOKEN: 'token' }).discord).not.toHaveProperty('shards');
  });

  it('refuses shard settings that cannot work, saying what is wrong with what was given', () => {
    const refusal = (env: Record<string, string>) => () => parseSettings({ DISCORD_TOKEN: 'token', ...env });
    expect(refusal({ DISCORD_SHARD_IDS: '0' })).toThrow(
      'Setting DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT: the number of shards of the whole bot, across every process.',
    );
    expect(refusal({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '0,2' })).toThrow(
      'Setting DISCORD_SHARD_IDS is invalid: shard 2 is out of range: with DISCORD_SHARD_COUNT=2 the shards are 0 to 1 (got "0,2").',
    );
    expect(refusal({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '3-1' })).toThrow('Setting DISCORD_SHARD_IDS is invalid: the range 3-1 runs backwards (got "3-1").');
    expect(refusal({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '0-2,2' })).toThrow('Setting DISCORD_SHARD_IDS is invalid: shard 2 is given twice (got "0-2,2").');
    const notIds = /^Setting DISCORD_SHARD_IDS is invalid: must be shard ids or ranges such as 0-3, separated by commas or spaces \(got ".*"\)\.$/u;
    expect(refusal({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: ' , ' })).toThrow(notIds);
    expect(refusal({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: 'first' })).toThrow(notIds);
    expect(refusal({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '-1' })).toThrow(notIds);
    const notCount = /^Setting DISCORD_SHARD_COUNT is invalid: must be a whole number from 1 to 100000 \(got "(0|two|1\.5)"\)\.$/u;
    for (const count of ['0', 'two', '1.5']) expect(refusal({ DISCORD_SHARD_COUNT: count })).toThrow(notCount);
    const http = { DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_SHARD_COUNT: '2' };
    expect(refusal(http)).toThrow(
      'Setting DISCORD_SHARD_COUNT applies to DISCORD_MODE=gateway only: in HTTP mode there is no gateway connection to shard, and any process answers any interaction.',
    );
  });

  it('echoes at most 100 characters of a bad shard setting', () => {
    const tooLong = (env: Record<string, string>) => () => parseSettings({ DISCORD_TOKEN: 'token', ...env });
    expect(tooLong({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: `0,${'7'.repeat(300)}` })).toThrow(/ \(got "0,7{98}…"\)\.$/u);
    expect(tooLong({ DISCORD_SHARD_COUNT: 'x'.repeat(300) })).toThrow(/ \(got "x{100}…"\)\.$/u);
  });

  it('stops start-up with the setting named (exit code 2) when the shards are wrong', async () => {
    const run = await runBot([], { env: { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DISCORD_SHARD_COUNT: '2', DISCORD_SHARD_IDS: '1,5' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Setting DISCORD_SHARD_IDS is invalid: shard 5 is out of range');
  });
});
