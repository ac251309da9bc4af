import type { Analyzer } from '../engine/analysis';
import type { Topic } from '../vocabulary/vocabulary';

/**
 * Puts sentences in topics by the topics' vocabulary (`config/topics.yml`), matched after
 * search analysis so that "cease-fire", "refineries" and "monitored" match "ceasefire",
 * "refinery" and "monitoring". A sentence may belong to several topics, or to none.
 */
export class TopicClassifier {
  readonly #analyzer: Analyzer;
  readonly #topics: readonly Topic[];
  /** Each phrase under its first term, so a sentence is read once, term by term. */
  readonly #byFirstTerm = new Map<string, { topic: Topic; terms: string[] }[]>();

  constructor(topics: readonly Topic[], analyzer: Analyzer) {
    this.#analyzer = analyzer;
    this.#topics = topics;
    for (const topic of topics) {
      for (const phrase of topic.terms) {
        const terms = analyzer.terms(phrase);
        if (terms.length === 0) continue;
        this.#byFirstTerm.set(terms[0]!, [...(this.#byFirstTerm.get(terms[0]!) ?? []), { topic, terms }]);
      }
    }
  }

  /** The topics of a text, in the order of `config/topics.yml`. */
  classify(text: string): Topic[] {
    const terms = this.#analyzer.terms(text);
    const found = new Set<Topic>();
    terms.forEach((term, i) => {
      for (const phrase of this.#byFirstTerm.get(term) ?? []) {
        if (phrase.terms.every((t, j) => terms[i + j] === t)) found.add(phrase.topic);
      }
    });
    return this.#topics.filter((topic) => found.has(topic));
  }
}
