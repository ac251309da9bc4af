import { afterAll, afterEach, beforeAll } from 'vitest';
import { silentLogger, type Logger } from '../../src/log';
import { openPostgresStorage } from '../../src/store/postgres/storage';
import { openSqliteStorage } from '../../src/store/sqlite/storage';
import type { Storage } from '../../src/store/storage';
import { temporaryDir } from './fixtures';
import { startTestPostgres, type TestPostgres } from './postgres';

/** One of the two storage backends, each test getting an empty one. */
export interface StorageBackend {
  name: 'SQLite' | 'Postgres';
  /** An empty storage: a fresh data folder, or a fresh database; its leases last `leaseMs` (30 s). */
  open(log?: Logger, leaseMs?: number): Promise<Storage>;
  /** The storage last opened, opened again (as by a restarted bot, or a second replica: another lease holder). */
  reopen(log?: Logger, leaseMs?: number): Promise<Storage>;
}

/**
 * Both backends, for `describe.each`: SQLite in a fresh data folder, Postgres in a fresh
 * database of a real server started once for the test file. Call at the top of a test file;
 * every storage opened is closed after its test.
 */
export function storageBackends(): StorageBackend[] {
  let server: TestPostgres | undefined;
  const opened: Storage[] = [];
  beforeAll(async () => {
    server = await startTestPostgres();
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const track = (storage: Storage): Storage => {
    opened.push(storage);
    return storage;
  };
  let dataDir = '';
  let databaseUrl = '';
  return [
    {
      name: 'SQLite',
      open: (log = silentLogger, leaseMs?: number) => {
        dataDir = temporaryDir('parley-storage-');
        return Promise.resolve(track(openSqliteStorage(dataDir, log, leaseMs)));
      },
      reopen: (log = silentLogger, leaseMs?: number) => Promise.resolve(track(openSqliteStorage(dataDir, log, leaseMs))),
    },
    {
      name: 'Postgres',
      open: async (log = silentLogger, leaseMs?: number) => {
        databaseUrl = await server!.createDatabase();
        return track(await openPostgresStorage(databaseUrl, log, leaseMs));
      },
      reopen: async (log = silentLogger, leaseMs?: number) => track(await openPostgresStorage(databaseUrl, log, leaseMs)),
    },
  ];
}
