import type { Logger } from '../log';
import { DEFAULT_LEASE_MS } from './leases';
import { openSqliteStorage } from './sqlite/storage';
import type { Storage } from './storage';

/**
 * The storage the settings ask for: Postgres when `PARLEY_DATABASE_URL` is set, otherwise
 * SQLite in the data folder. The Postgres driver is loaded only when it is used.
 */
export async function openStorage(settings: { dataDir: string; databaseUrl: string | null; leaseSeconds?: number }, log: Logger): Promise<Storage> {
  const leaseMs = (settings.leaseSeconds ?? DEFAULT_LEASE_MS / 1000) * 1000;
  if (!settings.databaseUrl) return openSqliteStorage(settings.dataDir, log, leaseMs);
  const { openPostgresStorage } = await import('./postgres/storage');
  return openPostgresStorage(settings.databaseUrl, log, leaseMs);
}
