import type { Analyzer } from '../engine/analysis';
import type { Topic } from '../vocabulary/vocabulary';

/**
 * Puts sentences in topics by the topics' vocabulary (`config/topics.yml`), matched after
 * search analysis so that "cease-fire", "refineries" and "monitored" match "ceasefire",
 * "refinery" and "monitoring". A sentence may belong to several topics, or to none.
 */
export class TopicClassifier {
  readonly #analyzer: Analyzer;
  readonly #phrases: { topic: Topic; terms: string[] }[];

  constructor(topics: readonly Topic[], analyzer: Analyzer) {
    this.#analyzer = analyzer;
    this.#phrases = topics.flatMap((topic) =>
      topic.terms.map((phrase) => ({ topic, terms: analyzer.terms(phrase) })).filter((p) => p.terms.length > 0),
    );
  }

  /** The topics of a text, in the order of `config/topics.yml`. */
  classify(text: string): Topic[] {
    const terms = this.#analyzer.terms(text);
    const found = new Set<Topic>();
    for (const { topic, terms: phrase } of this.#phrases) {
      if (!found.has(topic) && containsSequence(terms, phrase)) found.add(topic);
    }
    return this.#phrases.map((p) => p.topic).filter((topic, i, all) => found.has(topic) && all.indexOf(topic) === i);
  }
}

function containsSequence(terms: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= terms.length; i++) {
    if (phrase.every((term, j) => terms[i + j] === term)) return true;
  }
  return false;
}
