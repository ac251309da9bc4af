import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/store/database';
import { startBot, type BotProcess } from '../helpers/botProcess';
import { temporaryDir } from '../helpers/fixtures';
import { FakeSlack } from '../helpers/slack/fakeSlack';
import { slackHttpEnvironment, TEST_SLACK } from '../helpers/slack/slackAdapter';
import { postSlashCommand, slashCommand } from '../helpers/slack/slashCommands';

const MANAGER = 'U0MANAGER';
const CHANNEL = 'C0NEWS';
const RUN_KEY = `slack:${CHANNEL}:2025-03-21T08:00:00.000Z`;

/**
 * Exactly once, with real processes: the bot runs as `npm start` would, against the fake
 * Slack, and is killed with SIGKILL at the worst moments; a restarted bot must neither lose
 * the day's digest nor post it twice, and the database must survive the kill.
 */
let fake: FakeSlack;
const bots: BotProcess[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  await fake.close();
});

function bot(dataDir: string, clockStart: string): BotProcess {
  const started = startBot({
    ...slackHttpEnvironment(fake),
    SLACK_DIGEST_MANAGERS: MANAGER,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_CLOCK_START: clockStart,
    PARLEY_LOG_LEVEL: 'info',
  });
  bots.push(started);
  return started;
}

/** Subscribes the channel at 07:00 (bot time) and stops that bot: the 08:00 run is due at the next start. */
async function subscribeAtSeven(dataDir: string): Promise<void> {
  const first = bot(dataDir, '2025-03-21T07:00:00Z');
  const [, port] = await first.waitForLog(/serving \/parley-… slash commands on port (\d+)/u);
  const responseUrl = fake.responseUrl();
  const events = `http://127.0.0.1:${port}/slack/events`;
  await postSlashCommand(events, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-digest', text: 'subscribe 08:00 UTC', response_url: responseUrl, user_id: MANAGER, channel_id: CHANNEL }));
  const [reply] = await fake.waitForResponses(responseUrl);
  expect(String(reply!.text)).toContain('every day at 08:00 (UTC)');
  expect(await first.stop()).toBe(0);
}

const digestsPosted = () => fake.posted.filter((m) => m.metadata?.event_type === 'parley_digest' && m.metadata.event_payload['run'] === RUN_KEY);

function runRecord(dataDir: string): { state: string; integrity: string } {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const { state } = db.prepare('SELECT state FROM digest_runs WHERE scheduled_for = ?').get('2025-03-21T08:00:00.000Z') as { state: string };
    return { state, integrity };
  } finally {
    db.close();
  }
}

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
    const dataDir = temporaryDir();
    await subscribeAtSeven(dataDir);

    let victim: BotProcess | null = null;
    fake.onApi(method, (args) => {
      const response = answer(args);
      if (victim) process.kill(victim.pid, 'SIGKILL');
      return response;
    });
    victim = bot(dataDir, '2025-03-21T08:00:30Z');
    await victim.exited;
    expect(digestsPosted()).toHaveLength(postedBeforeRestart);
    expect(runRecord(dataDir)).toEqual({ state: 'pending', integrity: 'ok' });

    victim = null;
    const restarted = bot(dataDir, '2025-03-21T08:01:00Z');
    await restarted.waitForLog(/digest: posted to slack channel C0NEWS/u);
    expect(digestsPosted()).toHaveLength(1);
    expect(runRecord(dataDir)).toEqual({ state: 'posted', integrity: 'ok' });
  });
});
