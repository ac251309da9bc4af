import FlatQueue from 'flatqueue';
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import { documentsEverAdded, restoreMiniSearch, saveMiniSearch, type MiniSearchState } from './miniSearchState';

/**
 * An article as MiniSearch indexes it: all its analysed terms (title, headings, text) in
 * one field, joined by spaces. MiniSearch only finds and orders the candidate articles; the
 * passage index weighs fields when it ranks their passages, so one field is enough here,
 * and one posting per term and article keeps the index small.
 */
export interface IndexedArticle {
  id: number;
  terms: string;
}

/**
 * The articles' MiniSearch index, in shards of `shardSize` articles. New articles go into
 * the last shard; a full one is frozen into compact arrays (see SavedPostings) and a new
 * one started, so that building a large corpus never holds more than one shard's worth of
 * MiniSearch's maps. A search asks every shard; each scores with its own statistics, which
 * is fine for finding candidates (passages are ranked with corpus-wide ones).
 */
export class ArticleShards {
  readonly #options: Options<IndexedArticle>;
  readonly #shardSize: number;
  readonly #shards: MiniSearch<IndexedArticle>[];
  /** The state a compact shard was restored from, with its counts then: snapshots reuse it while they still match. */
  readonly #states = new WeakMap<MiniSearch<IndexedArticle>, { state: MiniSearchState; documentCount: number; dirtCount: number }>();

  constructor(options: Options<IndexedArticle>, shardSize: number, saved?: readonly MiniSearchState[]) {
    this.#options = options;
    this.#shardSize = shardSize;
    this.#shards = saved && saved.length > 0 ? saved.map((state) => this.#restore(state)) : [new MiniSearch(options)];
  }

  add(article: IndexedArticle): void {
    if (this.#open.documentCount >= this.#shardSize) {
      this.compact();
      this.#shards.push(new MiniSearch(this.#options));
    }
    this.#open.add(article);
  }

  discard(id: number): void {
    this.#shards.find((shard) => shard.has(id))?.discard(id);
  }

  /**
   * The articles matching the query in every shard, best first, as they are read: a broad
   * question matches tens of thousands of articles at 50,000 and is answered from the first
   * few hundred. So the results are not made into MiniSearch's result objects and sorted, as
   * `search` does (two fifths of such a question's time), but queued by score and taken one
   * at a time. `score` turns MiniSearch's BM25 score and the number of query terms matched
   * into the score ranked by (MiniSearch's `search` multiplies them); equal scores come in no set order.
   */
  *search(query: Query, options: SearchOptions, score: (bm25: number, termsMatched: number) => number = byTermsMatched): Generator<ShardHit> {
    const raw = this.#shards.map((shard) => [shard, queryInternals(shard).executeQuery(query, options)] as const);
    const queue = new FlatQueue<number>(raw.reduce((sum, [, results]) => sum + results.size, 0));
    for (const [shard, results] of raw) {
      const ids = queryInternals(shard)._documentIds;
      // FlatQueue takes the lowest first.
      for (const [shortId, result] of results) queue.push(ids.get(shortId)!, -score(result.score, result.terms.length));
    }
    while (queue.length > 0) {
      const value = queue.peekValue()!;
      yield { id: queue.pop()!, score: -value };
    }
  }

  /** Freezes the last shard into compact arrays: after a bulk build, and when it is full. */
  compact(): void {
    if (!this.#states.has(this.#open)) this.#shards[this.#shards.length - 1] = this.#restore(saveMiniSearch(this.#open));
  }

  toState(): MiniSearchState[] {
    return this.#shards.map((shard) => {
      const saved = this.#states.get(shard);
      const unchanged = saved && saved.documentCount === shard.documentCount && saved.dirtCount === shard.dirtCount && saved.state.nextId === documentsEverAdded(shard);
      return unchanged ? saved.state : saveMiniSearch(shard);
    });
  }

  get #open(): MiniSearch<IndexedArticle> {
    return this.#shards.at(-1)!;
  }

  #restore(state: MiniSearchState): MiniSearch<IndexedArticle> {
    const shard = restoreMiniSearch(state, this.#options);
    this.#states.set(shard, { state, documentCount: shard.documentCount, dirtCount: shard.dirtCount });
    return shard;
  }
}

/** An article the query matched: its id in the index, and its score. */
export interface ShardHit {
  id: number;
  score: number;
}

/**
 * What `search` uses of MiniSearch beneath its `search`: the query's evaluation into raw
 * scores by short id, and the map from short ids to ids. Private in its types; the version is
 * pinned in package.json, and a test checks that the hits are `search`'s, so an upgrade that
 * changes them fails loudly.
 */
interface QueryInternals {
  executeQuery(query: Query, options: SearchOptions): Map<number, { score: number; terms: string[] }>;
  _documentIds: Map<number, number>;
}

const queryInternals = (shard: MiniSearch<IndexedArticle>): QueryInternals => shard as unknown as QueryInternals;

/** MiniSearch's own ranking: the BM25 score times the number of query terms matched. */
const byTermsMatched = (bm25: number, termsMatched: number): number => bm25 * Math.max(1, termsMatched);
