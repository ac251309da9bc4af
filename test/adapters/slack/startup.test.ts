import { describe, expect, it } from 'vitest';
import { startPlatformAdapters } from '../../../src/adapters/platforms';
import { parseSettings } from '../../../src/settings';
import { captureLog } from '../../helpers/capturedLog';
import { seedParley } from '../../helpers/fixtures';
import { FakeSlack } from '../../helpers/slack/fakeSlack';
import { postSlashCommand, slashCommand } from '../../helpers/slack/slashCommands';
import { slackHttpEnvironment, startSlackUnderTest, TEST_SLACK } from '../../helpers/slack/slackAdapter';

describe('starting the Slack adapter', () => {
  it('checks the bot token with auth.test when the bot ids are not given', async () => {
    const slack = await startSlackUnderTest({ verifyBotToken: true });
    try {
      const [check] = await slack.fake.waitForApiCalls('auth.test');
      expect(check!.token).toBe(TEST_SLACK.botToken);
    } finally {
      await slack.stop();
    }
  });

  it('stops with Slack’s reason, and no token, when the bot token is refused', async () => {
    const fake = await FakeSlack.start();
    fake.onApi('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      const start = startSlackUnderTest({ fake, verifyBotToken: true });
      await expect(start).rejects.toThrow('Slack did not accept SLACK_BOT_TOKEN: invalid_auth');
      await expect(start).rejects.not.toThrow(TEST_SLACK.botToken);
    } finally {
      await fake.close();
    }
  });

  it('stops with Slack’s reason when the app-level token is refused', async () => {
    const fake = await FakeSlack.start();
    fake.onApi('apps.connections.open', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      await expect(startSlackUnderTest({ fake, mode: 'socket' })).rejects.toThrow(/^Slack Socket Mode could not connect; check SLACK_APP_TOKEN: .*invalid_auth/u);
    } finally {
      await fake.close();
    }
  });

  it('is started by startPlatformAdapters from the settings', async () => {
    const fake = await FakeSlack.start();
    const captured = captureLog('info');
    const adapters = await startPlatformAdapters(await seedParley(), parseSettings(slackHttpEnvironment(fake)), captured.log);
    try {
      expect(adapters.map((a) => a.name)).toEqual(['slack']);
      const port = /on port (\d+)/u.exec(await captured.waitFor(/HTTP mode, serving \/parley-… slash commands on port/u))![1];
      const responseUrl = fake.responseUrl();
      const fields = slashCommand({ command: '/parley-ask', text: 'Who attacks Odesa?', response_url: responseUrl });
      expect((await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, TEST_SLACK.signingSecret, fields)).status).toBe(200);
      expect(await fake.waitForResponses(responseUrl)).toHaveLength(1);
    } finally {
      await Promise.all(adapters.map((a) => a.stop()));
      await fake.close();
    }
  });
});
