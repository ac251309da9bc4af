import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/adapters/slack/scopes';
import { startBot, type BotProcess } from '../../helpers/botProcess';
import { temporaryDir } from '../../helpers/fixtures';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres';
import { FakeSlack } from '../../helpers/slack/fakeSlack';
import { acceptInstalls, installWorkspace, type TestWorkspace } from '../../helpers/slack/installFlow';
import { TEST_SLACK, TEST_SLACK_OAUTH } from '../../helpers/slack/slackAdapter';
import { postSlashCommand, slashCommand } from '../../helpers/slack/slashCommands';

/**
 * `npm start` with the install flow's settings, as real processes: the installations are kept
 * in the database, so a restarted bot (SQLite) or another replica (Postgres) serves a workspace
 * installed through the first, with that workspace's token; no secret reaches the log.
 */
const WORKSPACE: TestWorkspace = { teamId: 'T0GAMMA', name: 'Gamma Desk', botToken: 'xoxb-gamma-0000-workspace-token', botUserId: 'U0BOTGAMMA' };
const ADMIN = 'U0GAMMAADMIN';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(() => postgres.stop());

function oauthEnvironment(fake: FakeSlack, env: Record<string, string>): Record<string, string> {
  return {
    SLACK_CLIENT_ID: TEST_SLACK_OAUTH.clientId,
    SLACK_CLIENT_SECRET: TEST_SLACK_OAUTH.clientSecret,
    SLACK_STATE_SECRET: TEST_SLACK_OAUTH.stateSecret,
    SLACK_SIGNING_SECRET: TEST_SLACK.signingSecret,
    SLACK_MODE: 'http',
    SLACK_PORT: '0',
    SLACK_HOST: '127.0.0.1',
    SLACK_API_URL: fake.apiUrl,
    PARLEY_LOG_LEVEL: 'debug',
    ...env,
  };
}

/** The bot's base URL, once it serves Slack. */
async function served(bot: BotProcess): Promise<string> {
  const [, port] = await bot.waitForLog(/serving \/parley-… slash commands on port (\d+) at \/slack\/events and installs at \/slack\/install/u);
  await bot.waitForLog(/serving slack; stop with Ctrl-C/u);
  return `http://127.0.0.1:${port}`;
}

/** Subscribes the workspace's channel through a bot: Parley asks Slack whether the user is an admin, with the workspace's token. */
async function subscribeThrough(fake: FakeSlack, url: string): Promise<void> {
  const responseUrl = fake.responseUrl();
  const fields = slashCommand({ command: '/parley-digest', text: 'subscribe 08:00 UTC', response_url: responseUrl, team_id: WORKSPACE.teamId, channel_id: 'C0GAMMA', user_id: ADMIN });
  expect((await postSlashCommand(`${url}/slack/events`, TEST_SLACK.signingSecret, fields)).status).toBe(200);
  const [reply] = await fake.waitForResponses(responseUrl);
  expect(String(reply!.text)).toContain('every day at 08:00 (UTC)');
  expect(fake.apiCalls.filter((call) => call.method === 'users.info').map((call) => call.token)).toEqual([WORKSPACE.botToken]);
}

describe('npm start with the Slack install flow, as processes', { timeout: 90_000 }, () => {
  it.each([
    ['SQLite, the bot restarted', () => ({ PARLEY_DATA_DIR: temporaryDir('parley-oauth-') }), false],
    ['Postgres, a second replica', async () => ({ PARLEY_DATABASE_URL: await postgres.createDatabase() }), true],
  ] as const)('installs a workspace through one bot; %s serves it with its token', async (_, storageEnv, together) => {
    const fake = await FakeSlack.start();
    acceptInstalls(fake, [WORKSPACE], BOT_SCOPES);
    fake.admins.add(ADMIN);
    const env = oauthEnvironment(fake, await storageEnv());
    const bots: BotProcess[] = [];
    try {
      const first = startBot(env);
      bots.push(first);
      const { redirect } = await installWorkspace(await served(first), WORKSPACE);
      expect(redirect.status).toBe(200);
      await first.waitForLog(/slack: installed in workspace T0GAMMA \(Gamma Desk\)/u);
      if (!together) expect(await first.stop()).toBe(0);

      const second = startBot(env);
      bots.push(second);
      await subscribeThrough(fake, await served(second));

      for (const bot of bots) expect(await bot.stop()).toBe(0);
      const secrets = [TEST_SLACK.signingSecret, TEST_SLACK_OAUTH.clientSecret, TEST_SLACK_OAUTH.stateSecret, WORKSPACE.botToken];
      for (const bot of bots) for (const secret of secrets) expect(bot.stderr()).not.toContain(secret);
    } finally {
      for (const bot of bots) await bot.stop();
      await fake.close();
    }
  });
});
