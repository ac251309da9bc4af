import type { Article } from '../corpus/article';
import { PerList } from '../util/sameItems';
import { SlicedCache, type SavedValues } from '../util/slicedCache';
import { CorpusEvents } from './corpusEvents';
import { extractEvents, type DatedEvent } from './extractEvents';

/**
 * Bumped whenever event extraction (extractEvents.ts, or the chrono-node it relies on)
 * changes the events an article has: events saved in the insights snapshot by another
 * version are then computed anew.
 */
export const EVENTS_VERSION = 1;

/**
 * Dated events per article, computed on first use and kept until the article changes. A
 * whole large corpus goes through `prepare` or `eventsAsync`, which compute in short slices.
 */
export class EventIndex {
  readonly #byArticle: SlicedCache<Article, DatedEvent[]>;
  /** How many articles' events were taken from the insights snapshot, and how many extracted. */
  readonly counts = { restored: 0, computed: 0 };
  /** The last corpus asked for whole, and its events: kept until its list of articles changes. */
  readonly #corpus = new PerList<Article, CorpusEvents>();

  /** `saved` gives an article's events as saved at the previous run, if they were. */
  constructor(saved: SavedValues<Article, DatedEvent[]> | null = null) {
    this.#byArticle = new SlicedCache<Article, DatedEvent[]>(
      (article) => {
        const restored = saved?.take(article);
        if (restored) {
          this.counts.restored++;
          return restored;
        }
        this.counts.computed++;
        return extractEvents(article);
      },
      undefined,
      () => saved?.ready() ?? Promise.resolve(),
    );
  }

  /** An article's events if they are computed already, else undefined. */
  known(article: Article): DatedEvent[] | undefined {
    return this.#byArticle.peek(article);
  }

  /** The events of these articles, computing the missing ones at once: for a few articles. */
  events(articles: Iterable<Article>): DatedEvent[] {
    const out: DatedEvent[] = [];
    for (const article of articles) out.push(...this.#byArticle.get(article));
    return out;
  }

  /** The events of these articles; the missing ones computed without holding the event loop. */
  async eventsAsync(articles: readonly Article[]): Promise<DatedEvent[]> {
    await this.prepare(articles);
    return this.events(articles);
  }

  /**
   * The events of these articles (the whole corpus), each once, newest first; the missing
   * ones computed without holding the event loop. The same object is given back until the
   * list of articles changes.
   */
  async corpusEvents(articles: readonly Article[]): Promise<CorpusEvents> {
    return this.#corpus.get(articles, async () => {
      await this.prepare(articles);
      return new CorpusEvents(this.events(articles));
    });
  }

  /** Resolves once these articles' events are computed, a slice at a time. */
  prepare(articles: Iterable<Article>): Promise<void> {
    return this.#byArticle.prepare(articles);
  }
}
