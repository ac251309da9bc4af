import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
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

  search(query: Query, options: SearchOptions): SearchResult[] {
    return this.#shards.length === 1 ? this.#shards[0]!.search(query, options) : this.#shards.flatMap((shard) => shard.search(query, options));
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
