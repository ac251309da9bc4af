import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresClient } from '../../src/store/postgres/client';
import type { SqlClient } from '../../src/store/sql/client';
import { SqliteClient } from '../../src/store/sqlite/client';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

/**
 * The one SQL client the table stores use, over each backend: `$n` placeholders in any order
 * and repeated, the rows changed, and `runEach` all or nothing.
 */
let server: TestPostgres;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await server.stop();
});

const clients: { name: string; open: () => Promise<SqlClient> }[] = [
  { name: 'SQLite', open: () => Promise.resolve(new SqliteClient(new Database(':memory:'))) },
  {
    name: 'Postgres',
    open: async () => {
      const pool = new pg.Pool({ connectionString: await server.createDatabase() });
      pools.push(pool);
      return new PostgresClient(pool);
    },
  },
];

describe.each(clients)('the SQL client over $name', ({ open }) => {
  it('binds numbered placeholders by number, in any order and repeated, and counts the rows a write changed', async () => {
    const sql = await open();
    await sql.run('CREATE TABLE pairs (a TEXT, b TEXT)');
    expect(await sql.run('INSERT INTO pairs (a, b) VALUES ($2, $1), ($1, $1)', ['one', 'two'])).toBe(2);
    expect(await sql.query('SELECT a, b FROM pairs ORDER BY a DESC')).toEqual([
      { a: 'two', b: 'one' },
      { a: 'one', b: 'one' },
    ]);
    expect(await sql.run('UPDATE pairs SET a = $1 WHERE b = $1', ['one'])).toBe(2);
    expect(await sql.run('DELETE FROM pairs WHERE a = $1', ['none'])).toBe(0);
  });

  it('runs a statement for each set of parameters in one transaction: none takes effect when one fails', async () => {
    const sql = await open();
    await sql.run('CREATE TABLE ids (id TEXT PRIMARY KEY)');
    await sql.runEach('INSERT INTO ids (id) VALUES ($1)', [['a'], ['b']]);
    // SQLite's throws at the call, Postgres's rejects: both fail the caller that awaits it.
    await expect(Promise.resolve().then(() => sql.runEach('INSERT INTO ids (id) VALUES ($1)', [['c'], ['a']]))).rejects.toThrow();
    expect(await sql.query('SELECT id FROM ids ORDER BY id')).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
