import type { SqlClient } from '../sql/client';
import type { ParleyDatabase } from './database';

/**
 * The SQLite database as a `SqlClient`. better-sqlite3 is synchronous: each statement runs at
 * the call, and its result is handed back as a resolved promise; a statement that fails throws
 * at the call, as the SQLite stores always did.
 */
export class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite';

  constructor(private readonly db: ParleyDatabase) {}

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const statement = positional(sql);
    return Promise.resolve(this.db.prepare(statement.sql).all(...statement.bind(params)) as Row[]);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const statement = positional(sql);
    return Promise.resolve(this.db.prepare(statement.sql).run(...statement.bind(params)).changes);
  }

  runEach(sql: string, paramSets: Iterable<readonly unknown[]>): Promise<void> {
    const statement = positional(sql);
    const prepared = this.db.prepare(statement.sql);
    this.db.transaction(() => {
      for (const params of paramSets) prepared.run(...statement.bind(params));
    })();
    return Promise.resolve();
  }
}

/** A statement written with `$n` placeholders, as SQLite's anonymous `?` ones, and the parameters in the order those take them. */
export function positional(sql: string): { sql: string; bind: (params: readonly unknown[]) => unknown[] } {
  const order: number[] = [];
  const translated = sql.replace(/\$(\d+)/gu, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { sql: translated, bind: (params) => order.map((index) => params[index]) };
}
