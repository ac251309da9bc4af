import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/loader';
import { groupStatements } from '../../src/positions/entries';
import { articleFile, libraryOf, seedCorpusLibrary } from '../helpers/fixtures';

/** The lookups /position and /compare read instead of filtering every statement of the corpus. */
describe('the corpus’s statements by party and topic', () => {
  it('are what filtering every statement gives, in the same order', async () => {
    const library = seedCorpusLibrary();
    const all = library.positions.statements(library.engine.articles());
    const view = await library.positions.corpusStatements(library.engine.articles());
    expect(view.all).toEqual(all);
    for (const party of library.vocabulary.parties) {
      expect(view.of(party)).toEqual(all.filter((s) => s.party === party));
      for (const topic of library.vocabulary.topics) {
        expect(view.of(party, topic)).toEqual(all.filter((s) => s.party === party && s.topics.includes(topic)));
        expect(view.of(undefined, topic)).toEqual(all.filter((s) => s.topics.includes(topic)));
      }
    }
  });

  it('are the same object until an article is added, changed or removed', async () => {
    const library = libraryOf();
    const view = await library.positions.corpusStatements(library.engine.articles());
    expect(await library.positions.corpusStatements(library.engine.articles())).toBe(view);
    const parsed = parseArticle(
      'zebras.md',
      articleFile({ title: 'Zebras', source: 'Test Wire', published: '2025-04-01' }, 'Putin said Russia would never accept zebras at the Dnipro.'),
    );
    if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
    library.engine.add(parsed.article);
    const after = await library.positions.corpusStatements(library.engine.articles());
    expect(after).not.toBe(view);
    expect(after.all.map((s) => s.sentence.text)).toContain('Putin said Russia would never accept zebras at the Dnipro.');
    library.engine.remove('zebras');
    const removed = await library.positions.corpusStatements(library.engine.articles());
    expect(removed.all.map((s) => s.sentence.text)).not.toContain('Putin said Russia would never accept zebras at the Dnipro.');
  });
});

describe('groupStatements', () => {
  it('gives the same entries for a list filtered anew from the same statements, unharmed by what callers do with theirs', async () => {
    const library = seedCorpusLibrary();
    const russia = library.vocabulary.parties.find((p) => p.id === 'russia')!;
    const view = await library.positions.corpusStatements(library.engine.articles());
    const putin = () => view.of(russia).filter((s) => s.speaker === 'Putin');
    const first = groupStatements(putin());
    const expected = first.map((e) => e.reports.map((r) => r.sentence.text));
    first.splice(0, first.length);
    const own = putin();
    expect(groupStatements(own).map((e) => e.reports.map((r) => r.sentence.text))).toEqual(expected);
    // A caller's list changed after grouping is a different list, grouped afresh.
    own.splice(0, 1);
    expect(groupStatements(own).map((e) => e.reports.map((r) => r.sentence.text))).not.toEqual(expected);
    expect(groupStatements(putin()).map((e) => e.reports.map((r) => r.sentence.text))).toEqual(expected);
  });
});
