import { describe, expect, it } from 'vitest';
import { SimilarTerms } from '../../src/engine/similarTerms';

const vocabulary = [
  { term: 'kremlin', words: ['kremlin'] },
  { term: 'verif', words: ['verification', 'verified'] },
  { term: 'ukrain', words: ['ukraine'] },
  { term: 'strateg', words: ['strategic'] },
];
const source = { termCount: vocabulary.length, termAt: (id: number) => vocabulary[id]! };

describe('SimilarTerms', () => {
  it('finds terms within an edit distance of a word or its stem, a swap counting one edit', () => {
    const similar = new SimilarTerms(source);
    expect(similar.near('kremlim', 'kremlim', 1)).toEqual([{ term: 'kremlin', word: 'kremlin', distance: 1 }]);
    expect(similar.near('verificaton', 'verificaton', 1)).toEqual([{ term: 'verif', word: 'verification', distance: 1 }]);
    expect(similar.near('ukriane', 'ukrian', 1)).toEqual([{ term: 'ukrain', word: 'ukraine', distance: 1 }]);
    expect(similar.near('kremlim', 'kremlim', 0)).toEqual([]);
  });

  it('finds the word family that Porter’s stemmer splits', () => {
    expect(new SimilarTerms(source).family('strategi', 5)).toEqual(['strateg']);
    expect(new SimilarTerms(source).family('verifi', 5)).toEqual(['verif']);
  });

  it('learns the words of articles added after it was built', () => {
    const similar = new SimilarTerms(source);
    similar.near('x', 'x', 1);
    similar.add(new Map([['sudzha', new Set(['sudzha'])]]));
    expect(similar.near('sudza', 'sudza', 1).map((s) => s.term)).toEqual(['sudzha']);
  });

  it('is built in slices by prepare, letting other work run meanwhile, and keeps the words of articles added meanwhile', async () => {
    const many = Array.from({ length: 60_000 }, (_, i) => ({ term: `term${String.fromCharCode(97 + (i % 26))}${i.toString(36)}`.replace(/\d/gu, 'q'), words: [] as string[] }));
    const large = { termCount: many.length + vocabulary.length, termAt: (id: number) => (id < vocabulary.length ? vocabulary[id]! : many[id - vocabulary.length]!) };
    const similar = new SimilarTerms(large);
    let otherWorkRan = false;
    const prepared = similar.prepare();
    void new Promise((resolve) => setImmediate(resolve)).then(() => (otherWorkRan = true));
    similar.add(new Map([['sudzha', new Set(['sudzha'])]]));
    await prepared;
    expect(otherWorkRan).toBe(true);
    expect(similar.near('kremlim', 'kremlim', 1).map((s) => s.term)).toEqual(['kremlin']);
    expect(similar.near('sudza', 'sudza', 1).map((s) => s.term)).toEqual(['sudzha']);
  });
});

