import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply';
import { CONSOLE_CALLER, seedParley } from '../../helpers/fixtures';
import { blockKitViolations, blockTexts } from '../../helpers/slack/blockKitLimits';
import { startSlackUnderTest, TEST_SLACK, type SlackUnderTest } from '../../helpers/slack/slackAdapter';

/** Posting a reply into a channel (chat.postMessage), as the daily digest will. */

let slack: SlackUnderTest;
beforeAll(async () => {
  slack = await startSlackUnderTest();
});
afterAll(() => slack.stop());

const METADATA = { event_type: 'parley_digest', event_payload: { date: '2025-03-20' } };

describe('RunningSlackAdapter.postReply', () => {
  it('posts the rendered reply with the bot token, its fallback text and the metadata', async () => {
    const outcome = await (await seedParley()).runText('ask What did Zelensky say about sanctions?', CONSOLE_CALLER);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const posted = await slack.adapter.postReply('C0DIGEST', outcome.reply, { metadata: METADATA });

    const calls = await slack.fake.waitForApiCalls('chat.postMessage');
    expect(calls).toHaveLength(1);
    const { args, token } = calls[0]!;
    expect(token).toBe(TEST_SLACK.botToken);
    expect(args).toMatchObject({ channel: 'C0DIGEST', metadata: METADATA, unfurl_links: 'false' });
    expect(args.text).toContain('What did Zelensky say about sanctions?');
    expect(blockTexts(args).join('\n')).toContain('automatic sanctions should Russia violate terms. [1]');
    expect(posted).toEqual([{ channel: 'C0DIGEST', ts: expect.stringMatching(/^\d+\.\d+$/u) }]);
  });

  it('splits a long reply into several messages, in order, each within the limits and carrying the metadata', async () => {
    const before = slack.fake.apiCalls.length;
    const reply: Reply = {
      command: 'digest',
      title: 'Daily digest <!channel>',
      text: 'What changed today.',
      citations: [],
      sections: Array.from({ length: 120 }, (_, i) => ({ title: `Event ${i}`, body: `Details of event ${i} & more.` })),
    };
    const posted = await slack.adapter.postReply('C0DIGEST', reply, { metadata: METADATA });
    const calls = slack.fake.apiCalls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.postMessage']);
    expect(posted).toHaveLength(3);
    for (const { args } of calls) {
      expect(blockKitViolations(args)).toEqual([]);
      expect(args.metadata).toEqual(METADATA);
    }
    const text = calls.flatMap((c) => blockTexts(c.args)).join('\n');
    expect(text.indexOf('*Event 0*')).toBeLessThan(text.indexOf('*Event 119*'));
    expect(JSON.stringify(calls)).not.toContain('<!channel>');
  });

  it('reports a refused post to the caller', async () => {
    slack.fake.onApi('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    await expect(slack.adapter.postReply('C0PRIVATE', { command: 'x', text: 'Hello', citations: [] })).rejects.toThrow(/not_in_channel/u);
  });
});
