import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Article, Sentence } from '../../src/corpus/article';
import { groupStatements, prepareGroups } from '../../src/positions/entries';
import type { Statement } from '../../src/positions/positionIndex';
import type { Party } from '../../src/vocabulary/vocabulary';

const party = { id: 'russia', name: 'Russia' } as Party;

/** `distinct` statements, each reported by `reports` articles: a large party's list. */
function reportedStatements(distinct: number, reports: number): Statement[] {
  const sentences: Sentence[] = Array.from({ length: distinct }, (_, i) => ({ text: `Russia insists on condition number ${i} of the ceasefire.` }) as Sentence);
  const out: Statement[] = [];
  for (let r = 0; r < reports; r++) {
    const article = { id: `article-${r}`, published: `2025-03-${String(10 + r).padStart(2, '0')}` } as Article;
    for (const sentence of sentences) out.push({ party, speaker: 'Putin', official: null, topics: [], article, sentence, earlier: null, disputedBy: [] });
  }
  return out;
}

describe('grouping a party’s statements into entries', () => {
  it('in slices, letting other work run meanwhile, and to the entries groupStatements gives', async () => {
    const statements = reportedStatements(20_000, 3);
    let otherWorkRan = false;
    const grouped = prepareGroups([statements]);
    void nextTurn().then(() => (otherWorkRan = true));
    await grouped;
    expect(otherWorkRan).toBe(true);
    const entries = groupStatements(statements);
    expect(entries).toHaveLength(20_000);
    expect(entries.every((e) => e.reports.length === 3)).toBe(true);
    // Newest report first within an entry.
    expect(entries[0]!.reports.map((r) => r.article.id)).toEqual(['article-2', 'article-1', 'article-0']);
  });

  it('once, however many callers ask for the same list meanwhile', async () => {
    const statements = reportedStatements(10_000, 2);
    await Promise.all([prepareGroups([statements]), prepareGroups([statements])]);
    expect(groupStatements(statements)).toHaveLength(10_000);
  });

  it('ranks entries by their reports, then by their newest report, then in the order given', () => {
    const article = (id: string, published: string) => ({ id, published }) as Article;
    const said = (text: string, on: Article): Statement => ({ party, speaker: 'Putin', official: null, topics: [], article: on, sentence: { text } as Sentence, earlier: null, disputedBy: [] });
    const [a, b, c] = [article('a', '2025-03-01'), article('b', '2025-03-05'), article('c', '2025-03-03')];
    const statements = [
      said('Russia wants talks in Riyadh.', a),
      said('Russia rejects the truce.', a),
      said('Russia wants talks in Geneva.', a),
      said('Russia rejects the truce.', c),
      said('Russia will hold the line.', b),
      said('Russia wants talks in Istanbul.', a),
    ];
    const ranked = groupStatements(statements).map((e) => e.reports[0]!.sentence.text);
    expect(ranked).toEqual(['Russia rejects the truce.', 'Russia will hold the line.', 'Russia wants talks in Riyadh.', 'Russia wants talks in Geneva.', 'Russia wants talks in Istanbul.']);
  });
});
