import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { BotProcess } from '../helpers/botProcess';
import { temporaryDir } from '../helpers/fixtures';
import { digestRunRecord, DigestBots } from '../helpers/slack/digestRun';
import { FakeSlack } from '../helpers/slack/fakeSlack';

/**
 * Graceful shutdown of a real bot process against the fake Slack: SIGTERM while a digest is
 * being posted lets the post finish and be recorded (nothing lost, nothing doubled after the
 * restart); a second signal exits at once.
 */
let fake: FakeSlack;
let bots: DigestBots;
afterEach(async () => {
  await bots.stopAll();
  await fake.close();
});

describe('graceful shutdown', () => {
  it('SIGTERM during a digest post: the post completes and is recorded, and the restarted bot does not post it again', async () => {
    fake = await FakeSlack.start();
    bots = new DigestBots(fake);
    const dataDir = temporaryDir();
    await bots.subscribeAtSeven(dataDir);

    let victim: BotProcess | null = null;
    fake.onApi('chat.postMessage', async (args) => {
      // The signal arrives while Slack is still taking the post.
      if (victim) process.kill(victim.pid, 'SIGTERM');
      await sleep(500);
      return fake.post(args);
    });
    victim = bots.start(dataDir, '2025-03-21T08:00:30Z');
    expect(await victim.exited).toBe(0);
    expect(victim.stderr()).toMatch(/shutting down \(SIGTERM\)[\s\S]*digest: posted to slack channel C0NEWS[\s\S]*stopped/u);
    expect(bots.posted()).toHaveLength(1);
    expect(digestRunRecord(dataDir)).toEqual({ state: 'posted', integrity: 'ok' });

    victim = null;
    const restarted = bots.start(dataDir, '2025-03-21T08:01:00Z');
    await restarted.waitForLog(/serving/u);
    // The start-up check for due digests runs right after "serving"; give it a moment to (not) post.
    await sleep(1000);
    expect(await restarted.stop()).toBe(0);
    expect(bots.posted()).toHaveLength(1);
    expect(restarted.stderr()).not.toMatch(/digest: posted/u);
  });

  it('a second signal exits at once, without waiting for what is in flight', async () => {
    fake = await FakeSlack.start();
    bots = new DigestBots(fake);
    const dataDir = temporaryDir();
    await bots.subscribeAtSeven(dataDir);

    let victim: BotProcess | null = null;
    let release: () => void = () => undefined;
    fake.onApi('chat.postMessage', async (args) => {
      if (victim) {
        process.kill(victim.pid, 'SIGTERM');
        await victim.waitForLog(/shutting down/u);
        process.kill(victim.pid, 'SIGTERM');
      }
      // Slack never answers while the bot is there to hear it.
      await new Promise<void>((resolve) => (release = resolve));
      return fake.post(args);
    });
    victim = bots.start(dataDir, '2025-03-21T08:00:30Z');
    const code = await victim.exited;
    release();
    expect(code).not.toBe(0);
    expect(victim.stderr()).toMatch(/SIGTERM again: exiting now/u);
    // The run was claimed before posting: it stays pending, so the next start posts it.
    expect(digestRunRecord(dataDir).state).toBe('pending');
  });
});
