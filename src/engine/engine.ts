import type { Options as MiniSearchOptions, Query } from 'minisearch';
import type { Article, Passage } from '../corpus/article';
import { passageText } from '../corpus/article';
import type { Vocabulary } from '../vocabulary/vocabulary';
import { ActorAliases } from './aliases';
import { Analyzer } from './analysis';
import { DecodedBodies, encodePassages, lazyArticle, readBody, type BodyFile, type BodyLocation } from './articleBodies';
import { ArticleShards, type IndexedArticle } from './articleShards';
import type { MiniSearchState } from './miniSearchState';
import { bm25Idf, PASSAGE_FIELDS, PassageIndex, type ArticleTerms, type CompiledQuery, type PassageIndexState } from './passageIndex';
import { analyzeQuestion, type QueryTerm } from './query';
import { phraseStarts } from '../text/phrases';
import { newestFirst } from './newestFirst';
import { SimilarTerms, type SimilarTerm } from './similarTerms';

/** Ranking options. Every default is explained where it is defined, at the bottom of this file. */
export interface EngineOptions {
  /** BM25 term-frequency saturation (k1), length normalisation (b) and BM25+ floor (d). */
  bm25: { k: number; b: number; d: number };
  /** Relative weight of a match in each indexed field of a passage. */
  fieldBoosts: { text: number; heading: number; title: number };
  /** Keep MiniSearch's multiplication of a passage's score by the number of query terms it matches. */
  coordination: boolean;
  /** Weight of a term added because the question named an alias of it (Kremlin → Russia). */
  aliasWeight: number;
  /** An article scores as its best passage plus this share of its other matching passages. */
  passageSpread: number;
  /**
   * For answers: how many passages (summed over terms) MiniSearch may walk to find the
   * articles; the commonest terms beyond it rank and filter those articles without finding more.
   */
  retrievalBudget: number;
  /** Articles per MiniSearch index: past it, a new one is started (each scores with its own statistics). */
  shardSize: number;
}

export interface PassageHit {
  id: number;
  passage: Passage;
  article: Article;
  score: number;
  /** The query terms this passage matched. */
  matched: string[];
}

export interface ArticleHit {
  article: Article;
  score: number;
  /** Its matching passages, best first. */
  passages: PassageHit[];
}

/**
 * What a snapshot holds: MiniSearch's index and the passage index in compact form, and the
 * articles' metadata. Bodies are stored apart, in the order of `articles`, each
 * `bodyLength` bytes long, so that they can stay on disk until a question needs them.
 */
export interface EngineSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  options: EngineOptions;
  /** MiniSearch's indexes, oldest first (see `EngineOptions.shardSize`). */
  miniSearch: MiniSearchState[];
  passages: PassageIndexState;
  articles: SnapshotArticle[];
}

export type SnapshotArticle = Omit<Article, 'passages'> & { slot: number; firstPassage: number; passageCount: number; bodyLength: number };

/** An article as the engine holds it: metadata, where its body is, and its place in both indexes. */
interface ArticleEntry {
  article: Article;
  body: BodyLocation;
  /** Its document id in MiniSearch and its key in the passage index; never reused. */
  slot: number;
  firstPassage: number;
  passageCount: number;
}

/**
 * The retrieval engine. MiniSearch indexes the articles and finds those that match a
 * question; a passage index then ranks the passages of the best of them by BM25 over
 * passages, with Parley's analysis, actor aliases and article ranking on top. Article
 * bodies stay encoded (or on disk, after a start from a snapshot) until a hit needs them.
 */
export class SearchEngine {
  readonly options: EngineOptions;
  readonly analyzer: Analyzer;
  readonly #aliases: ActorAliases;
  readonly #questionWords: ReadonlySet<string>;
  readonly #index: ArticleShards;
  readonly #passages: PassageIndex;
  readonly #entries = new Map<string, ArticleEntry>();
  readonly #bySlot: (ArticleEntry | undefined)[] = [];
  readonly #decoded = new DecodedBodies(DECODED_BODIES);
  readonly #similar: SimilarTerms;
  #sorted: Article[] | null = null;
  /** The newest publication day, found once after a removal (undefined: not known yet). */
  #newest: string | null | undefined = undefined;
  /** Where `build` puts bodies, if anywhere; articles added later keep theirs in memory. */
  #bodyFile: BodyFile | null = null;

