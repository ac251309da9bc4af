import type pg from 'pg';
import type { ArticleLedger } from '../../digest/articleLedger';

export class PostgresArticleLedger implements ArticleLedger {
  constructor(private readonly pool: pg.Pool) {}

  async sync(articleIds: Iterable<string>, now: Date): Promise<void> {
    // One statement for the whole corpus: every id as one array parameter.
    await this.pool.query('INSERT INTO corpus_articles (article_id, first_seen) SELECT id, $2 FROM unnest($1::text[]) AS id ON CONFLICT (article_id) DO NOTHING', [
      [...articleIds],
      now.toISOString(),
    ]);
  }

  async joinedBetween(after: Date | null, upTo: Date): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ article_id: string }>('SELECT article_id FROM corpus_articles WHERE first_seen > $1 AND first_seen <= $2', [
      after?.toISOString() ?? '',
      upTo.toISOString(),
    ]);
    return new Set(rows.map((row) => row.article_id));
  }
}
