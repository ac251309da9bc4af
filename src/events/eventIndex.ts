import type { Article } from '../corpus/article';
import { extractEvents, type DatedEvent } from './extractEvents';

/** Dated events per article, computed on first use and kept until the article changes. */
export class EventIndex {
  readonly #byArticle = new WeakMap<Article, DatedEvent[]>();

  events(articles: Iterable<Article>): DatedEvent[] {
    const out: DatedEvent[] = [];
    for (const article of articles) {
      let events = this.#byArticle.get(article);
      if (!events) {
        events = extractEvents(article);
        this.#byArticle.set(article, events);
      }
      out.push(...events);
    }
    return out;
  }
}
