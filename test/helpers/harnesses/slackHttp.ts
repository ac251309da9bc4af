import type { RunningAdapter } from '../../../src/adapters/contract';
import { renderReply } from '../../../src/adapters/slack/renderBlocks';
import type { Reply } from '../../../src/core/reply';
import { FakeSlack } from '../slack/fakeSlack';
import { postSlashCommand } from '../slack/slashCommands';
import { TEST_SLACK } from '../slack/slackAdapter';
import { applicationUnderTest, startAdaptersFromEnvironment, stopAll, type ApplicationUnderTest } from './application';
import type { Delivered, Harness, Redelivery, RunOptions } from './harness';
import { SLACK_TRAITS, slackDelivered, slackEnvironment, slashCommandFor } from './slackReplies';

/** Slack in HTTP mode: the real Bolt app, slash commands POSTed form-encoded and signed with the signing secret. */
export function slackHttpHarness(): Harness {
  let fake: FakeSlack;
  let application: ApplicationUnderTest;
  let adapters: RunningAdapter[] = [];
  let eventsUrl: string;

  const post = async (fields: Record<string, string>, retryNum?: number): Promise<void> => {
    const response = await postSlashCommand(eventsUrl, TEST_SLACK.signingSecret, fields, retryNum === undefined ? {} : { retryNum });
    if (response.status !== 200) throw new Error(`the app answered ${response.status}`);
  };
  const run = async (line: string, options: RunOptions = {}): Promise<Delivered> => {
    const responseUrl = fake.responseUrl();
    await post(slashCommandFor(line, responseUrl, options.as ?? 'member'));
    return slackDelivered(await fake.waitForResponses(responseUrl, options.messages ?? 1));
  };

  return {
    name: 'Slack HTTP',
    traits: SLACK_TRAITS,
    async start() {
      fake = await FakeSlack.start();
      application = await applicationUnderTest();
      adapters = await startAdaptersFromEnvironment(application, slackEnvironment(fake, 'http'));
      const port = /on port (\d+)/u.exec(await application.captured.waitFor(/HTTP mode, serving .* on port \d+/u))![1]!;
      eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    },
    run,
    async redeliver(line): Promise<Redelivery> {
      const before = application.runs();
      const responseUrl = fake.responseUrl();
      const fields = slashCommandFor(line, responseUrl, 'member');
      // Slack retries when the acknowledgement is late: the retry may arrive while the first is being answered.
      await Promise.all([post(fields), post(fields, 1)]);
      await fake.waitForResponses(responseUrl);
      await post(fields, 2);
      await run('sources');
      return { runs: application.runs() - before - 1, messages: fake.responses(responseUrl).length };
    },
    messagesFor: (reply: Reply) => renderReply(reply, SLACK_TRAITS.slash).length,
    logged: () => application.captured.lines.join('\n'),
    stop: () => stopAll(adapters, () => fake.close()),
  };
}
