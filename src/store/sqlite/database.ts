import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger, type Logger } from '../../log';
import { DATABASE_FILE, DATABASE_MARKER_FILE, SIGNS_OF_EARLIER_USE } from '../dataFiles';
import { MIGRATIONS } from '../migrations';

export { DATABASE_FILE };

export type ParleyDatabase = Database.Database;

/** A database that cannot be used; the message names the file and what to do about it. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/**
 * Opens (creating if needed) the SQLite database in the data folder, checks it and brings its
 * schema up to date. WAL journaling keeps it consistent through a crash at any point. A
 * database created in a data folder Parley used before is warned about: it replaces one that
 * was lost, with every subscription and run.
 */
export function openDatabase(dataDir: string, log: Logger = silentLogger): ParleyDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  if (!existsSync(path)) prepareForNewDatabase(dataDir, path, log);
  let db: ParleyDatabase | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new Error(`it is damaged (quick_check: ${check.replace(/\s+/gu, ' ').slice(0, 200)})`);
    migrate(db);
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(unusableDatabaseMessage(path, error));
  }
  markCreated(dataDir, log);
  return db;
}

export function migrate(db: ParleyDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, new Date().toISOString());
    })();
  }
}

/**
 * Before a database is created: a loud warning if the folder shows it held one, and any
 * journal the lost database left moved aside, since SQLite would replay it into the new one.
 */
function prepareForNewDatabase(dataDir: string, path: string, log: Logger): void {
  const orphans = ['-wal', '-shm'].map((suffix) => `${path}${suffix}`).filter((file) => existsSync(file));
  const signs = [...SIGNS_OF_EARLIER_USE.filter((file) => existsSync(join(dataDir, file))), ...orphans];
  if (signs.length === 0) return;
  const aside = `.orphaned-${new Date().toISOString().replace(/[:.]/gu, '-')}`;
  for (const orphan of orphans) renameSync(orphan, `${orphan}${aside}`);
  log.warn(
    `the database ${path} was missing, so a new, empty one is created: digest subscriptions and their runs start afresh. ` +
      `This data folder was used before (it holds ${signs.map((file) => file.replace(`${dataDir}/`, '')).join(', ')}). ` +
      `If the database was lost by mistake, stop Parley, put your backup back at ${path} and start again (see "Back it up" in the README).` +
      (orphans.length > 0 ? ` The journal it left was moved aside (${orphans.map((file) => `${file}${aside}`).join(', ')}).` : ''),
  );
}

function markCreated(dataDir: string, log: Logger): void {
  const marker = join(dataDir, DATABASE_MARKER_FILE);
  if (existsSync(marker)) return;
  try {
    writeFileSync(marker, `${DATABASE_FILE} is in this folder since ${new Date().toISOString()}. Parley keeps this file to tell a lost database from a new data folder: leave it here.\n`);
  } catch (error) {
    log.warn(`could not write ${marker}: ${(error as Error).message}`);
  }
}

/** Codes of a database Parley may not open (permissions), rather than one that is damaged. */
const ACCESS_CODES: ReadonlySet<string> = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_AUTH', 'EACCES', 'EPERM', 'EROFS']);

function unusableDatabaseMessage(path: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const remedy =
    typeof code === 'string' && ACCESS_CODES.has(code)
      ? `Check that the user running Parley may read and write it and its folder.`
      : `To restore it, stop Parley, move it aside (mv "${path}" "${path}.broken") and put your backup in its place ` +
        `(see "Back it up" in the README); without a backup, moving it aside alone starts an empty database (subscriptions and runs are lost).`;
  return `the database ${path} cannot be opened: ${reason}. ${remedy}`;
}
