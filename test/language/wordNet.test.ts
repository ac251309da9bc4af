import { describe, expect, it } from 'vitest';
import { englishWordNet } from '../../src/language/wordNet';

describe('WordNet', () => {
  const wordNet = englishWordNet();

  it('gives the synonyms of a word and of a compound, from their base forms', () => {
    expect(wordNet.synonyms('truce', 'noun', 2)).toEqual(expect.arrayContaining(['armistice', 'cease-fire']));
    expect(wordNet.synonyms('power plants', 'noun', 2)).toEqual(expect.arrayContaining(['power station']));
    expect(wordNet.synonyms('no-such-word-here', 'noun', 2)).toEqual([]);
  });

  it('gives words one step more general or more specific', () => {
    expect(wordNet.neighbours('lull', 'noun', 2)).toContain('pause');
    expect(wordNet.neighbours('pullout', 'noun', 2)).toContain('retreat');
  });

  it('knows English words, and tells names from common words', () => {
    expect(wordNet.knows('blogger')).toBe(true);
    expect(wordNet.knows('kremlim')).toBe(false);
    expect(wordNet.isName('Geneva')).toBe(true);
    expect(wordNet.isName('hurry')).toBe(false);
  });

  it('knows a compound written closed that it writes hyphenated or open, but makes no word of a name', () => {
    expect(wordNet.knows('ceasefire')).toBe(true);
    expect(wordNet.knows('Ceasefire')).toBe(true);
    expect(wordNet.knows('witkoff')).toBe(false);
    expect(wordNet.knows('rosselkhozbank')).toBe(false);
  });
});
