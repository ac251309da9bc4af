import SearchableMap from 'minisearch/SearchableMap';
import { withinEdits } from '../text/withinEdits';
import { TimeSlice } from '../util/timeSlices';

/** A corpus term near a word of a question: a likely reading of a typo. */
export interface SimilarTerm {
  term: string;
  /** The corpus word it was matched through ("kremlin" for "kremlim"), or the term itself. */
  word: string;
  /** Edits from the typed word, a swap of two neighbouring letters counting one. */
  distance: number;
}

const termsOf = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);
const DIGIT = /\d/u;

/** The longest ending a family member may add ("-ation"), and how many longer members are taken. */
const MAX_FAMILY_SUFFIX = 5;
const MAX_FAMILY = 10;

/** Terms `prepare` puts in between two looks at the clock. */
const TERMS_PER_LOOK = 64;

/** The terms a lookup can match: the passage index's, read by id. */
export interface TermSource {
  readonly termCount: number;
  termAt(id: number): { term: string; words: readonly string[] };
}

/**
 * The corpus vocabulary in MiniSearch's radix tree, for fuzzy lookup of typed words: each
 * term under its stem and under the words of the corpus that reduced to it, since a typo in
 * a suffix stems differently ("verificaton" stays whole, "verification" becomes "verif").
 * Built on first use from the passage index; told of the words of articles added since.
 */
export class SimilarTerms {
  readonly #source: TermSource;
  /** Stem or word → the term it stands for (or terms, rarely: "states" is a word of "state" and a stem). */
  #byKey: SearchableMap<string | string[]> | null = null;
  /** The map as `prepare` builds it, before it is whole: new articles' words go in it too. */
  #building: SearchableMap<string | string[]> | null = null;
  #preparing: Promise<void> | null = null;

  constructor(source: TermSource) {
    this.#source = source;
  }

  /** Terms within `maxDistance` of the word or of its stem, nearest first. */
  near(word: string, stem: string, maxDistance: number): SimilarTerm[] {
    if (maxDistance <= 0) return [];
    const byKey = this.#built();
    const best = new Map<string, SimilarTerm>();
    for (const typed of new Set([word, stem])) {
      for (const { key, value: terms, distance } of withinEdits(byKey, typed, maxDistance)) {
        for (const term of termsOf(terms)) {
          const known = best.get(term);
          if (!known || distance < known.distance) best.set(term, { term, word: key, distance });
        }
      }
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
  }

  /**
   * Terms of the same word family as a stem the corpus lacks: those it begins, or that begin
   * it, sharing at least `minShared` letters ("verifi" of "verified" and "verif" of
   * "verification", which Porter's stemmer cuts apart).
   */
  family(stem: string, minShared: number): string[] {
    const byKey = this.#built();
    const found = new Set<string>();
    for (let length = stem.length - 1; length >= minShared; length--) for (const term of termsOf(byKey.get(stem.slice(0, length)))) found.add(term);
    if (stem.length >= minShared) {
      let taken = 0;
      for (const [key, terms] of byKey.atPrefix(stem)) {
        if (key.length > stem.length + MAX_FAMILY_SUFFIX) continue;
        for (const term of termsOf(terms)) found.add(term);
        if (++taken >= MAX_FAMILY) break;
      }
    }
    return [...found];
  }

  /** Words of a new article; only needed once the map exists or is being built (it reads the index when built). */
  add(wordsOfTerms: ReadonlyMap<string, ReadonlySet<string>>): void {
    const byKey = this.#byKey ?? this.#building;
    if (!byKey) return;
    for (const [term, words] of wordsOfTerms) for (const key of [term, ...words]) this.#put(byKey, key, term);
  }

  /**
   * Builds the map now, a few milliseconds at a time with the event loop free between, rather
   * than at the first typo looked up: at 50,000 articles it takes a quarter of a second and more.
   */
  prepare(): Promise<void> {
    this.#preparing ??= this.#buildInSlices().finally(() => (this.#preparing = null));
    return this.#preparing;
  }

  async #buildInSlices(): Promise<void> {
    if (this.#byKey) return;
    const byKey = (this.#building = new SearchableMap<string | string[]>());
    const slice = new TimeSlice();
    for (let id = 0; id < this.#source.termCount && !this.#byKey; id++) {
      this.#putTerm(byKey, id);
      if (id % TERMS_PER_LOOK === 0 && slice.spent) await slice.next();
    }
    this.#building = null;
    // A lookup meanwhile built the map at once: that one is kept.
    this.#byKey ??= byKey;
  }

  #built(): SearchableMap<string | string[]> {
    if (!this.#byKey) {
      const byKey = new SearchableMap<string | string[]>();
      for (let id = 0; id < this.#source.termCount; id++) this.#putTerm(byKey, id);
      this.#byKey = byKey;
    }
    return this.#byKey;
  }

  #putTerm(byKey: SearchableMap<string | string[]>, id: number): void {
    const { term, words } = this.#source.termAt(id);
    for (const key of [term, ...words]) this.#put(byKey, key, term);
  }

  #put(byKey: SearchableMap<string | string[]>, key: string, term: string): void {
    // Numbers are never read as typos, and a large corpus has very many of them.
    if (DIGIT.test(key)) return;
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, term);
    else if (typeof known === 'string') {
      if (known !== term) byKey.set(key, [known, term]);
    } else if (!known.includes(term)) known.push(term);
  }
}
