import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/core/registry';
import { composeDigest } from '../../src/digest/composeDigest';
import { articleFile, asTyped, CONSOLE_CALLER, corpusCopy, libraryOf, testParley } from '../helpers/fixtures';

/** A day after the seed corpus: Trump's “good talks” line of 2025-03-18 again, and a statement of his no seed reports. */
const WIRE_COPY = articleFile(
  { title: 'Trump keeps up the pressure', source: 'Wire', published: '2025-03-21' },
  [
    'Leading up to it, Trump repeatedly hyped up what he described as “good conversation” and “good talks” with Putin.',
    'Trump insisted on Friday that sanctions on Russian banks would stay in place until a full ceasefire was agreed.',
  ].join('\n\n'),
);

describe('the digest’s new statements', () => {
  it('marks each statement of the new articles new, or unchanged with its first report, as /position with a since does', async () => {
    const library = libraryOf(corpusCopy({ 'wire-copy.md': WIRE_COPY }));
    const wire = library.engine.articles().find((a) => a.id === 'wire-copy')!;
    const digest = (await composeDigest(library, { articles: [wire], localDate: '2025-03-22', since: 'since the previous digest' }))!;

    const lines = digest.sections!.find((s) => s.title === 'United States — new statements')!.body.split('\n');
    expect(lines.find((l) => l.includes('Trump insisted on Friday'))).toMatch(/ — new$/u);
    expect(lines.find((l) => l.includes('Leading up to it'))).toMatch(/ — unchanged, first reported 2025-03-18$/u);

    // One notion: what the digest calls new, /position calls new for the same coverage.
    const outcome = asTyped(await testParley(await loadCommands(), library).runText('/position united-states 2025-03-21', CONSOLE_CALLER));
    if (!outcome.ok) throw new Error(outcome.error.message);
    const byStatement = new Map(outcome.reply.positions!.map((p) => [p.statement, p.change]));
    const shown = digest.positions!.filter((p) => p.party === 'united-states');
    expect(shown.length).toBeGreaterThan(0);
    for (const position of shown) expect(position.change, position.statement).toEqual(byStatement.get(position.statement));
    expect(shown.map((p) => p.change?.status)).toEqual(['new', 'unchanged']);
  });
});
