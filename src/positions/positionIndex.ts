import type { Article, Sentence } from '../corpus/article';
import type { Analyzer } from '../engine/analysis';
import { SlicedCache } from '../util/slicedCache';
import type { Party, Topic, Vocabulary } from '../vocabulary/vocabulary';
import { Attributor } from './attribute';
import { TopicClassifier } from './topics';

/** One party's position, stated in one verbatim sentence. */
export interface Statement {
  party: Party;
  /** The leader or body the sentence credits ("Putin", "the Kremlin"). */
  speaker: string;
  topics: Topic[];
  article: Article;
  /** Its sentence alone: a statement kept for /position must not keep its article's whole text in memory. */
  sentence: Sentence;
}

/**
 * Every party position in the corpus, computed per article on first use and kept until the
 * article changes (a reloaded article is a new object), so live corpus updates are seen.
 * Attributing a whole large corpus takes seconds: that goes through `prepare` or
 * `statementsAsync`, which compute in short slices and share the work with each other.
 */
export class PositionIndex {
  readonly #attributor: Attributor;
  readonly #topics: TopicClassifier;
  readonly #byArticle = new SlicedCache<Article, Statement[]>((article) => this.#compute(article));

  constructor(vocabulary: Vocabulary, analyzer: Analyzer) {
    this.#attributor = new Attributor(vocabulary.parties);
    this.#topics = new TopicClassifier(vocabulary.topics, analyzer);
  }

  /** All statements of these articles, in the articles' order, computing the missing ones at once: for a few articles. */
  statements(articles: Iterable<Article>): Statement[] {
    const out: Statement[] = [];
    for (const article of articles) out.push(...this.ofArticle(article));
    return out;
  }

  /** All statements of these articles, in their order; the missing ones computed without holding the event loop. */
  async statementsAsync(articles: readonly Article[]): Promise<Statement[]> {
    await this.prepare(articles);
    return this.statements(articles);
  }

  /** Resolves once these articles' statements are computed, a slice at a time. */
  prepare(articles: Iterable<Article>): Promise<void> {
    return this.#byArticle.prepare(articles);
  }

  ofArticle(article: Article): Statement[] {
    return this.#byArticle.get(article);
  }

  #compute(article: Article): Statement[] {
    const statements: Statement[] = [];
    let previous: { sentence: Sentence; topics: Topic[]; parties: Party[] } | null = null;
    const order = new Map<Sentence, number>();
    article.passages.flatMap((p) => p.sentences).forEach((s, i) => order.set(s, i));

    for (const { sentence, attributions } of this.#attributor.attribute(article)) {
      let topics = this.#topics.classify(sentence.text);
      const parties = attributions.map((a) => a.party);
      const follows = previous !== null && order.get(previous.sentence)! + 1 === order.get(sentence);
      const continuation = attributions.some((a) => a.cue === 'quote') || CONTINUATION_START.test(sentence.text);
      // "He said “we definitely support” the idea" is about what the sentence before it was about —
      // when that sentence was about one or two things, not a list of them.
      if (topics.length === 0 && follows && continuation && previous!.topics.length <= 2 && parties.some((p) => previous!.parties.includes(p))) {
        topics = previous!.topics;
      }
      // One statement per party and sentence: "…,” Gerasimov told Putin, according to the Kremlin website" is one.
      for (const attribution of attributions.filter((a, i) => attributions.findIndex((o) => o.party === a.party) === i)) {
        statements.push({ party: attribution.party, speaker: attribution.speaker, topics, article, sentence });
      }
      previous = { sentence, topics, parties };
    }
    return statements;
  }
}

/** A sentence opening with a pronoun or a quotation continues the one before it. */
const CONTINUATION_START = /^(?:[“"]|(?:he|she|his|her)\b)/iu;
