import type { Article } from '../../src/corpus/article';
import { segmentBody } from '../../src/corpus/segment';
import { DEFAULT_ENGINE_OPTIONS, SearchEngine, type EngineOptions } from '../../src/engine/engine';
import { QuestionReader } from '../../src/question/readQuestion';
import type { Vocabulary } from '../../src/vocabulary/vocabulary';
import type { BeirDocument } from './beir';
import type { Retriever } from './retriever';

/**
 * A BEIR document as the bot would hold it as an article: its text cut into passages and
 * sentences by the corpus segmenter, its title as the article title.
 */
export function documentToArticle(document: BeirDocument): Article {
  return {
    id: document.id,
    file: document.id,
    title: document.title,
    source: 'benchmark',
    published: '1970-01-01',
    publishedEstimated: true,
    url: null,
    author: null,
    perspective: null,
    tags: [],
    passages: segmentBody(document.id, document.text, document.title),
  };
}

/** Parley's engine, ranking documents exactly as it ranks articles for the bot. */
export class ParleyRetriever implements Retriever {
  readonly name = 'parley';
  #engine: SearchEngine | null = null;
  #reader: QuestionReader | null = null;

  /** `expand`: search with the question reader's other wordings (typos, thesaurus, WordNet) as /ask does, not the query's words alone. */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly options: EngineOptions = DEFAULT_ENGINE_OPTIONS,
    private readonly expand = false,
  ) {}

  index(documents: readonly BeirDocument[]): void {
    this.#engine = SearchEngine.build(documents.map(documentToArticle), this.vocabulary, this.options);
    this.#reader = this.expand ? new QuestionReader(this.#engine, this.vocabulary) : null;
  }

  search(query: string, limit: number): string[] {
    if (!this.#engine) throw new Error('index() first');
    const terms = this.#reader ? this.#reader.searchTerms(this.#reader.read(query)) : query;
    return this.#engine.searchArticles(terms, limit).map((hit) => hit.article.id);
  }
}
