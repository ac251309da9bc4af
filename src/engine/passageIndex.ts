import { GrowableUint32Array } from '../util/growableArray';

/** The fields a passage is scored on, in their order in every per-field table. */
export const PASSAGE_FIELDS = ['text', 'heading', 'title'] as const;
export type PassageField = (typeof PASSAGE_FIELDS)[number];

/** The analysed terms of one article, per passage (title once: every passage carries it). */
export interface ArticleTerms {
  title: readonly string[];
  passages: readonly { text: readonly string[]; heading: readonly string[] }[];
  /** The words of the article that reduced to each term ("verification", "verified" for "verif"): what typos are matched against. */
  words?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface ScoringOptions {
  bm25: { k: number; b: number; d: number };
  fieldBoosts: Record<PassageField, number>;
}

/** A query compiled against the index: terms it has never seen are dropped. */
export interface CompiledQuery {
  termIds: number[];
  weights: number[];
  terms: string[];
}

export interface PassageScore {
  score: number;
  /** Indexes into the query's terms of those the passage holds, in any field. */
  matched: number[];
}

/** What a snapshot keeps of the index; numbers are in typed arrays so that restoring copies memory instead of rebuilding objects. */
export interface PassageIndexState {
  terms: string[];
  /** Per term id: the words of the corpus that reduced to it, separated by spaces. */
  words: string[];
  /** Per field, per term id: how many live passages hold the term in that field. */
  documentFrequencies: [Uint32Array, Uint32Array, Uint32Array];
  /** Sorted term vectors, one entry per (passage, field, term): term id << 8 | min(term frequency, 255). */
  postings: Uint32Array;
  /** Per passage: where its text run, then its heading run, start in `postings`, and where they end. */
  textStarts: Uint32Array;
  headingStarts: Uint32Array;
  ends: Uint32Array;
  /** Per passage: its article's slot, or DEAD once removed. */
  articleSlots: Uint32Array;
  /** Per article slot: its title run in `postings`. */
  titleStarts: Uint32Array;
  titleEnds: Uint32Array;
  totals: { livePassages: number; fieldLengths: [number, number, number] };
}

/**
 * A forward index: for every passage, the terms it holds and how often, per field. MiniSearch
 * finds the articles that match a question; this index ranks the passages inside them with
 * the same BM25 over passages (text, heading and the article's title), without keeping an
 * inverted list per passage (that is what made a passage-level MiniSearch index too big).
 * Field lengths are counts of distinct terms, as MiniSearch counts them.
 */
export class PassageIndex {
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];
  readonly #words: string[] = [];
  readonly #df: [GrowableUint32Array, GrowableUint32Array, GrowableUint32Array];
  readonly #postings: GrowableUint32Array;
  readonly #textStarts: GrowableUint32Array;
  readonly #headingStarts: GrowableUint32Array;
  readonly #ends: GrowableUint32Array;
  readonly #articleSlots: GrowableUint32Array;
  readonly #titleStarts: GrowableUint32Array;
  readonly #titleEnds: GrowableUint32Array;
  #livePassages = 0;
  /** While an article is added: its words, for the terms it brings. */
  #newWords: ReadonlyMap<string, ReadonlySet<string>> | null = null;
  readonly #fieldLengths: [number, number, number] = [0, 0, 0];

  /** An empty index, or one over a saved state, whose arrays it takes over. */
  constructor(state?: PassageIndexState) {
    const grow = (saved: Uint32Array | undefined): GrowableUint32Array => (saved ? GrowableUint32Array.adopt(saved) : new GrowableUint32Array());
    this.#df = [grow(state?.documentFrequencies[0]), grow(state?.documentFrequencies[1]), grow(state?.documentFrequencies[2])];
    this.#postings = grow(state?.postings);
    this.#textStarts = grow(state?.textStarts);
    this.#headingStarts = grow(state?.headingStarts);
    this.#ends = grow(state?.ends);
    this.#articleSlots = grow(state?.articleSlots);
    this.#titleStarts = grow(state?.titleStarts);
    this.#titleEnds = grow(state?.titleEnds);
    if (state) {
      state.terms.forEach((term, id) => {
        this.#terms.push(term);
        this.#words.push(state.words[id] ?? term);
        this.#termIds.set(term, id);
      });
      this.#livePassages = state.totals.livePassages;
      this.#fieldLengths.splice(0, 3, ...state.totals.fieldLengths);
    }
  }

  /** Live passages. */
  get passageCount(): number {
    return this.#livePassages;
  }

