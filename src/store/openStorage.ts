import type { Logger } from '../log';
import { openSqliteStorage } from './sqlite/storage';
import type { Storage } from './storage';

/**
 * The storage the settings ask for: Postgres when `PARLEY_DATABASE_URL` is set, otherwise
 * SQLite in the data folder. The Postgres driver is loaded only when it is used.
 */
export async function openStorage(settings: { dataDir: string; databaseUrl: string | null }, log: Logger): Promise<Storage> {
  if (!settings.databaseUrl) return openSqliteStorage(settings.dataDir, log);
  const { openPostgresStorage } = await import('./postgres/storage');
  return openPostgresStorage(settings.databaseUrl, log);
}
