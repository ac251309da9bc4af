import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../../src/core/registry';
import { seedParley } from '../../helpers/fixtures';
import { expectOutcomeDelivered, SLACK_TEST_CALLER } from '../../helpers/slack/expectations';
import { slashCommand, slashCommandEnvelope } from '../../helpers/slack/slashCommands';
import { FakeSlack } from '../../helpers/slack/fakeSlack';
import { startSlackUnderTest, TEST_SLACK, type SlackUnderTest } from '../../helpers/slack/slackAdapter';

/**
 * The Slack adapter in Socket Mode, through the real Bolt app and its Socket Mode client:
 * the fake's apps.connections.open hands out a ws:// URL on loopback, and slash commands
 * arrive as envelopes on that WebSocket, as they do from Slack.
 */

const commands = (await loadCommands()).list();
const parley = await seedParley();
let slack: SlackUnderTest;
/** Slack's Socket Mode URLs carry a one-time `ticket` that lets anyone holding it connect as the app. */
const TICKET = '5c1e4a7b-0d2f-4e8a-9b3c-6f7e8d9a0b1c';

beforeAll(async () => {
  const fake = await FakeSlack.start();
  fake.onApi('apps.connections.open', () => ({ ok: true, url: `${fake.socketModeUrl}?ticket=${TICKET}&app_id=A0PARLEY` }));
  slack = await startSlackUnderTest({ mode: 'socket', parley, fake });
});
afterAll(() => slack.stop());

describe('Slack Socket Mode', () => {
  it('opens the connection with the app-level token', () => {
    const opens = slack.fake.apiCalls.filter((c) => c.method === 'apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]!.token).toBe(TEST_SLACK.appToken);
  });

  it('never logs the connection ticket, even at debug level', () => {
    const log = slack.captured.lines.join('\n');
    expect(log).toContain('ticket=[redacted]&app_id=A0PARLEY');
    expect(log).not.toContain(TICKET);
  });

  it.each(commands.flatMap((c) => (c.examples ?? []).map((e) => [e, c.name] as const)))(
    '"/%s" is acknowledged on the socket and answered at the response URL',
    async (example, name) => {
      const expected = await parley.runText(example, SLACK_TEST_CALLER);
      const responseUrl = slack.fake.responseUrl();
      const envelope = slashCommandEnvelope(slashCommand({ command: `/parley-${name}`, text: example.slice(name.length).trim(), response_url: responseUrl }));
      const ack = await slack.fake.deliver(envelope);
      expect(ack).toMatchObject({ envelope_id: envelope.envelope_id });
      expectOutcomeDelivered(await slack.fake.waitForResponses(responseUrl), expected);
    },
  );

  it('answers a redelivered envelope (retry_attempt) once', async () => {
    const responseUrl = slack.fake.responseUrl();
    const fields = slashCommand({ command: '/parley', text: 'ask What did Zelensky say about sanctions?', response_url: responseUrl });
    await slack.fake.deliver(slashCommandEnvelope(fields));
    await slack.fake.waitForResponses(responseUrl);
    const retry = slashCommandEnvelope(fields, 1);
    expect(await slack.fake.deliver(retry)).toMatchObject({ envelope_id: retry.envelope_id });
    await slack.captured.waitFor(/\/parley delivered again \(retry 1\); answered already/u);
    const later = slack.fake.responseUrl();
    await slack.fake.deliver(slashCommandEnvelope(slashCommand({ command: '/parley-sources', text: '', response_url: later })));
    await slack.fake.waitForResponses(later);
    expect(slack.fake.responses(responseUrl)).toHaveLength(1);
  });

  it('keeps <!channel> in the input inert', async () => {
    const responseUrl = slack.fake.responseUrl();
    await slack.fake.deliver(slashCommandEnvelope(slashCommand({ command: '/parley-ask', text: '<!channel> who attacks Odesa?', response_url: responseUrl })));
    const sent = JSON.stringify(await slack.fake.waitForResponses(responseUrl));
    expect(sent).not.toContain('<!channel>');
    expect(sent).toContain('&lt;!channel&gt; who attacks Odesa?');
  });
});
