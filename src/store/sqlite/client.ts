import type { SqlClient } from '../sql/client';
import type { Statement } from 'better-sqlite3';
import type { ParleyDatabase } from './database';

/**
 * The SQLite database as a `SqlClient`. better-sqlite3 is synchronous: each statement runs at
 * the call, and its result is handed back as a resolved promise; a statement that fails throws
 * at the call, as the SQLite stores always did.
 */
export class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite';

  readonly #prepared = new Map<string, { prepared: Statement; bind: (params: readonly unknown[]) => unknown[] }>();

  constructor(private readonly db: ParleyDatabase) {}

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const { prepared, bind } = this.#statement(sql);
    return Promise.resolve(prepared.all(...bind(params)) as Row[]);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const { prepared, bind } = this.#statement(sql);
    return Promise.resolve(prepared.run(...bind(params)).changes);
  }

  runEach(sql: string, paramSets: Iterable<readonly unknown[]>): Promise<void> {
    const { prepared, bind } = this.#statement(sql);
    this.db.transaction(() => {
      for (const params of paramSets) prepared.run(...bind(params));
    })();
    return Promise.resolve();
  }

  /** The statement translated and prepared once: the stores send the same few texts on every request. */
  #statement(sql: string): { prepared: Statement; bind: (params: readonly unknown[]) => unknown[] } {
    let statement = this.#prepared.get(sql);
    if (!statement) {
      const translated = positional(sql);
      statement = { prepared: this.db.prepare(translated.sql), bind: translated.bind };
      this.#prepared.set(sql, statement);
    }
    return statement;
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
