import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../src/store/sqlite/database';
import { captureLog } from '../helpers/capturedLog';
import { temporaryDir } from '../helpers/fixtures';
import { runBot } from '../helpers/runBot';

/**
 * The database holds what nothing else can rebuild (digest subscriptions and their runs), so
 * the real process must never lose it silently, nor stop without saying which file is at fault.
 */
const start = (dataDir: string) => runBot(['sources'], { env: { PARLEY_DATA_DIR: dataDir } });

function subscriptionCount(dataDir: string): number {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    return db.prepare('SELECT count(*) FROM subscriptions').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('the database, at start-up', { timeout: 90_000 }, () => {
  it('is created without a word in a fresh data folder, and warned about, naming it, when it goes missing from a used one', async () => {
    const dataDir = temporaryDir('parley-db-');
    const path = join(dataDir, DATABASE_FILE);
    const first = await start(dataDir);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain(DATABASE_FILE);
    expect(existsSync(path)).toBe(true);
    expect(subscriptionCount(dataDir)).toBe(0);

    rmSync(path);
    const second = await start(dataDir);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^\[warn\] .*database .*parley\.sqlite.* was missing/mu);
    expect(second.stderr).toContain(path);
    expect(second.stderr).toMatch(/backup/u);

    const third = await start(dataDir);
    expect(third.stderr).not.toContain(DATABASE_FILE);
  });

  it('warns too when the database is gone from a folder an earlier version used (it still holds the index snapshot)', async () => {
    const dataDir = temporaryDir('parley-db-');
    writeFileSync(join(dataDir, 'index.snapshot'), '{"format":"parley-snapshot/3","fingerprint":"old"}\n');
    const run = await start(dataDir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${join(dataDir, DATABASE_FILE)} was missing`);
  });

  it('stops start-up naming a corrupt database and saying how to restore it', async () => {
    const dataDir = temporaryDir('parley-db-');
    const path = join(dataDir, DATABASE_FILE);
    writeFileSync(path, Buffer.alloc(8192, 'not a database '));
    const run = await start(dataDir);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain(`mv "${path}" "${path}.broken"`);
    expect(run.stderr).toMatch(/backup/u);
    // Nothing was overwritten: the damaged file is still there for the operator to inspect.
    expect(readFileSync(path, 'utf8').startsWith('not a database')).toBe(true);
  });

  it('stops start-up naming a database whose pages are damaged', async () => {
    const dataDir = temporaryDir('parley-db-');
    const path = join(dataDir, DATABASE_FILE);
    const db = openDatabase(dataDir);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE filler (text TEXT); CREATE INDEX filler_text ON filler (text)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    db.close();
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite the pages after the schema's: the tables' and the index's b-trees no longer hold together.
    bytes.fill(0x5a, pageSize * 3, bytes.length - pageSize);
    writeFileSync(path, bytes);

    const run = await start(dataDir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain(`mv "${path}" "${path}.broken"`);
  });

  it('moves aside the journal a lost database left, so that SQLite does not replay it into the new one', () => {
    const dataDir = temporaryDir('parley-db-');
    writeFileSync(join(dataDir, `${DATABASE_FILE}-wal`), 'the journal of a database that was deleted');
    const captured = captureLog('info');
    openDatabase(dataDir, captured.log).close();
    expect(captured.lines).toHaveLength(1);
    expect(captured.lines[0]).toMatch(/^\[warn\] the database .* was missing.*journal it left was moved aside/u);
    expect(readdirSync(dataDir).filter((file) => file.startsWith(`${DATABASE_FILE}-wal.orphaned-`))).toHaveLength(1);
  });
});
