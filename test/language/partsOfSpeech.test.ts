import { describe, expect, it } from 'vitest';
import { englishTagger } from '../../src/language/partsOfSpeech';

describe('EnglishTagger', () => {
  const tagger = englishTagger();

  it('tags parts of speech and spells contractions out', () => {
    const { tokens } = tagger.read("hey, Putin wasn't late");
    expect(tokens.map((t) => t.pos)).toEqual(['INTJ', 'PUNCT', 'PROPN', 'AUX', 'PART', 'ADJ']);
    expect(tokens.map((t) => t.normal)).toContain('not');
  });

  it('finds durations, dates and numbers with the tokens they span', () => {
    const { tokens, entities } = tagger.read('They talked for 2.5 hours on March 18 about 86% of it.');
    const spans = entities.map((e) => [e.type, tokens.slice(e.start, e.end + 1).map((t) => t.text).join(' ')]);
    expect(spans).toEqual([['DURATION', '2.5 hours'], ['DATE', 'March 18'], ['PERCENT', 'about 86 %']]);
  });
});
