import { describe, expect, it } from 'vitest';
import { startBot } from '../../helpers/botProcess';
import { FakeSlack } from '../../helpers/slack/fakeSlack';
import { postSlashCommand, slashCommand } from '../../helpers/slack/slashCommands';
import { slackHttpEnvironment, TEST_SLACK } from '../../helpers/slack/slackAdapter';

describe('npm start with Slack settings, as a process', () => {
  it('serves slash commands over HTTP, logs no secret even at debug level, and stops on SIGTERM', async () => {
    const fake = await FakeSlack.start();
    const bot = startBot({ ...slackHttpEnvironment(fake), PARLEY_LOG_LEVEL: 'debug' });
    try {
      const [, port] = await bot.waitForLog(/serving \/parley-… slash commands on port (\d+)/u);
      await bot.waitForLog(/serving slack; stop with Ctrl-C/u);
      expect((await fake.waitForApiCalls('auth.test'))[0]!.token).toBe(TEST_SLACK.botToken);

      const responseUrl = fake.responseUrl();
      const fields = slashCommand({ command: '/parley-ask', text: 'What did Putin demand about Kursk?', response_url: responseUrl });
      expect((await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, TEST_SLACK.signingSecret, fields)).status).toBe(200);
      const [answer] = await fake.waitForResponses(responseUrl);
      expect(JSON.stringify(answer)).toContain('Kursk');

      expect(await bot.stop()).toBe(0);
      expect(bot.stderr()).toContain('shutting down');
      for (const secret of Object.values(TEST_SLACK)) expect(bot.stderr()).not.toContain(secret);
    } finally {
      await bot.stop();
      await fake.close();
    }
  });
});
