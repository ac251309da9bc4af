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
});
