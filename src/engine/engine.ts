import MiniSearch, { type AsPlainObject, type Options as MiniSearchOptions, type Query } from 'minisearch';
import type { Article, Passage } from '../corpus/article';
import { passageText } from '../corpus/article';
import type { Vocabulary } from '../vocabulary/vocabulary';
import { ActorAliases } from './aliases';
import { Analyzer } from './analysis';
import { analyzeQuestion, type QueryTerm } from './query';

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

/** What a snapshot holds: the articles with their passages, and MiniSearch's own serialisation. */
export interface EngineSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  options: EngineOptions;
  articles: SnapshotArticle[];
  index: AsPlainObject;
}

type SnapshotArticle = Omit<Article, 'passages'> & {
  /** [passage id, heading, sentences, how many trailing sentences are list items] */
  passages: [number, string | null, string[], number][];
};

interface IndexedPassage {
  id: number;
  text: string;
  heading: string;
  title: string;
}

/**
 * The retrieval engine: one MiniSearch index over the passages of every article, with
 * Parley's analysis, BM25 parameters, actor aliases and article ranking on top.
 */
export class SearchEngine {
  readonly options: EngineOptions;
  readonly analyzer: Analyzer;
  readonly #aliases: ActorAliases;
  readonly #questionWords: ReadonlySet<string>;
  readonly #index: MiniSearch<IndexedPassage>;
  readonly #articles = new Map<string, Article>();
  readonly #passages: (PassageHit | undefined)[] = [];
  readonly #passageIds = new Map<string, number[]>();

  private constructor(vocabulary: Vocabulary, options: EngineOptions, index?: AsPlainObject) {
    this.options = options;
    this.analyzer = new Analyzer(vocabulary.spellings);
    this.#aliases = new ActorAliases(vocabulary.parties, this.analyzer);
    this.#questionWords = new Set(vocabulary.questionWords.flatMap((w) => this.analyzer.words(w)));
    const miniSearchOptions = this.#miniSearchOptions();
    this.#index = index ? MiniSearch.loadJS(index, miniSearchOptions) : new MiniSearch(miniSearchOptions);
  }

  static build(articles: Iterable<Article>, vocabulary: Vocabulary, options: EngineOptions = DEFAULT_ENGINE_OPTIONS): SearchEngine {
    const engine = new SearchEngine(vocabulary, options);
    for (const article of articles) engine.add(article);
    return engine;
  }

  /** Indexes an article; an article with the same id is replaced. */
  add(article: Article): void {
    if (this.#articles.has(article.id)) this.remove(article.id);
    // Fresh ids past the end: ids of removed articles are never reused.
    const start = this.#passages.length;
    const ids = article.passages.map((_, i) => start + i);
    this.#register(article, ids);
    this.#index.addAll(
      article.passages.map((passage, i) => ({
        id: ids[i]!,
        text: passageText(passage),
        heading: passage.heading ?? '',
        title: article.title,
      })),
    );
  }

  remove(articleId: string): boolean {
    const ids = this.#passageIds.get(articleId);
    if (!ids) return false;
    this.#index.discardAll(ids);
    for (const id of ids) this.#passages[id] = undefined;
    this.#passageIds.delete(articleId);
    this.#articles.delete(articleId);
    return true;
  }

  get articleCount(): number {
    return this.#articles.size;
  }

  get passageCount(): number {
    return this.#index.documentCount;
  }

  article(id: string): Article | undefined {
    return this.#articles.get(id);
  }

  /** Articles newest first (then by id, so the order is stable). */
  articles(): Article[] {
    return [...this.#articles.values()].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
  }

  /** The question as weighted search terms. */
  analyze(question: string): QueryTerm[] {
    return analyzeQuestion(question, this.analyzer, this.#aliases, this.#questionWords, this.options.aliasWeight);
  }

  /** Passages ranked by BM25 over text, heading and article title. */
  searchPassages(query: string | readonly QueryTerm[], limit = 10): PassageHit[] {
    const terms = typeof query === 'string' ? this.analyze(query) : query;
    if (terms.length === 0) return [];
    const weights = new Map(terms.map((t) => [t.term, t.weight]));
    return this.#rank(
      this.#index.search(terms.map((t) => t.term).join(' '), { tokenize: splitOnSpace, processTerm: identity, boostTerm: (term) => weights.get(term) ?? 1 }),
      limit,
    );
  }

  /**
   * Passages that hold every group of terms (each group: a word and its aliases), ranked by
   * BM25 over those terms. Answers need their question's rarest words; asking for those alone
   * spares scoring every passage that holds a common one.
   */
  searchPassagesWithAll(groups: readonly (readonly QueryTerm[])[], limit = 10): PassageHit[] {
    if (groups.length === 0 || groups.some((g) => g.length === 0)) return [];
    const weights = new Map(groups.flat().map((t) => [t.term, t.weight]));
    const query: Query = {
      combineWith: 'AND',
      queries: groups.map((group): Query => ({ combineWith: 'OR', queries: [group.map((t) => t.term).join(' ')] })),
    };
    return this.#rank(
      this.#index.search(query, { tokenize: splitOnSpace, processTerm: identity, boostTerm: (term) => weights.get(term) ?? 1 }),
      limit,
    );
  }

