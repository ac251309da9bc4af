import type { RunningAdapter } from '../../../src/adapters/contract';
import { renderReply } from '../../../src/adapters/slack/renderBlocks';
import type { Reply } from '../../../src/core/reply';
import { FakeSlack } from '../slack/fakeSlack';
import { slashCommandEnvelope } from '../slack/slashCommands';
import { applicationUnderTest, startAdaptersFromEnvironment, stopAll, type ApplicationUnderTest } from './application';
import type { Delivered, Harness, Redelivery, RunOptions } from './harness';
import { SLACK_TRAITS, slackDelivered, slackEnvironment, slashCommandFor } from './slackReplies';

/** Slack in Socket Mode: the real Bolt app and its Socket Mode client, slash commands as envelopes on the fake's WebSocket. */
export function slackSocketHarness(): Harness {
  let fake: FakeSlack;
  let application: ApplicationUnderTest;
  let adapters: RunningAdapter[] = [];

  const run = async (line: string, options: RunOptions = {}): Promise<Delivered> => {
    const responseUrl = fake.responseUrl();
    await fake.deliver(slashCommandEnvelope(slashCommandFor(line, responseUrl, options.as ?? 'member')));
    return slackDelivered(await fake.waitForResponses(responseUrl, options.messages ?? 1));
  };

  return {
    name: 'Slack Socket Mode',
    traits: SLACK_TRAITS,
    async start() {
      fake = await FakeSlack.start();
      application = await applicationUnderTest();
      adapters = await startAdaptersFromEnvironment(application, slackEnvironment(fake, 'socket'));
    },
    run,
    async redeliver(line): Promise<Redelivery> {
      const before = application.runs();
      const responseUrl = fake.responseUrl();
      const fields = slashCommandFor(line, responseUrl, 'member');
      await fake.deliver(slashCommandEnvelope(fields));
      await fake.waitForResponses(responseUrl);
      await fake.deliver(slashCommandEnvelope(fields, 1));
      await run('sources');
      return { runs: application.runs() - before - 1, messages: fake.responses(responseUrl).length };
    },
    messagesFor: (reply: Reply) => renderReply(reply, SLACK_TRAITS.slash).length,
    logged: () => application.captured.lines.join('\n'),
    stop: () => stopAll(adapters, () => fake.close()),
  };
}
