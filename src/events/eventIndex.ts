import type { Article } from '../corpus/article';
import { SlicedCache } from '../util/slicedCache';
import { extractEvents, type DatedEvent } from './extractEvents';

/**
 * Dated events per article, computed on first use and kept until the article changes. A
 * whole large corpus goes through `prepare` or `eventsAsync`, which compute in short slices.
 */
export class EventIndex {
  readonly #byArticle = new SlicedCache<Article, DatedEvent[]>(extractEvents);

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

  /** Resolves once these articles' events are computed, a slice at a time. */
  prepare(articles: Iterable<Article>): Promise<void> {
    return this.#byArticle.prepare(articles);
  }
}