  /** The best `limit` results, as passage hits; without coordination, MiniSearch's multiplication undone first. */
  #rank(results: ReturnType<MiniSearch<IndexedPassage>['search']>, limit: number): PassageHit[] {
    const scored = this.options.coordination
      ? results.slice(0, limit).map((r) => ({ result: r, score: r.score }))
      : results
          .map((r) => ({ result: r, score: r.score / Math.max(1, r.queryTerms.length) }))
          .sort((a, b) => b.score - a.score)
          .slice(0, limit);
    const hits: PassageHit[] = [];
    for (const { result, score } of scored) {
      const base = this.#passages[result.id as number];
      if (base) hits.push({ ...base, score, matched: result.queryTerms });
    }
    return hits;
  }

  /** Articles ranked by their passages: the best passage, plus a share of the others. */
  searchArticles(query: string | readonly QueryTerm[], limit = 10, passageLimit = Math.max(100, limit * 20)): ArticleHit[] {
    const byArticle = new Map<string, ArticleHit>();
    for (const hit of this.searchPassages(query, passageLimit)) {
      const entry = byArticle.get(hit.article.id);
      if (entry) {
        entry.passages.push(hit);
        entry.score += this.options.passageSpread * hit.score;
      } else {
        byArticle.set(hit.article.id, { article: hit.article, score: hit.score, passages: [hit] });
      }
    }
    return [...byArticle.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** How many passages contain the term in their text. */
  documentFrequency(term: string): number {
    // MiniSearch keeps per-field postings but has no public accessor for their size.
    const index = (this.#index as unknown as { _index: { get(t: string): Map<number, Map<number, number>> | undefined } })._index;
    const fieldIds = (this.#index as unknown as { _fieldIds: Record<string, number> })._fieldIds;
    return index.get(term)?.get(fieldIds.text!)?.size ?? 0;
  }

  /** BM25's inverse document frequency over passages; a term absent from the corpus gets the highest value. */
  idf(term: string): number {
    const n = this.passageCount;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  toJSON(): EngineSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      options: this.options,
      articles: [...this.#articles.values()].map(({ passages, ...meta }) => ({
        ...meta,
        passages: passages.map((p, i) => [
          this.#passageIds.get(meta.id)![i]!,
          p.heading,
          p.sentences.map((s) => s.text),
          p.sentences.filter((s) => s.listItem).length,
        ]),
      })),
      index: this.#index.toJSON(),
    };
  }

  static loadJSON(snapshot: EngineSnapshot, vocabulary: Vocabulary): SearchEngine {
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`unsupported snapshot format ${String(snapshot.format)}`);
    const engine = new SearchEngine(vocabulary, snapshot.options, snapshot.index);
    for (const { passages, ...meta } of snapshot.articles) {
      const article: Article = {
        ...meta,
        passages: passages.map(([, heading, sentences, listItems], index) => ({
          articleId: meta.id,
          index,
          heading,
          sentences: sentences.map((text, i) => ({ text, listItem: i >= sentences.length - listItems })),
        })),
      };
      engine.#register(
        article,
        passages.map(([id]) => id),
      );
    }
    return engine;
  }

  #register(article: Article, ids: number[]): void {
    this.#articles.set(article.id, article);
    this.#passageIds.set(article.id, ids);
    article.passages.forEach((passage, i) => {
      this.#passages[ids[i]!] = { id: ids[i]!, passage, article, score: 0, matched: [] };
    });
  }

  #miniSearchOptions(): MiniSearchOptions<IndexedPassage> {
    let lastTitle = '';
    let lastTitleTerms: string[] = [];
    return {
      fields: ['text', 'heading', 'title'],
      storeFields: [],
      tokenize: (text, field) => {
        // Every passage of an article repeats its title: analyse it once.
        if (field !== 'title') return this.analyzer.terms(text);
        if (text !== lastTitle) [lastTitle, lastTitleTerms] = [text, this.analyzer.terms(text)];
        return lastTitleTerms;
      },
      processTerm: identity,
      searchOptions: { bm25: this.options.bm25, boost: { ...this.options.fieldBoosts } },
    };
  }
}

const splitOnSpace = (text: string): string[] => text.split(' ');
const identity = (term: string): string => term;

const SNAPSHOT_FORMAT = 'parley-engine/1';

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
 */
export const DEFAULT_ENGINE_OPTIONS: Readonly<EngineOptions> = Object.freeze({
  bm25: Object.freeze({ k: 0.9, b: 0.4, d: 0 }),
  fieldBoosts: Object.freeze({ text: 1, heading: 0.5, title: 0.5 }),
  coordination: false,
  aliasWeight: 0.4,
  passageSpread: 0.1,
});
