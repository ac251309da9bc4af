import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/core/registry';
import { articleFile, asTyped, CONSOLE_CALLER, corpusCopy, libraryOf, seedParley, testParley } from '../helpers/fixtures';

describe('/sources', () => {
  it('lists the articles newest first with source and date', async () => {
    const outcome = await (await seedParley()).run({ command: 'sources', options: {}, caller: CONSOLE_CALLER });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply.articles!.map((a) => a.published)).toEqual(['2025-03-20', '2025-03-19', '2025-03-19', '2025-03-18', '2025-03-13']);
    expect(outcome.reply.text).toContain('The corpus holds 5 articles:\n1. Trump’s Ceasefire Push Meets Putin’s Caution — unknown (seed article), 2025-03-20 (date estimated)');
  });

  it('mentions skipped files and pages through a long list', async () => {
    const extra: Record<string, string> = { 'broken.md': 'no front matter' };
    for (let i = 0; i < 20; i++) extra[`a${i}.md`] = articleFile({ title: `Extra ${i}`, source: 'Test', published: '2024-01-01' }, 'Text.');
    const parley = testParley(await loadCommands(), libraryOf(corpusCopy(extra)));
    const page2 = await parley.runText('/sources 2', CONSOLE_CALLER);
    if (!page2.ok) throw new Error(page2.error.message);
    expect(page2.reply.articles).toHaveLength(5);
    expect(page2.reply.text).toContain('(page 2 of 2)');
    expect(page2.reply.text).toContain('1 corpus file was skipped because of errors');
    expect(await parley.runText('/sources zero', CONSOLE_CALLER)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('/help', () => {
  it('lists every command with its usage', async () => {
    const outcome = asTyped(await (await seedParley()).run({ command: 'help', options: {}, caller: CONSOLE_CALLER }));
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply.sections!.map((s) => s.title)).toEqual(expect.arrayContaining(['/ask <question>', '/sources [page]', '/help [command]']));
  });

  it('explains one command, and names an unknown one', async () => {
    const parley = await seedParley();
    expect(asTyped(await parley.runText('/help ask', CONSOLE_CALLER))).toMatchObject({ ok: true, reply: { sections: [{ title: '/ask <question>' }] } });
    expect(await parley.runText('/help nope', CONSOLE_CALLER)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
