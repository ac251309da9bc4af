import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionSpecs } from '../../src/core/optionSpec';
import { loadCommands } from '../../src/core/registry';
import { replySchema, type Reply } from '../../src/core/reply';
import type { Caller } from '../../src/core/command';
import { CORPUS_DIR, seedParley } from '../helpers/fixtures';

/**
 * Every command, through every example it documents, keeps the reply contract: a valid
 * reply whose [n] markers and citations match one to one, every quote verbatim.
 */
const commands = await loadCommands();
/** A chat user who manages the channel, so that every example (digest subscriptions too) may run. */
const CHANNEL_MANAGER: Caller = { platform: 'slack', userId: 'U0MANAGER', channelId: 'C0CONTRACT', canManageChannel: true };
const parley = await seedParley();
const corpusText = parley.services.library.engine
  .articles()
  .map((a) => readFileSync(join(CORPUS_DIR, a.file), 'utf8'))
  .join('\n');

function expectHonestReply(reply: Reply): void {
  expect(replySchema.parse(reply)).toEqual(reply);
  const shown = [reply.text, ...(reply.sections ?? []).map((s) => s.body)].join('\n');
  const markers = [...shown.matchAll(/\[(\d+)\]/gu)].map((m) => Number(m[1]));
  expect(new Set(markers)).toEqual(new Set(reply.citations.map((c) => c.n)));
  for (const citation of [...reply.citations, ...(reply.related ?? [])]) {
    expect(corpusText).toContain(citation.quote);
    expect(parley.services.library.engine.article(citation.articleId)?.title).toBe(citation.title);
  }
}

describe.each(commands.list().map((c) => [c.name, c] as const))('/%s', (_name, command) => {
  it('has a description and documents every option', () => {
    expect(command.description.length).toBeGreaterThan(10);
    for (const option of Object.values(command.options.shape)) expect((option as { description?: string }).description).toBeTruthy();
    expect(command.examples?.length).toBeGreaterThan(0);
  });

  it.each(optionSpecs(command).map((spec) => [spec.name, spec] as const))('repeats at most about 100 characters of a huge "%s" in an error', async (_option, spec) => {
    const huge = `${'z'.repeat(5_000)} ${'z'.repeat(5_000)}`;
    const value = spec.type === 'boolean' ? huge : spec.list ? [huge] : huge;
    const outcome = await parley.run({ command: command.name, options: { [spec.name]: value }, caller: CHANNEL_MANAGER });
    if (!outcome.ok) expect(outcome.error.message).not.toMatch(/z{101}/u);
  });

  it.each(command.examples ?? [])('"/%s" returns a valid, cited reply', async (example) => {
    const outcome = await parley.runText(`/${example}`, CHANNEL_MANAGER);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply.command).toBe(command.name);
    expectHonestReply(outcome.reply);
  });
});