  private constructor(vocabulary: Vocabulary, options: EngineOptions, saved?: { miniSearch: MiniSearchState[]; passages: PassageIndexState }) {
    this.options = options;
    this.analyzer = new Analyzer(vocabulary.spellings);
    this.#aliases = new ActorAliases(vocabulary.parties, this.analyzer);
    // Single words only: "deal" of "deal with" is a subject elsewhere ("peace deal").
    this.#questionWords = new Set(vocabulary.questionWords.map((w) => this.analyzer.words(w)).filter((words) => words.length === 1).flat());
    this.#index = new ArticleShards(this.#miniSearchOptions(), options.shardSize, saved?.miniSearch);
    this.#passages = new PassageIndex(saved?.passages);
    this.#similar = new SimilarTerms(this.#passages);
  }

  /** An engine over the articles; their bodies go to `bodies` when given, else stay in memory. */
  static build(articles: Iterable<Article>, vocabulary: Vocabulary, options: EngineOptions = DEFAULT_ENGINE_OPTIONS, bodies?: BodyFile): SearchEngine {
    const engine = new SearchEngine(vocabulary, options);
    engine.#bodyFile = bodies ?? null;
    for (const article of articles) engine.add(article);
    engine.#bodyFile = null;
    // As compact as an engine started from its snapshot: no MiniSearch maps, no spare capacity.
    engine.#index.compact();
    engine.#passages.trim();
    return engine;
  }

