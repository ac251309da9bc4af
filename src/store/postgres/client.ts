import type pg from 'pg';
import type { SqlClient } from '../sql/client';
import { inTransaction } from './transaction';

/** The Postgres pool as a `SqlClient`: each statement on whichever pooled connection is free, a transaction on one of its own. */
export class PostgresClient implements SqlClient {
  readonly dialect = 'postgres';

  constructor(private readonly pool: pg.Pool) {}

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, [...params])).rows as Row[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.pool.query(sql, [...params])).rowCount ?? 0;
  }

  runEach(sql: string, paramSets: Iterable<readonly unknown[]>): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      for (const params of paramSets) await client.query(sql, [...params]);
    });
  }
}
