import { describe, expect, it } from 'vitest';
import { PassageIndex, type ScoringOptions } from '../../src/engine/passageIndex';

const options: ScoringOptions = { bm25: { k: 1.2, b: 0.75, d: 0 }, fieldBoosts: { text: 1, heading: 0.5, title: 0.5 } };

/** BM25 as MiniSearch computes it, for hand-made expectations. */
const bm25 = (tf: number, df: number, n: number, length: number, average: number): number =>
  Math.log(1 + (n - df + 0.5) / (df + 0.5)) * ((tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / average)));

function twoArticles(): PassageIndex {
  const index = new PassageIndex();
  index.addArticle(0, { title: ['truce'], passages: [{ text: ['ceasefir', 'ceasefir', 'sea'], heading: [] }, { text: ['energi'], heading: ['grid'] }] });
  index.addArticle(1, { title: [], passages: [{ text: ['energi', 'strike'], heading: [] }] });
  return index;
}

describe('PassageIndex', () => {
  it('counts passages per term and field, the title once per passage of its article', () => {
    const index = twoArticles();
    expect(index.passageCount).toBe(3);
    expect(index.documentFrequency('energi')).toBe(2);
    expect(index.documentFrequency('ceasefir')).toBe(1);
    expect(index.documentFrequency('truce', 'title')).toBe(2);
    expect(index.documentFrequency('messi')).toBe(0);
  });

  it('scores a passage by BM25 over its fields, lengths being distinct terms', () => {
    const index = twoArticles();
    const query = index.compile([
      { term: 'ceasefir', weight: 1 },
      { term: 'truce', weight: 0.5 },
      { term: 'messi', weight: 1 },
    ]);
    expect(query.terms).toEqual(['ceasefir', 'truce']);
    const { score, matched } = index.score(0, query, options);
    // text: "ceasefir" twice among 2 distinct terms (average 5/3); title: "truce", 1 term (average 2/3), boost 0.5, weight 0.5.
    const expected = bm25(2, 1, 3, 2, 5 / 3) + 0.5 * 0.5 * bm25(1, 2, 3, 1, 2 / 3);
    expect(score).toBeCloseTo(expected, 10);
    expect(matched).toEqual([0, 1]);
  });

  it('forgets a removed article and survives a round trip through its state', () => {
    const index = twoArticles();
    index.removeArticle(0, 0, 2);
    expect(index.passageCount).toBe(1);
    expect(index.documentFrequency('energi')).toBe(1);
    expect(index.nextPassageId).toBe(3);
    const restored = new PassageIndex(structuredClone(index.toState()));
    expect(restored.toState()).toEqual(index.toState());
    expect(restored.addArticle(2, { title: [], passages: [{ text: ['energi'], heading: [] }] })).toBe(3);
    expect(restored.documentFrequency('energi')).toBe(2);
  });
});
