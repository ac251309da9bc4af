import type { ArticleLedger } from '../../digest/articleLedger';
import type { SqlClient } from './client';

/** The `corpus_articles` table: the same query in both backends, and each one's own way to record a whole corpus at once. */
export class SqlArticleLedger implements ArticleLedger {
  constructor(private readonly sql: SqlClient) {}

  sync(articleIds: Iterable<string>, now: Date): Promise<void> {
    const at = now.toISOString();
    if (this.sql.dialect === 'postgres') {
      // One statement for the whole corpus: every id as one array parameter.
      return this.sql
        .run('INSERT INTO corpus_articles (article_id, first_seen) SELECT id, $2 FROM unnest($1::text[]) AS id ON CONFLICT (article_id) DO NOTHING', [[...articleIds], at])
        .then(() => undefined);
    }
    // SQLite has no array parameter: one insert an id, in one transaction.
    return this.sql.runEach('INSERT OR IGNORE INTO corpus_articles (article_id, first_seen) VALUES ($1, $2)', mapIterable(articleIds, (id) => [id, at]));
  }

  joinedBetween(after: Date | null, upTo: Date): Promise<Set<string>> {
    return this.sql
      .query<{ article_id: string }>('SELECT article_id FROM corpus_articles WHERE first_seen > $1 AND first_seen <= $2', [after?.toISOString() ?? '', upTo.toISOString()])
      .then((rows) => new Set(rows.map((row) => row.article_id)));
  }
}

/** The ids as parameter sets, read as the transaction runs, as the SQLite ledger always read them. */
function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}
