import { describe, expect, it } from 'vitest';
import { isHeading, segmentBody, splitSentences } from '../../src/corpus/segment';
import { seedCorpusLibrary } from '../helpers/fixtures';

describe('splitSentences', () => {
  it('splits on sentence boundaries but not after title abbreviations', () => {
    expect(
      splitSentences('Putin received an update from his top commander, Gen. Valery Gerasimov, who reported gains. “These plans have fallen through.”'),
    ).toEqual(['Putin received an update from his top commander, Gen. Valery Gerasimov, who reported gains.', '“These plans have fallen through.”']);
  });

  it('keeps "U.S." inside a sentence', () => {
    expect(splitSentences('The U.S. is attempting to decouple these two actors. It may fail.')).toHaveLength(2);
  });
});

describe('splitSentences never splits inside a mention, link or address', () => {
  it.each([
    ['Putin said the talks with <@!424242> went well.', 'Then more.'],
    ['Call <!channel> now, the role <@&1234> and <#C123> agreed!', 'Then more.'],
    ['See <https://a.example/x?y=1. Z|the report. Full> here.', 'Then more.'],
    ['The text is at https://example.com/a.b?c=d!e and it is long.', 'Then more.'],
    ['See example.org/page?id=7!x for details.', 'Then more.'],
    ['Write to press@kremlin.example!', 'Then more.'],
    ['Visit https://example.com/news.', 'Then more.'],
  ])('"%s %s"', (first, second) => {
    expect(splitSentences(`${first} ${second}`)).toEqual([first, second]);
  });

});

describe('isHeading', () => {
  it.each(['The Transactional Loop', 'Key Outcomes of the Trump-Putin Call.', 'Art of The Horrible Deal: A Reset on Moscow’s Terms?', '## Background'])(
    'reads "%s" as a heading',
    (line) => expect(isHeading(line)).toBe(true),
  );
  it.each(['This claim is entirely false.', 'Ceasefire here benefits Russia more than Ukraine.', 'This creates a tiered negotiation structure:', 'Eeeeenteresting.'])(
    'reads "%s" as prose',
    (line) => expect(isHeading(line)).toBe(false),
  );
});

describe('segmentBody', () => {
  it('drops a first line repeating the title and records section headings', () => {
    const passages = segmentBody('a', 'My Title\nFirst paragraph here.\nThe Next Section\nSecond paragraph.', 'My Title');
    expect(passages.map((p) => [p.index, p.heading, p.sentences[0]!.text])).toEqual([
      [0, null, 'First paragraph here.'],
      [1, 'The Next Section', 'Second paragraph.'],
    ]);
  });

  it('keeps a list with the sentence that introduces it', () => {
    const article = seedCorpusLibrary().engine.article('2025-03-18-trump-putin-call-on-ukraine-ceasefire')!;
    const passage = article.passages.find((p) => p.sentences[0]!.text.includes('reaffirmed maximalist demands:'))!;
    expect(passage.sentences.map((s) => [s.listItem, s.text.slice(0, 24)])).toEqual([
      [false, 'Putin, for his part, mad'],
      [true, 'A full cessation of West'],
      [true, 'No Ukrainian mobilizatio'],
      [true, 'Assertions that the “Kyi'],
    ]);
    expect(passage.heading).toBe('Art of The Horrible Deal: A Reset on Moscow’s Terms?');
  });

  it('strips bullet and number markers from list items', () => {
    const passages = segmentBody('a', 'Three mechanisms operate:\n- First: one thing.\n- Second: another.\nAfter the list.', 'T');
    expect(passages[0]!.sentences.map((s) => s.text)).toEqual(['Three mechanisms operate:', 'First: one thing.', 'Second: another.']);
    expect(passages[1]!.sentences[0]!.text).toBe('After the list.');
  });
});
