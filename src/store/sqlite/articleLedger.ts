import type { ArticleLedger } from '../../digest/articleLedger';
import type { ParleyDatabase } from './database';

export class SqliteArticleLedger implements ArticleLedger {
  constructor(private readonly db: ParleyDatabase) {}

  sync(articleIds: Iterable<string>, now: Date): Promise<void> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO corpus_articles (article_id, first_seen) VALUES (?, ?)');
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const id of articleIds) insert.run(id, at);
    })();
    return Promise.resolve();
  }

  joinedBetween(after: Date | null, upTo: Date): Promise<Set<string>> {
    const rows = this.db
      .prepare('SELECT article_id FROM corpus_articles WHERE first_seen > ? AND first_seen <= ?')
      .pluck()
      .all(after?.toISOString() ?? '', upTo.toISOString()) as string[];
    return Promise.resolve(new Set(rows));
  }
}
