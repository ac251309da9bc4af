import { describe, expect, it } from 'vitest';
import { englishWordFrequencies, WordFrequencies } from '../../src/language/wordFrequency';

describe('WordFrequencies', () => {
  const frequencies = englishWordFrequencies();

  it('tells everyday words from rare ones and from words English never uses', () => {
    expect(frequencies.zipf('send')).toBeGreaterThan(5);
    expect(frequencies.zipf('plants')).toBeGreaterThan(3.5);
    expect(frequencies.zipf('encirclement')).toBeLessThan(2.5);
    expect(frequencies.zipf('meloni')).toBe(0);
    expect(frequencies.zipf('Send')).toBe(frequencies.zipf('send'));
  });

  it('computes Zipf values from the counts it is given', () => {
    const small = new WordFrequencies([
      { word: 'the', count: 999_000 },
      { word: 'Geneva', count: 1_000 },
    ]);
    expect(small.zipf('the')).toBeCloseTo(Math.log10(0.999e9), 6);
    expect(small.zipf('geneva')).toBeCloseTo(6, 6);
    expect(small.isUsuallyCapitalised('geneva')).toBe(true);
    expect(small.isUsuallyCapitalised('the')).toBe(false);
  });
});