  /** Passage ids ever given out (removed ones included): the next passage gets this id. */
  get nextPassageId(): number {
    return this.#articleSlots.length;
  }

  /** Terms ever indexed (some may no longer be held by any live passage): term ids run from 0 to this. */
  get termCount(): number {
    return this.#terms.length;
  }

  /** The term with this id, and the words of the corpus that reduced to it. */
  termAt(id: number): { term: string; words: string[] } {
    return { term: this.#terms[id]!, words: this.#words[id]!.split(' ') };
  }

  /** The words of the corpus that reduced to the term; none for a term never indexed. */
  wordsOf(term: string): string[] {
    const id = this.#termIds.get(term);
    return id === undefined ? [] : this.#words[id]!.split(' ');
  }

  /** Indexes an article's passages under fresh ids; returns the first one. */
  addArticle(slot: number, terms: ArticleTerms): number {
    this.#newWords = terms.words ?? null;
    this.#recordWords();
    const title = this.#run(terms.title);
    this.#titleStarts.set(slot, title.start);
    this.#titleEnds.set(slot, title.end);
    this.#count(2, title, terms.passages.length);
    const first = this.nextPassageId;
    for (const passage of terms.passages) {
      const text = this.#run(passage.text);
      const heading = this.#run(passage.heading);
      this.#textStarts.push(text.start);
      this.#headingStarts.push(heading.start);
      this.#ends.push(heading.end);
      this.#articleSlots.push(slot);
      this.#count(0, text, 1);
      this.#count(1, heading, 1);
      this.#livePassages++;
    }
    this.#newWords = null;
    return first;
  }

  /** Forgets an article's passages; their ids are never reused. */
  removeArticle(slot: number, firstPassage: number, passageCount: number): void {
    const title = { start: this.#titleStarts.get(slot), end: this.#titleEnds.get(slot) };
    this.#count(2, title, -passageCount);
    for (let id = firstPassage; id < firstPassage + passageCount; id++) {
      if (this.#articleSlots.get(id) === DEAD) continue;
      this.#count(0, { start: this.#textStarts.get(id), end: this.#headingStarts.get(id) }, -1);
      this.#count(1, { start: this.#headingStarts.get(id), end: this.#ends.get(id) }, -1);
      this.#articleSlots.set(id, DEAD);
      this.#livePassages--;
    }
  }

  /** How many live passages hold the term in the field ('any': the sum over fields). */
  documentFrequency(term: string, field: PassageField | 'any' = 'text'): number {
    const id = this.#termIds.get(term);
    if (id === undefined) return 0;
    if (field === 'any') return this.#df[0].get(id) + this.#df[1].get(id) + this.#df[2].get(id);
    return this.#df[PASSAGE_FIELDS.indexOf(field)]!.get(id);
  }

  /** Whether any live passage holds the term, in any field. */
  holds(term: string): boolean {
    return this.documentFrequency(term, 'any') > 0;
  }

  compile(terms: readonly { term: string; weight: number }[]): CompiledQuery {
    const query: CompiledQuery = { termIds: [], weights: [], terms: [] };
    for (const { term, weight } of terms) {
      const id = this.#termIds.get(term);
      if (id === undefined || query.terms.includes(term)) continue;
      query.termIds.push(id);
      query.weights.push(weight);
      query.terms.push(term);
    }
    return query;
  }

  /** Whether the passage holds, in any field, at least one of the terms (ids from `compile`). */
  holdsAnyOf(passageId: number, termIds: readonly number[]): boolean {
    const slot = this.#articleSlots.get(passageId);
    const [start, end] = [this.#textStarts.get(passageId), this.#ends.get(passageId)];
    const [titleStart, titleEnd] = [this.#titleStarts.get(slot), this.#titleEnds.get(slot)];
    // The text and heading runs are each sorted: search them apart.
    const headingStart = this.#headingStarts.get(passageId);
    return termIds.some(
      (id) =>
        this.#frequencyIn(start, headingStart, id) > 0 || this.#frequencyIn(headingStart, end, id) > 0 || this.#frequencyIn(titleStart, titleEnd, id) > 0,
    );
  }

  /** BM25 of the passage for the query, summed over fields with their boosts (the formula MiniSearch uses). */
  score(passageId: number, query: CompiledQuery, options: ScoringOptions): PassageScore {
    const slot = this.#articleSlots.get(passageId);
    const runs: [number, number][] = [
      [this.#textStarts.get(passageId), this.#headingStarts.get(passageId)],
      [this.#headingStarts.get(passageId), this.#ends.get(passageId)],
      [this.#titleStarts.get(slot), this.#titleEnds.get(slot)],
    ];
    const { k, b, d } = options.bm25;
    const n = this.#livePassages;
    let score = 0;
    const matched: number[] = [];
    for (let field = 0; field < 3; field++) {
      const boost = options.fieldBoosts[PASSAGE_FIELDS[field]!];
      const [start, end] = runs[field]!;
      if (boost === 0 || start === end) continue;
      const length = end - start;
      const averageLength = this.#fieldLengths[field]! / n;
      for (let q = 0; q < query.termIds.length; q++) {
        const termFrequency = this.#frequencyIn(start, end, query.termIds[q]!);
        if (termFrequency === 0) continue;
        const idf = bm25Idf(n, this.#df[field]!.get(query.termIds[q]!));
        score += query.weights[q]! * boost * idf * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * length) / averageLength)));
        if (!matched.includes(q)) matched.push(q);
      }
    }
    return { score, matched };
  }

  /** Gives back the arrays' spare capacity, once a bulk build is over. */
  trim(): void {
    for (const array of [...this.#df, this.#postings, this.#textStarts, this.#headingStarts, this.#ends, this.#articleSlots, this.#titleStarts, this.#titleEnds]) {
      array.trim();
    }
  }

  /** The index's state; its arrays are views of the live ones, valid until the index next changes. */
  toState(): PassageIndexState {
    const view = (array: GrowableUint32Array): Uint32Array => array.view();
    return {
      terms: [...this.#terms],
      words: [...this.#words],
      documentFrequencies: [view(this.#df[0]), view(this.#df[1]), view(this.#df[2])],
      postings: view(this.#postings),
      textStarts: view(this.#textStarts),
      headingStarts: view(this.#headingStarts),
      ends: view(this.#ends),
      articleSlots: view(this.#articleSlots),
      titleStarts: view(this.#titleStarts),
      titleEnds: view(this.#titleEnds),
      totals: { livePassages: this.#livePassages, fieldLengths: [...this.#fieldLengths] },
    };
  }

  /** Adds the article's new words of terms already known to their lists (new terms get theirs when created). */
  #recordWords(): void {
    for (const [term, words] of this.#newWords ?? []) {
      const id = this.#termIds.get(term);
      if (id === undefined) continue;
      const known = this.#words[id]!.split(' ');
      const added = [...words].filter((word) => !known.includes(word));
      if (added.length > 0) this.#words[id] = [...known, ...added].join(' ');
    }
  }

  /** Appends a sorted run of (term id, frequency) entries for a field's terms. */
  #run(terms: readonly string[]): { start: number; end: number } {
    const frequencies = new Map<number, number>();
    for (const term of terms) {
      const id = this.#termId(term);
      frequencies.set(id, (frequencies.get(id) ?? 0) + 1);
    }
    const start = this.#postings.length;
    for (const id of [...frequencies.keys()].sort((a, b) => a - b)) {
      this.#postings.push((id << 8) | Math.min(frequencies.get(id)!, MAX_FREQUENCY));
    }
    return { start, end: this.#postings.length };
  }

  /** Adds `passages` to the field's document frequency of every term in the run, and to the field's total length. */
  #count(field: number, run: { start: number; end: number }, passages: number): void {
    const df = this.#df[field]!;
    for (let i = run.start; i < run.end; i++) {
      const id = this.#postings.get(i) >>> 8;
      df.set(id, df.get(id) + passages);
    }
    this.#fieldLengths[field]! += (run.end - run.start) * passages;
  }

  #termId(term: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      if (id > MAX_TERM_ID) throw new Error(`more than ${MAX_TERM_ID + 1} distinct terms: the passage index cannot hold them`);
      this.#terms.push(term);
      this.#words.push([...(this.#newWords?.get(term) ?? [term])].join(' '));
      this.#termIds.set(term, id);
      this.#df.forEach((df) => df.set(id!, 0));
    }
    return id;
  }

  /** Binary search of a sorted run. */
  #frequencyIn(start: number, end: number, termId: number): number {
    let low = start;
    let high = end - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const entry = this.#postings.get(middle);
      const id = entry >>> 8;
      if (id === termId) return entry & MAX_FREQUENCY;
      if (id < termId) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  }
}

/** BM25's inverse document frequency, as MiniSearch computes it: a term in `df` of `n` documents. */
export const bm25Idf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

const DEAD = 0xffffffff;
const MAX_FREQUENCY = 0xff;
/** Term ids live in the top 24 bits of a posting. */
const MAX_TERM_ID = 0xffffff;
