import type { Article, Sentence } from '../corpus/article';
import type { Analyzer } from '../engine/analysis';
import { PerList } from '../util/sameItems';
import { TimeSlice } from '../util/timeSlices';
import { SlicedCache, type SavedValues } from '../util/slicedCache';
import type { Party, Person, Topic, Vocabulary } from '../vocabulary/vocabulary';
import { Attributor } from './attribute';
import { CorpusStatements } from './corpusStatements';
import { disputesOf } from './disputes';
import { quotableAlone, quotationMarksBalanced, wholeQuotation } from './quotable';
import { earlierDateOf } from './statedWhen';
import { TopicClassifier } from './topics';

/**
 * Bumped whenever attribution (attribute.ts, grammar.ts, actors.ts, topics.ts, quotable.ts,
 * statedWhen.ts, disputes.ts, or this file) changes the statements an article has, or
 * `sameStatementKey` (entries.ts, saved with each statement) its keys: the statements saved
 * in the insights snapshot by another version are then computed anew.
 * Changes to config/parties.yml or topics.yml need no bump: the snapshot's fingerprint covers them.
 */
export const ATTRIBUTION_VERSION = 4;

/** One party's position, stated in one verbatim sentence. */
export interface Statement {
  party: Party;
  /** The leader or body the sentence credits ("Putin", "the Kremlin"). */
  speaker: string;
  /** The person of `config/parties.yml` speaking, when the speaker is one. */
  official: Person | null;
  topics: Topic[];
  article: Article;
  /** Its sentence alone: a statement kept for /position must not keep its article's whole text in memory. */
  sentence: Sentence;
  /**
   * Null for the party's current position. Otherwise why it is an earlier one: the date the
   * article gives it, well before the article itself ("Back in June 2023 …"), and whether its
   * speaker was out of office (a former official, or an article outside their term).
   */
  earlier: { date: string | null; outOfOffice: boolean } | null;
  /** Sentences of its article saying the claim is false ("This claim is entirely false."). */
  disputedBy: Sentence[];
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
  readonly #byArticle: SlicedCache<Article, Statement[]>;
  /** How many articles' statements were taken from the insights snapshot, and how many attributed. */
  readonly counts = { restored: 0, computed: 0 };
  /** The last corpus asked for whole, and its statements: kept until its list of articles changes. */
  readonly #corpus = new PerList<Article, CorpusStatements<Statement>>();
  readonly #onCorpus: (corpus: CorpusStatements<Statement>) => Promise<void>;

  /**
   * `saved` gives an article's statements as saved at the previous run, if they were;
   * `ready` does what replies will need done to each article's statements (in the same
   * slices as the rest, not at the first request after a restart); `onCorpus` does it to
   * each corpus's statements before they are given to anyone.
   */
  constructor(
    vocabulary: Vocabulary,
    analyzer: Analyzer,
    saved: SavedValues<Article, Statement[]> | null = null,
    ready: (statements: readonly Statement[]) => void = () => undefined,
    onCorpus: (corpus: CorpusStatements<Statement>) => Promise<void> = () => Promise.resolve(),
  ) {
    this.#onCorpus = onCorpus;
    this.#attributor = new Attributor(vocabulary.parties);
    this.#topics = new TopicClassifier(vocabulary.topics, analyzer);
    const restore = (article: Article): Statement[] | undefined => {
      const statements = saved?.take(article);
      if (statements) this.counts.restored++;
      return statements;
    };
    this.#byArticle = new SlicedCache(
      (article) => {
        const statements = restore(article) ?? this.#computed(article);
        ready(statements);
        return statements;
      },
      undefined,
      () => saved?.ready() ?? Promise.resolve(),
    );
  }

  /** An article's statements if they are computed already, else undefined. */
  known(article: Article): Statement[] | undefined {
    return this.#byArticle.peek(article);
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

  /**
   * The statements of these articles (the whole corpus, newest first), by party and topic;
   * the missing ones computed without holding the event loop. The same object is given
   * back until the list of articles changes (an article added, removed or reloaded).
   */
  async corpusStatements(articles: readonly Article[]): Promise<CorpusStatements<Statement>> {
    return this.#corpus.get(articles, async () => {
      await this.prepare(articles);
      const corpus = new CorpusStatements(await this.#gathered(articles));
      await this.#onCorpus(corpus);
      return corpus;
    });
  }

  /** All statements of these prepared articles, in their order, gathered a slice at a time (a large corpus has 240,000). */
  async #gathered(articles: readonly Article[]): Promise<Statement[]> {
    const out: Statement[] = [];
    const slice = new TimeSlice();
    for (let i = 0; i < articles.length; i++) {
      for (const statement of this.ofArticle(articles[i]!)) out.push(statement);
      if (i % ARTICLES_PER_LOOK === 0 && slice.spent) await slice.next();
    }
    return out;
  }

  /** Resolves once these articles' statements are computed, a slice at a time. */
  prepare(articles: Iterable<Article>): Promise<void> {
    return this.#byArticle.prepare(articles);
  }

  ofArticle(article: Article): Statement[] {
    return this.#byArticle.get(article);
  }

  #computed(article: Article): Statement[] {
    this.counts.computed++;
    return this.#compute(article);
  }

  #compute(article: Article): Statement[] {
    const statements: Statement[] = [];
    let previous: { sentence: Sentence; topics: Topic[]; parties: Party[] } | null = null;
    const sentences = article.passages.flatMap((p) => p.sentences);
    const order = new Map<Sentence, number>();
    sentences.forEach((s, i) => order.set(s, i));
    /** Sentences quoted as part of a whole quotation already. */
    const inQuotation = new Set<Sentence>();

    for (const { passage, sentence, attributions } of this.#attributor.attribute(article)) {
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
      previous = { sentence, topics, parties };
      if (inQuotation.has(sentence)) continue;
      // A piece of a longer quotation is quoted whole; a fragment would misquote its speaker (it still lends its topics to the next).
      const whole = quotationMarksBalanced(sentence.text) ? null : wholeQuotation(passage, sentence);
      if (whole) {
        for (const part of whole.parts) inQuotation.add(part);
        topics = unique([...topics, ...this.#topics.classify(whole.sentence.text)]);
      }
      const quoted = whole?.sentence ?? sentence;
      if (!quotableAlone(quoted.text)) continue;
      const date = earlierDateOf(quoted.text, article.published);
      const disputedBy = disputesOf(sentences, order.get(sentence)!);
      for (const attribution of attributions.filter((a, i) => attributions.findIndex((o) => o.party === a.party) === i)) {
        const outOfOffice = attribution.official !== null && !inOffice(attribution.official, article.published);
        statements.push({
          party: attribution.party,
          speaker: attribution.speaker,
          official: attribution.official,
          topics,
          article,
          sentence: quoted,
          earlier: date !== null || outOfOffice ? { date, outOfOffice } : null,
          disputedBy,
        });
      }
    }
    return statements;
  }
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** Articles whose statements are gathered between two looks at the clock. */
const ARTICLES_PER_LOOK = 256;

/** Whether a person held office when an article was published: not `former`, and within their term. */
function inOffice(person: Person, published: string): boolean {
  if (person.former) return false;
  const { from, until } = person.term ?? {};
  return (!from || published >= from) && (!until || published.slice(0, until.length) <= until);
}

/** A sentence opening with a pronoun or a quotation continues the one before it. */
const CONTINUATION_START = /^(?:[“"]|(?:he|she|his|her)\b)/iu;
