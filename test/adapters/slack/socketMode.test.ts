import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedParley } from '../../helpers/fixtures';
import { FakeSlack } from '../../helpers/slack/fakeSlack';
import { startSlackUnderTest, TEST_SLACK, type SlackUnderTest } from '../../helpers/slack/slackAdapter';

/**
 * The Slack adapter in Socket Mode, through the real Bolt app and its Socket Mode client:
 * the fake's apps.connections.open hands out a ws:// URL on loopback, and slash commands
 * arrive as envelopes on that WebSocket, as they do from Slack. Serving commands over the
 * socket is in the contract suite (test/adapters/contract.test.ts); here, the connection.
 */

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
});
