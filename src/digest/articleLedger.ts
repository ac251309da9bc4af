import type { ParleyDatabase } from '../store/database';

/**
 * When each article joined the corpus, so that a digest covers what is new since the
 * channel's previous one, whatever the articles' own publication dates.
 */
export class ArticleLedger {
  constructor(private readonly db: ParleyDatabase) {}

  /** Records the articles not seen before as joining now. */
  sync(articleIds: Iterable<string>, now: Date): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO corpus_articles (article_id, first_seen) VALUES (?, ?)');
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const id of articleIds) insert.run(id, at);
    })();
  }

  /** Ids of the articles that joined after `after` (exclusive; null for the beginning) and up to `upTo`. */
  joinedBetween(after: Date | null, upTo: Date): Set<string> {
    const rows = this.db
      .prepare('SELECT article_id FROM corpus_articles WHERE first_seen > ? AND first_seen <= ?')
      .pluck()
      .all(after?.toISOString() ?? '', upTo.toISOString()) as string[];
    return new Set(rows);
  }
}
