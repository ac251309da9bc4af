import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './freePort';

const run = promisify(execFile);

/** A real Postgres server on loopback, in a temporary cluster of its own. */
export interface TestPostgres {
  /** A new, empty database on the server, for one test: its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server and removes its cluster. */
  stop(): Promise<void>;
}

/**
 * Starts Postgres the way CI has it: Debian's `postgresql` package (installed by `.ci/run`
 * when missing). `initdb` makes a throwaway cluster (trust authentication, no durability, which
 * a test does not need), and the server listens on a free loopback port only, no socket file.
 * Postgres refuses to run as root, so under root the cluster belongs to the `postgres` user.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'parley-postgres-'));
  const owner = clusterOwner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const asOwner = { ...(owner ?? {}), env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' } };
  const dataDir = join(dir, 'data');
  try {
    await run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'parley', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], asOwner);
    const port = await freePort();
    const serverOptions = `-p ${port} -h 127.0.0.1 -k '' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
    await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], asOwner);
    const url = `postgres://parley@127.0.0.1:${port}/postgres`;
    let databases = 0;
    return {
      async createDatabase() {
        const name = `parley_test_${++databases}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://parley@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        try {
          await run(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asOwner);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test Postgres with ${bin}: ${(error as Error).message}\n${log}`);
  }
}

/** The folder of `initdb` and `pg_ctl`: on the PATH, or Debian's newest /usr/lib/postgresql/N/bin. */
function postgresBinaries(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/u.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(join(debian, version, 'bin', 'initdb'))) return join(debian, version, 'bin');
  throw new Error('the tests need Postgres: no initdb on the PATH nor in /usr/lib/postgresql/*/bin (install it: apt-get install postgresql)');
}

/** Under root, the `postgres` user (Debian's package makes it); otherwise the current user, as is. */
function clusterOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('the tests run as root, and Postgres refuses to: they need a `postgres` user to run it as (Debian\'s postgresql package makes one)');
  }
}

/** Runs one SQL statement on the database of `url` over a connection of its own, for tests to look at or change what the bot stored. */
export async function queryPostgres<Row extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