  /** Indexes an article; an article with the same id is replaced. */
  add(article: Article): void {
    if (this.#entries.has(article.id)) this.remove(article.id);
    const slot = this.#bySlot.length;
    const words = new Map<string, Set<string>>();
    const terms: ArticleTerms = {
      title: this.analyzer.terms(describeArticle(article), words),
      passages: article.passages.map((passage) => ({
        text: this.analyzer.terms(passageText(passage), words),
        heading: this.analyzer.terms(passage.heading ?? '', words),
      })),
      words,
    };
    const firstPassage = this.#passages.addArticle(slot, terms);
    this.#similar.add(words);
    const headings = [...new Set(article.passages.map((p) => p.heading ?? ''))].join(' ');
    const all = [terms.title, this.analyzer.terms(headings), ...terms.passages.map((p) => p.text)];
    this.#index.add({ id: slot, terms: all.map((field) => field.join(' ')).filter((field) => field !== '').join(' ') });
    const { passages: _passages, ...meta } = article;
    const bytes = encodePassages(article.passages);
    const body = this.#bodyFile ? this.#bodyFile.append(bytes) : { bytes };
    this.#register({ meta, body, slot, firstPassage, passageCount: article.passages.length });
  }

  remove(articleId: string): boolean {
    const entry = this.#entries.get(articleId);
    if (!entry) return false;
    this.#index.discard(entry.slot);
    this.#passages.removeArticle(entry.slot, entry.firstPassage, entry.passageCount);
    this.#bySlot[entry.slot] = undefined;
    this.#entries.delete(articleId);
    this.#decoded.forget(entry.body);
    this.#sorted = null;
    this.#newest = undefined;
    return true;
  }

  get articleCount(): number {
    return this.#entries.size;
  }

  get passageCount(): number {
    return this.#passages.passageCount;
  }

  article(id: string): Article | undefined {
    return this.#entries.get(id)?.article;
  }

  /** The publication day of the newest article (ISO), or null for an empty corpus. */
  newestPublished(): string | null {
    if (this.#newest === undefined) {
      let newest: string | null = null;
      for (const { article } of this.#entries.values()) if (newest === null || article.published > newest) newest = article.published;
      this.#newest = newest;
    }
    return this.#newest;
  }

  /** Articles newest first (then by id, so the order is stable). */
  articles(): Article[] {
    this.#sorted ??= newestFirst(Array.from(this.#entries.values(), (entry) => entry.article));
    return [...this.#sorted];
  }

  /** The question as weighted search terms. */
  analyze(question: string): QueryTerm[] {
    return analyzeQuestion(question, this.analyzer, this.#aliases, this.#questionWords, this.options.aliasWeight);
  }

  /**
   * Passages ranked by BM25 over text, heading and article title. MiniSearch finds the
   * articles by the query's rarest terms (see `retrievalBudget`); every term ranks their passages.
   */
  searchPassages(query: string | readonly QueryTerm[], limit = 10): PassageHit[] {
    const terms = typeof query === 'string' ? this.analyze(query) : query;
    const present = terms.filter((t) => this.#passages.holds(t.term));
    if (present.length === 0) return [];
    const drivers = this.#withinBudget(present.map((t) => [t]));
    const retrieval = drivers.flat().map((t) => t.term).join(' ');
    return this.#bestPassages(this.#rankedArticles(retrieval, drivers.flat()), this.#passages.compile(terms), limit, () => true);
  }

  /**
   * Passages that hold every group of terms (each group: a word and its aliases), ranked by
   * BM25 over those terms. Answers need their question's rarest words; asking for those alone
   * spares scoring every passage that holds a common one. MiniSearch finds the articles
   * holding the rarest groups; the commonest ones, beyond `retrievalBudget`, only filter them.
   */
  searchPassagesWithAll(groups: readonly (readonly QueryTerm[])[], limit = 10): PassageHit[] {
    const present = groups.map((group) => group.filter((t) => this.#passages.holds(t.term)));
    if (present.length === 0 || present.some((g) => g.length === 0)) return [];
    const drivers = this.#withinBudget(present);
    const query: Query = {
      combineWith: 'AND',
      queries: drivers.map((group): Query => ({ combineWith: 'OR', queries: [group.map((t) => t.term).join(' ')] })),
    };
    const compiled = this.#passages.compile(present.flat());
    // Rarest group first: most passages fail on it, without looking further.
    const groupIds = [...present]
      .sort((a, b) => this.#postingsOf(a) - this.#postingsOf(b))
      .map((group) => group.map((t) => compiled.termIds[compiled.terms.indexOf(t.term)]!));
    const holdsAll = (passageId: number): boolean => groupIds.every((ids) => this.#passages.holdsAnyOf(passageId, ids));
    return this.#bestPassages(this.#rankedArticles(query, drivers.flat()), compiled, limit, holdsAll);
  }

  /** Articles ranked by their passages: the best passage, plus a share of the others. */
  searchArticles(query: string | readonly QueryTerm[], limit = 10): ArticleHit[] {
    const terms = typeof query === 'string' ? this.analyze(query) : query;
    if (terms.length === 0) return [];
    const compiled = this.#passages.compile(terms);
    const ranked: { entry: ArticleEntry; score: number; passages: ScoredPassage[] }[] = [];
    for (const entry of take(this.#rankedArticles(terms.map((t) => t.term).join(' '), terms), candidateCount(limit))) {
      const passages = this.#scorePassages(entry, compiled, () => true).sort((a, b) => b.score - a.score);
      if (passages.length === 0) continue;
      const rest = passages.slice(1).reduce((sum, p) => sum + p.score, 0);
      ranked.push({ entry, score: passages[0]!.score + this.options.passageSpread * rest, passages });
    }
    return ranked
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ entry, score, passages }) => ({ article: entry.article, score, passages: passages.map((p) => this.#hit(entry, p, compiled)) }));
  }

  /** Whether any passage holds the term, in its text, its heading or its article's title. */
  holds(term: string): boolean {
    return this.#passages.holds(term);
  }

  /** Whether some sentence has these words one after the other ("black sea"): a phrase of the corpus. */
  holdsPhrase(words: readonly string[]): boolean {
    const terms = words.map((word) => this.analyzer.term(word));
    if (terms.some((term) => term === null)) return false;
    const hits = this.searchPassagesWithAll(terms.map((term) => [{ term: term!, words: [], weight: 1, standsFor: [] }]), PHRASE_PASSAGES);
    return hits.some((hit) => hit.passage.sentences.some((sentence) => phraseStarts(this.analyzer.words(sentence.text), words).length > 0));
  }

  /** How many passages contain the term in their text. */
  documentFrequency(term: string): number {
    return this.#passages.documentFrequency(term);
  }

  /** Builds the lookup of typed words `similarTerms` uses in slices, with the event loop free between (for the warm-up). */
  prepareSimilarTerms(): Promise<void> {
    return this.#similar.prepare();
  }

  /**
   * Terms of the corpus within `maxDistance` edits of a typed word or its stem, nearest
   * first: what "kremlim" or "ceasfire" may have been meant as.
   */
  similarTerms(word: string, maxDistance: number): SimilarTerm[] {
    const stem = this.analyzer.term(word) ?? word;
    return this.#similar
      .near(word, stem, maxDistance)
      .filter((similar) => this.#passages.holds(similar.term))
      .map((similar) => {
        // Matched through a stem: show a word the corpus has instead.
        const words = this.#passages.wordsOf(similar.term);
        return words.includes(similar.word) ? similar : { ...similar, word: words[0] ?? similar.word };
      });
  }

  /** Terms of the corpus of the same word family as a word it lacks (see SimilarTerms.family). */
  relatedTerms(word: string): string[] {
    const stem = this.analyzer.term(word) ?? word;
    return this.#similar.family(stem, MIN_FAMILY_PREFIX).filter((term) => term !== stem && this.#passages.holds(term));
  }

  /**
   * BM25's inverse document frequency over passages, counting those holding the term in
   * their text, or (`any`) in the field that holds it most; a term absent from the corpus
   * gets the highest value.
   */
  idf(term: string, field: 'text' | 'any' = 'text'): number {
    const df = field === 'text' ? this.documentFrequency(term) : Math.max(...PASSAGE_FIELDS.map((f) => this.#passages.documentFrequency(term, f)));
    return bm25Idf(this.passageCount, df);
  }

  /** The engine's state for a snapshot, and its article bodies in the order of `snapshot.articles`. */
  toSnapshot(): { snapshot: EngineSnapshot; bodies: () => Iterable<Buffer> } {
    const entries = [...this.#entries.values()];
    const snapshot: EngineSnapshot = {
      format: SNAPSHOT_FORMAT,
      options: this.options,
      miniSearch: this.#index.toState(),
      passages: this.#passages.toState(),
      articles: entries.map(({ article, body, slot, firstPassage, passageCount }) => {
        const { passages: _passages, ...meta } = article;
        return { ...meta, slot, firstPassage, passageCount, bodyLength: 'bytes' in body ? body.bytes.length : body.length };
      }),
    };
    return { snapshot, bodies: () => entries.map((entry) => readBody(entry.body)) };
  }

  /** An engine over a snapshot; `bodyOf(i)` says where the body of `snapshot.articles[i]` is. */
  static fromSnapshot(snapshot: EngineSnapshot, bodyOf: (index: number) => BodyLocation, vocabulary: Vocabulary): SearchEngine {
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`unsupported snapshot format ${String(snapshot.format)}`);
    const engine = new SearchEngine(vocabulary, snapshot.options, snapshot);
    snapshot.articles.forEach(({ slot, firstPassage, passageCount, bodyLength: _bodyLength, ...meta }, i) => {
      engine.#register({ meta, body: bodyOf(i), slot, firstPassage, passageCount });
    });
    return engine;
  }

  #register({ meta, ...entry }: Omit<ArticleEntry, 'article'> & { meta: Omit<Article, 'passages'> }): void {
    const full: ArticleEntry = { ...entry, article: lazyArticle(meta, () => this.#decoded.get(meta.id, full.body)) };
    this.#entries.set(meta.id, full);
    this.#bySlot[entry.slot] = full;
    this.#sorted = null;
    if (this.#newest !== undefined && (this.#newest === null || meta.published > this.#newest)) this.#newest = meta.published;
  }

  /**
   * What MiniSearch retrieves by: the terms that weigh most in ranking (weight × rarity)
   * first, as many as fit in the budget of postings (estimated from passage counts), and
   * always at least one; each group keeps its chosen terms, a group left with none only
   * filters. A passage matching only a common term that was left out weighs little anyway.
   */
  #withinBudget(groups: readonly (readonly QueryTerm[])[]): (readonly QueryTerm[])[] {
    const n = this.passageCount;
    // Rarity from the cost itself (postings in any field), always positive, unlike BM25's IDF of it.
    const worth = ({ term, cost }: { term: QueryTerm; cost: number }): number => term.weight * Math.log(1 + n / cost);
    const ranked = groups
      .flatMap((group, index) => group.map((term) => ({ term, index, cost: this.#postingsOf([term]) })))
      .sort((a, b) => worth(b) - worth(a));
    const chosen: QueryTerm[][] = groups.map(() => []);
    let spent = 0;
    for (const { term, index, cost } of ranked) {
      if (spent > 0 && spent + cost > this.options.retrievalBudget) break;
      chosen[index]!.push(term);
      spent += cost;
    }
    return chosen.filter((group) => group.length > 0);
  }

  /** How many passages hold any of the terms, counted per term and field: what retrieving them costs. */
  #postingsOf(terms: readonly QueryTerm[]): number {
    return terms.reduce((sum, t) => sum + this.#passages.documentFrequency(t.term, 'any'), 0);
  }

  /** The articles MiniSearch finds for the query, best first. */
  *#rankedArticles(query: Query, terms: readonly QueryTerm[]): Generator<ArticleEntry> {
    const weights = new Map(terms.map((t) => [t.term, t.weight]));
    const searchOptions = { tokenize: splitOnSpace, processTerm: identity, boostTerm: (term: string) => weights.get(term) ?? 1 };
    // MiniSearch multiplies each score by the number of terms matched, unless asked not to here.
    const score = this.options.coordination ? undefined : (bm25: number) => bm25;
    for (const result of this.#index.search(query, searchOptions, score)) {
      const entry = this.#bySlot[result.id];
      if (entry) yield entry;
    }
  }

  /**
   * The best `limit` passages, among those that `accept` their matched terms, of the first
   * articles that have any: enough articles that the best passage is almost surely among
   * them, few enough that ranking them is cheap.
   */
  #bestPassages(articles: Iterable<ArticleEntry>, query: CompiledQuery, limit: number, accept: (passageId: number) => boolean): PassageHit[] {
    const scored: { entry: ArticleEntry; passage: ScoredPassage }[] = [];
    let [withPassages, walked] = [0, 0];
    for (const entry of articles) {
      const passages = this.#scorePassages(entry, query, accept);
      for (const passage of passages) scored.push({ entry, passage });
      if (passages.length > 0) withPassages++;
      walked++;
      // Enough articles ranked, or the best ones walked and enough passages found, or too long a search.
      if (withPassages >= candidateCount(limit) || (walked >= candidateCount(limit) && scored.length >= limit) || walked >= MAX_WALKED_ARTICLES) break;
    }
    scored.sort((a, b) => b.passage.score - a.passage.score || a.passage.id - b.passage.id);
    return scored.slice(0, limit).map(({ entry, passage }) => this.#hit(entry, passage, query));
  }

  #scorePassages(entry: ArticleEntry, query: CompiledQuery, accept: (passageId: number) => boolean): ScoredPassage[] {
    const out: ScoredPassage[] = [];
    for (let id = entry.firstPassage; id < entry.firstPassage + entry.passageCount; id++) {
      if (!accept(id)) continue;
      const { score, matched } = this.#passages.score(id, query, this.options);
      if (matched.length === 0) continue;
      out.push({ id, score: this.options.coordination ? score * matched.length : score, matched });
    }
    return out;
  }

  #hit(entry: ArticleEntry, passage: ScoredPassage, query: CompiledQuery): PassageHit {
    return {
      id: passage.id,
      passage: entry.article.passages[passage.id - entry.firstPassage]!,
      article: entry.article,
      score: passage.score,
      matched: passage.matched.map((q) => query.terms[q]!),
    };
  }

  #miniSearchOptions(): MiniSearchOptions<IndexedArticle> {
    return {
      fields: ['terms'],
      storeFields: [],
      // Fields arrive analysed (see add): one term per space-separated token.
      tokenize: splitOnSpace,
      processTerm: identity,
      searchOptions: { bm25: this.options.bm25 },
    };
  }
}

/**
 * What the title field holds: the title, and the article's perspective when the front matter
 * gives one ("pro-Ukrainian analysis and commentary"), which is how people name an article
 * they have not got in front of them ("what does the pro-Ukrainian analysis say…").
 */
const describeArticle = (article: Article): string => (article.perspective ? `${article.title}\n${article.perspective}` : article.title);

interface ScoredPassage {
  id: number;
  score: number;
  matched: number[];
}

/** How many of MiniSearch's best articles have their passages ranked for a request of `limit` passages or articles. */
const candidateCount = (limit: number): number => Math.max(100, 4 * limit);

/** Letters two stems must share to be of one word family: five keeps "verif" with "verifi", not "stat" with "state". */
const MIN_FAMILY_PREFIX = 5;

/** Passages holding both words that are checked for the phrase: a phrase of the corpus is rarely in none of the best few. */
const PHRASE_PASSAGES = 5;

/** When a filter rejects most articles, stop looking after this many. */
const MAX_WALKED_ARTICLES = 500;

function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  for (const item of items) {
    yield item;
    if (--count <= 0) return;
  }
}

/**
 * Decoded article bodies kept at hand: enough that one computation reading an article's
 * passages twice sees the same objects, few enough that a pass over every article (positions
 * at start-up) leaves no long-lived garbage behind.
 */
const DECODED_BODIES = 16;

const splitOnSpace = (text: string): string[] => (text === '' ? [] : text.split(' '));
const identity = (term: string): string => term;

const SNAPSHOT_FORMAT = 'parley-engine/3';

/**
 * Defaults, chosen on purpose and measured (`npm run -s bench:ir`, SciFact train, nDCG@10):
 * - bm25: k1 = 0.9 and b = 0.4, the values Anserini uses for BEIR, here the best of a grid
 *   (k1 0.7–1.5, b 0.3–0.75: 0.700 against 0.692 for Lucene's 1.2/0.75); d = 0, plain BM25
 *   rather than MiniSearch's BM25+ δ = 0.5, whose floor mostly rewards long passages that
 *   mention a word once.
 * - coordination: off. MiniSearch multiplies a passage's score by the number of query terms
 *   it matches; on top of BM25, which already adds up the terms, that over-rewards passages
 *   matching many common words (0.673 with it, 0.694 without). Answers do not depend on it:
 *   answer selection demands that a sentence cover the question's rarest words.
 * - fieldBoosts: the passage text decides; a matching article title adds half as much
 *   (title 0.5 beats 0.3 and 0.7), a section heading likewise.
 * - aliasWeight 0.4: an alias widens the search without drowning the word the user typed.
 * - passageSpread 0.1: an article is as good as its best passage, with a little credit for
 *   covering the question in several places.
 * - retrievalBudget 3,000 postings: at 10,000 generated articles it keeps `ask` p99 under
 *   25 ms (`npm run -s bench`); on the seed corpus it never binds.
 * - shardSize 10,000 articles: building 50,000 then holds one index's maps at a time, not
 *   five (`npm run -s bench`: build peak memory). MiniSearch only picks the candidate
 *   articles; passages are ranked with corpus-wide statistics whatever the shard.
 */
export const DEFAULT_ENGINE_OPTIONS: Readonly<EngineOptions> = Object.freeze({
  bm25: Object.freeze({ k: 0.9, b: 0.4, d: 0 }),
  fieldBoosts: Object.freeze({ text: 1, heading: 0.5, title: 0.5 }),
  coordination: false,
  aliasWeight: 0.4,
  passageSpread: 0.1,
  retrievalBudget: 3_000,
  shardSize: 10_000,
});
