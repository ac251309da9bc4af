import { describe, expect, it } from 'vitest';
import { englishWordFrequencies, loadEnglishWordFrequencies, WordFrequencies } from '../../src/language/wordFrequency';

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

  it('is read for the warm-up in slices, letting other work run meanwhile, to the same frequencies and typo lookup', async () => {
    let otherWorkRan = false;
    const loading = loadEnglishWordFrequencies();
    const other = (async () => {
      for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
      otherWorkRan = true;
    })();
    const loaded = await loading;
    await other;
    expect(otherWorkRan).toBe(true);
    expect(loaded).toBe(englishWordFrequencies());
    for (const word of ['send', 'plants', 'encirclement', 'Geneva']) expect(loaded.zipf(word)).toBe(frequencies.zipf(word));
    expect(loaded.commonWordNear('migth', 1)).toBe('might');
  });

  it('counts the same in slices as at once', async () => {
    const entries = Array.from({ length: 30_000 }, (_, i) => ({ word: i % 3 === 0 ? `Word${i}` : `word${i % 7_000}`, count: 1 + (i % 97) }));
    const [atOnce, sliced] = [new WordFrequencies(entries), await WordFrequencies.inSlices(entries)];
    for (const word of ['word3', 'Word3', 'word6999', 'absent']) {
      expect(sliced.zipf(word)).toBe(atOnce.zipf(word));
      expect(sliced.isUsuallyCapitalised(word)).toBe(atOnce.isUsuallyCapitalised(word));
    }
  });
});

