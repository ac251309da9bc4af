import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply';
import { CONSOLE_CALLER, seedParley } from '../../helpers/fixtures';
import { blockKitViolations, blockTexts } from '../../helpers/slack/blockKitLimits';
import { startSlackUnderTest, TEST_SLACK, type SlackUnderTest } from '../../helpers/slack/slackAdapter';

/** Posting a digest into a channel (chat.postMessage), each message marked with its run. */

let slack: SlackUnderTest;
beforeAll(async () => {
  slack = await startSlackUnderTest();
});
afterAll(() => slack.stop());

const RUN = { key: 'slack:C0DIGEST:2025-03-20T08:00:00.000Z', subscriptionId: 1, scheduledFor: new Date('2025-03-20T08:00:00Z') };
const metadata = (part: number) => ({ event_type: 'parley_digest', event_payload: { run: RUN.key, part } });

describe('the Slack digest poster', () => {
  it('posts the rendered reply with the bot token, its fallback text and the metadata', async () => {
    const outcome = await (await seedParley()).runText('ask What did Zelensky say about sanctions?', CONSOLE_CALLER);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const posted = await slack.adapter.digestPoster!.post('C0DIGEST', outcome.reply, RUN);

    const calls = await slack.fake.waitForApiCalls('chat.postMessage');
    expect(calls).toHaveLength(1);
    const { args, token } = calls[0]!;
    expect(token).toBe(TEST_SLACK.botToken);
    expect(args).toMatchObject({ channel: 'C0DIGEST', metadata: metadata(0), unfurl_links: 'false' });
    expect(args.text).toContain('What did Zelensky say about sanctions?');
    expect(blockTexts(args).join('\n')).toContain('automatic sanctions should Russia violate terms. [1]');
    expect(posted).toEqual([expect.stringMatching(/^\d+\.\d+$/u)]);
    expect(await slack.adapter.digestPoster!.post('C0DIGEST', outcome.reply, RUN)).toEqual(posted); // found, not posted again
    expect(await slack.fake.waitForApiCalls('chat.postMessage')).toHaveLength(1);
  });

  it('splits a long digest into several messages, in order, each within the limits and marked with its part', async () => {
    const before = slack.fake.apiCalls.length;
    const reply: Reply = {
      command: 'digest',
      title: 'Daily digest <!channel>',
      text: 'What changed today.',
      citations: [],
      sections: Array.from({ length: 120 }, (_, i) => ({ title: `Event ${i}`, body: `Details of event ${i} & more.` })),
    };
    const posted = await slack.adapter.digestPoster!.post('C0DIGEST', reply, { ...RUN, key: `${RUN.key}:long` });
    const calls = slack.fake.apiCalls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(calls).toHaveLength(3);
    expect(posted).toHaveLength(3);
    calls.forEach(({ args }, part) => {
      expect(blockKitViolations(args)).toEqual([]);
      expect(args.metadata).toEqual({ event_type: 'parley_digest', event_payload: { run: `${RUN.key}:long`, part } });
    });
    const text = calls.flatMap((c) => blockTexts(c.args)).join('\n');
    expect(text.indexOf('*Event 0*')).toBeLessThan(text.indexOf('*Event 119*'));
    expect(JSON.stringify(calls)).not.toContain('<!channel>');
  });

  it('reports a refused post to the caller', async () => {
    slack.fake.onApi('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    await expect(slack.adapter.digestPoster!.post('C0PRIVATE', { command: 'x', text: 'Hello', citations: [] }, RUN)).rejects.toThrow(/not_in_channel/u);
  });
});
