import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { Article } from '../../src/corpus/article';
import type { Answerer, BenchAnswer } from './answerer';

/** Every sentence of the articles, as the peers index them: one document each. */
interface SentenceDocument {
  id: number;
  articleId: string;
  text: string;
}

const sentencesOf = (articles: readonly Article[]): SentenceDocument[] =>
  articles.flatMap((article) => article.passages.flatMap((p) => p.sentences.map((s) => ({ articleId: article.id, text: s.text })))).map((s, id) => ({ id, ...s }));

/** The peers: plain BM25 over sentences, as each library's documentation sets it up. Neither abstains. */
export function peerAnswerers(articles: readonly Article[]): Answerer[] {
  const sentences = sentencesOf(articles);
  return [new MiniSearchSentences(sentences), new LunrSentences(sentences)];
}

const top = (sentences: readonly SentenceDocument[], ids: readonly number[]): BenchAnswer => ({
  citations: ids.slice(0, 3).map((id) => ({ articleId: sentences[id]!.articleId, quote: sentences[id]!.text })),
  abstained: ids.length === 0,
  answerability: ids.length === 0 ? 0 : 1,
});

/** MiniSearch 7 with its defaults (BM25+, k1 1.2, b 0.7, d 0.5, any word may match). */
class MiniSearchSentences implements Answerer {
  readonly name = 'minisearch';
  readonly #index = new MiniSearch<SentenceDocument>({ fields: ['text'] });

  constructor(private readonly sentences: readonly SentenceDocument[]) {
    this.#index.addAll(sentences);
  }

  answer(question: string): BenchAnswer {
    return top(this.sentences, this.#index.search(question).map((r) => r.id as number));
  }
}

/** Lunr 2 with its default pipeline (stopwords, Porter stemmer, BM25 k1 1.2, b 0.75). */
class LunrSentences implements Answerer {
  readonly name = 'lunr';
  readonly #index: lunr.Index;

  constructor(private readonly sentences: readonly SentenceDocument[]) {
    this.#index = lunr(function () {
      this.ref('id');
      this.field('text');
      for (const s of sentences) this.add({ id: String(s.id), text: s.text });
    });
  }

  answer(question: string): BenchAnswer {
    // Plain words as optional terms: lunr's query language would misread "30-day" or "U.S.:".
    const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    return top(this.sentences, this.#index.query((q) => q.term(words, {})).map((r) => Number(r.ref)));
  }
}
