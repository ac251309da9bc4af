import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { BeirDocument } from './beir';
import type { Retriever } from './retriever';

/**
 * The engines a user could pick instead of Parley's, each as its documentation shows it:
 * default options, the document's title and text as two fields, plain words as the query.
 */
export function peerRetrievers(): Retriever[] {
  return [new PlainMiniSearch(), new Lunr(), new Orama()];
}

/** MiniSearch 7 exactly as `new MiniSearch({ fields })` gives it: BM25+ (k1 1.2, b 0.7, d 0.5), OR. */
class PlainMiniSearch implements Retriever {
  readonly name = 'minisearch';
  #index = new MiniSearch<BeirDocument>({ fields: ['title', 'text'] });

  index(documents: readonly BeirDocument[]): void {
    this.#index = new MiniSearch<BeirDocument>({ fields: ['title', 'text'] });
    this.#index.addAll(documents);
  }

  search(query: string, limit: number): string[] {
    return this.#index
      .search(query)
      .slice(0, limit)
      .map((result) => result.id as string);
  }
}

/** Lunr 2 with its default pipeline: stopwords, Porter stemmer, BM25 (k1 1.2, b 0.75). */
class Lunr implements Retriever {
  readonly name = 'lunr';
  #index: lunr.Index | null = null;

  index(documents: readonly BeirDocument[]): void {
    this.#index = lunr(function () {
      this.ref('id');
      this.field('title');
      this.field('text');
      for (const document of documents) this.add(document);
    });
  }

  search(query: string, limit: number): string[] {
    if (!this.#index) throw new Error('index() first');
    // idx.search() parses lunr's query language (field:, +, -, ^, ~, *), which rejects or
    // misreads free text such as "ratio 1:2"; each word becomes an optional term instead,
    // which is what that language makes of plain words.
    const words = query.toLowerCase().match(WORDS) ?? [];
    return this.#index
      .query((q) => q.term(words, {}))
      .slice(0, limit)
      .map((result) => result.ref);
  }
}

/** Orama 3 with its default English tokenizer and BM25 (k 1.2, b 0.75, d 0.5); any word may match. */
class Orama implements Retriever {
  readonly name = 'orama';
  #db: AnyOrama | null = null;

  async index(documents: readonly BeirDocument[]): Promise<void> {
    const db = create({ schema: { title: 'string', text: 'string' } as const });
    await insertMultiple(db, documents.map((d) => ({ ...d })));
    this.#db = db;
  }

  async search(query: string, limit: number): Promise<string[]> {
    if (!this.#db) throw new Error('index() first');
    const results = await search(this.#db, { term: query, limit });
    return results.hits.map((hit) => hit.id);
  }
}

const WORDS = /[\p{L}\p{N}]+/gu;
