import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { DATABASE_FILE } from '../../../src/store/sqlite/database';
import { startBot, type BotProcess } from '../botProcess';
import type { FakeSlack } from './fakeSlack';
import { slackHttpEnvironment, TEST_SLACK } from './slackAdapter';
import { postSlashCommand, slashCommand } from './slashCommands';

/**
 * One day's digest in a Slack channel, with real bot processes against the fake Slack: for
 * the tests that stop or kill the bot while that digest is being posted.
 */
export const DIGEST_MANAGER = 'U0MANAGER';
export const DIGEST_CHANNEL = 'C0NEWS';
/** The run subscribed for: 08:00 UTC on 21 March 2025. */
export const DIGEST_RUN = Object.freeze({ scheduledFor: '2025-03-21T08:00:00.000Z', key: `slack:${DIGEST_CHANNEL}:2025-03-21T08:00:00.000Z` });

export class DigestBots {
  readonly #bots: BotProcess[] = [];

  constructor(private readonly fake: FakeSlack) {}

  /** A bot on the data folder whose clock starts at `clockStart`, as `npm start` would run it. */
  start(dataDir: string, clockStart: string, env: Record<string, string> = {}): BotProcess {
    const bot = startBot({ ...slackHttpEnvironment(this.fake), SLACK_DIGEST_MANAGERS: DIGEST_MANAGER, PARLEY_DATA_DIR: dataDir, PARLEY_CLOCK_START: clockStart, ...env });
    this.#bots.push(bot);
    return bot;
  }

  /** Subscribes the channel at 07:00 (bot time) and stops that bot: the 08:00 run is due at the next start. */
  async subscribeAtSeven(dataDir: string, env: Record<string, string> = {}): Promise<void> {
    const first = this.start(dataDir, '2025-03-21T07:00:00Z', { PARLEY_LOG_LEVEL: 'info', ...env });
    const [, port] = await first.waitForLog(/serving \/parley-… slash commands on port (\d+)/u);
    const responseUrl = this.fake.responseUrl();
    const command = slashCommand({ command: '/parley-digest', text: 'subscribe 08:00 UTC', response_url: responseUrl, user_id: DIGEST_MANAGER, channel_id: DIGEST_CHANNEL });
    await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, TEST_SLACK.signingSecret, command);
    const [reply] = await this.fake.waitForResponses(responseUrl);
    expect(String(reply!.text)).toContain('every day at 08:00 (UTC)');
    expect(await first.stop()).toBe(0);
  }

  /** The digests of the run that reached the channel. */
  posted() {
    return this.fake.posted.filter((m) => m.metadata?.event_type === 'parley_digest' && m.metadata.event_payload['run'] === DIGEST_RUN.key);
  }

  async stopAll(): Promise<void> {
    for (const bot of this.#bots.splice(0)) await bot.stop();
  }
}

/** The run's state in the database, and SQLite's integrity check of the file. */
export function digestRunRecord(dataDir: string): { state: string; integrity: string } {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const { state } = db.prepare('SELECT state FROM digest_runs WHERE scheduled_for = ?').get(DIGEST_RUN.scheduledFor) as { state: string };
    return { state, integrity };
  } finally {
    db.close();
  }
}
