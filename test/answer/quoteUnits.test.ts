import { describe, expect, it } from 'vitest';
import { quoteBalance, quoteRange } from '../../src/answer/quoteUnits';
import type { Passage } from '../../src/corpus/article';

const passage = (...texts: string[]): Passage => ({
  articleId: 'a',
  index: 0,
  heading: null,
  sentences: texts.map((text) => ({ text, listItem: false })),
});

describe('quoteRange', () => {
  it('takes in the sentence before one that points back to it', () => {
    const p = passage('Gerasimov reported that Russia had regained control.', 'These gains matter.', 'Separately, talks began.');
    expect(quoteRange(p, 1)).toEqual({ start: 0, end: 1 });
    expect(quoteRange(p, 2)).toEqual({ start: 2, end: 2 });
    expect(quoteRange(passage('Putin spoke.', 'He said “we definitely support” the idea.'), 1)).toEqual({ start: 0, end: 1 });
    expect(quoteRange(passage('Putin spoke.', 'But there are questions.'), 1)).toEqual({ start: 0, end: 1 });
  });

  it('closes a quotation split over sentences, either way', () => {
    const p = passage('“Around a hundred drones attack each night.', 'Missile strikes are regular,” Zelensky posted.', 'Talks went on.');
    expect(quoteRange(p, 0)).toEqual({ start: 0, end: 1 });
    expect(quoteRange(p, 1)).toEqual({ start: 0, end: 1 });
    expect(quoteRange(p, 2)).toEqual({ start: 2, end: 2 });
  });

  it('never takes in more than two neighbours, nor list items', () => {
    const p = passage('“One.', 'Two.', 'Three.', 'Four.”');
    expect(quoteRange(p, 0).end - quoteRange(p, 0).start).toBeLessThanOrEqual(2);
    const list: Passage = { ...passage('Putin reaffirmed his demands:'), sentences: [{ text: 'Putin reaffirmed his demands:', listItem: false }, { text: 'No mobilization', listItem: true }] };
    expect(quoteRange(list, 1)).toEqual({ start: 1, end: 1 });
  });
});

describe('quoteBalance', () => {
  it('counts curly and straight quotation marks', () => {
    expect(quoteBalance('He said “yes” and left.')).toBe(0);
    expect(quoteBalance('“Around a hundred drones attack.')).toBe(1);
    expect(quoteBalance('regular,” he posted.')).toBe(-1);
    expect(quoteBalance('calling it "modest."')).toBe(0);
    expect(quoteBalance('the "bit of a ceasefire')).toBe(1);
  });
});
