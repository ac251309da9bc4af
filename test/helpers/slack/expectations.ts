import { expect } from 'vitest';
import { escapeMrkdwn } from '../../../src/adapters/slack/escape';
import type { Caller } from '../../../src/core/command';
import { writeCommandRefs } from '../../../src/core/commandRef';
import type { Outcome } from '../../../src/core/invoke';
import type { Reply } from '../../../src/core/reply';
import { blockKitViolations, blockTexts } from './blockKitLimits';

type Block = { type: string; elements?: { text: string }[] };

/**
 * Checks that the messages Slack received carry a reply as the adapter promises: within
 * Slack's limits, for the channel unless ephemeral, with a header for the title, every
 * cited quote and article title, the numbered sources first in a context block, and every
 * section title (commands named as in Slack, `/parley-…`).
 */
export function expectReplyDelivered(messages: readonly Record<string, unknown>[], reply: Reply, commandPrefix = 'parley'): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.response_type).toBe(reply.ephemeral ? 'ephemeral' : 'in_channel');
  }
  const text = messages.flatMap(blockTexts).join('\n');
  if (reply.title) expect(messages[0]!.blocks).toContainEqual(expect.objectContaining({ type: 'header' }));
  for (const citation of [...reply.citations, ...(reply.related ?? [])]) {
    expect(text).toContain(escapeMrkdwn(citation.quote));
    expect(text).toContain(escapeMrkdwn(citation.title));
  }
  if (reply.citations.length > 0) {
    const sources = messages.flatMap((m) => m.blocks as Block[]).find((b) => b.type === 'context');
    expect(sources?.elements?.[0]?.text).toMatch(/^\*Sources\*\n\[1[\],]/u);
  }
  for (const section of reply.sections ?? []) expect(text).toContain(escapeMrkdwn(writeCommandRefs(section.title, (name) => `/${commandPrefix}-${name}`)));
}

/** The caller of the test slash commands (see `slashCommand`): an analyst in #ceasefire-watch, not a channel manager. */
export const SLACK_TEST_CALLER: Caller = Object.freeze({ platform: 'slack', userId: 'U0ANALYST', channelId: 'C0NEWS', canManageChannel: false });

/** Checks that Slack received what Parley's own run of the command gave: its reply, or its error, privately. */
export function expectOutcomeDelivered(messages: readonly Record<string, unknown>[], outcome: Outcome, commandPrefix = 'parley'): void {
  if (outcome.ok) {
    expectReplyDelivered(messages, outcome.reply, commandPrefix);
    return;
  }
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ response_type: 'ephemeral' });
  expect(blockTexts(messages[0]!).join('\n')).toContain(escapeMrkdwn(outcome.error.message));
}
