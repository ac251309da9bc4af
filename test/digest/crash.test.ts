import { afterEach, describe, expect, it } from 'vitest';
import type { BotProcess } from '../helpers/botProcess';
import { temporaryDir } from '../helpers/fixtures';
import { digestRunRecord, DigestBots } from '../helpers/slack/digestRun';
import { FakeSlack } from '../helpers/slack/fakeSlack';

/**
 * Exactly once, with real processes: the bot runs as `npm start` would, against the fake
 * Slack, and is killed with SIGKILL at the worst moments; a restarted bot must neither lose
 * the day's digest nor post it twice, and the database must survive the kill.
 */
let fake: FakeSlack;
let bots: DigestBots;
afterEach(async () => {
  await bots.stopAll();
  await fake.close();
});

describe('a digest run survives SIGKILL', () => {
  it.each([
    {
      moment: 'the moment Slack takes the post: the restarted bot finds it and does not post again',
      method: 'chat.postMessage',
      // Slack has the message; the bot never hears back.
      answer: (args: Record<string, unknown>) => fake.post(args),
      postedBeforeRestart: 1,
    },
    {
      moment: 'before the post reaches Slack: the restarted bot posts it, once',
      method: 'conversations.history',
      // The run is recorded; nothing is posted yet.
      answer: (args: Record<string, unknown>) => ({ ok: true, messages: [], has_more: false, channel: args.channel }),
      postedBeforeRestart: 0,
    },
  ])('killed $moment', async ({ method, answer, postedBeforeRestart }) => {
    fake = await FakeSlack.start();
    bots = new DigestBots(fake);
    const dataDir = temporaryDir();
    await bots.subscribeAtSeven(dataDir);

    let victim: BotProcess | null = null;
    fake.onApi(method, (args) => {
      const response = answer(args);
      if (victim) process.kill(victim.pid, 'SIGKILL');
      return response;
    });
    victim = bots.start(dataDir, '2025-03-21T08:00:30Z', { PARLEY_LOG_LEVEL: 'info' });
    await victim.exited;
    expect(bots.posted()).toHaveLength(postedBeforeRestart);
    expect(digestRunRecord(dataDir)).toEqual({ state: 'pending', integrity: 'ok' });

    victim = null;
    const restarted = bots.start(dataDir, '2025-03-21T08:01:00Z', { PARLEY_LOG_LEVEL: 'info' });
    await restarted.waitForLog(/digest: posted to slack channel C0NEWS/u);
    expect(bots.posted()).toHaveLength(1);
    expect(digestRunRecord(dataDir)).toEqual({ state: 'posted', integrity: 'ok' });
  });
});
