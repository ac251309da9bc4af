/**
 * The little the table stores need of a database, so that each table's SQL and row mapping is
 * written once (src/store/sql) for both backends: SQLite (src/store/sqlite/client.ts) and
 * Postgres (src/store/postgres/client.ts). Statements use Postgres's numbered placeholders
 * (`$1`, `$2` …, any order, any number of times); the SQLite client turns them into its `?`.
 * What the dialects say differently is not hidden here: a store that needs it branches on
 * `dialect`, beside the statement, in plain SQL.
 */
export interface SqlClient {
  /** Which SQL the database speaks, for the few statements the two say differently. */
  readonly dialect: 'sqlite' | 'postgres';
  /** The rows a statement returns (a SELECT, or a write with RETURNING). */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a write; how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs one write once for each set of parameters, all in one transaction: every one of them takes effect, or none. */
  runEach(sql: string, paramSets: Iterable<readonly unknown[]>): Promise<void>;
}
