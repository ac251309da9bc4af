import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log';
import { MIGRATIONS } from '../../src/store/migrations';
import { DATABASE_FILE } from '../../src/store/sqlite/database';
import { openSqliteStorage } from '../../src/store/sqlite/storage';
import { temporaryDir } from '../helpers/fixtures';
import { storageBackends } from '../helpers/storageBackends';

/**
 * What many Slack workspaces keep, in both backends: each workspace's installation, and the
 * workspace of each subscription, so that an uninstall takes exactly that workspace's channels.
 */
const at = (iso: string) => new Date(iso);
const schedule = { time: '08:00', timezone: 'UTC', createdBy: 'U1' };

describe.each(storageBackends())('installations and workspaces in $name', (backend) => {
  it('keeps one installation per workspace: a re-install replaces it, an uninstall deletes it', async () => {
    const { installations } = await backend.open();
    expect(await installations.get('slack', 'T0ALPHA')).toBeNull();
    await installations.save('slack', 'T0ALPHA', '{"bot":{"token":"xoxb-1"}}', at('2025-03-21T06:00:00Z'));
    await installations.save('slack', 'T0BETA', '{"bot":{"token":"xoxb-2"}}', at('2025-03-21T06:00:00Z'));
    await installations.save('slack', 'T0ALPHA', '{"bot":{"token":"xoxb-3"}}', at('2025-03-22T06:00:00Z'));
    expect(await installations.get('slack', 'T0ALPHA')).toBe('{"bot":{"token":"xoxb-3"}}');
    expect(await installations.get('discord', 'T0ALPHA')).toBeNull();
    expect(await installations.delete('slack', 'T0ALPHA')).toBe(true);
    expect(await installations.delete('slack', 'T0ALPHA')).toBe(false);
    expect(await installations.get('slack', 'T0ALPHA')).toBeNull();
    expect(await installations.get('slack', 'T0BETA')).toBe('{"bot":{"token":"xoxb-2"}}');
  });

  it("knows each subscription's workspace, and unsubscribes one workspace's channels only", async () => {
    const { subscriptions, runs } = await backend.open();
    const alpha = await subscriptions.subscribe({ platform: 'slack', channelId: 'C0A1', workspaceId: 'T0ALPHA', ...schedule }, at('2025-03-21T06:00:00Z'));
    await subscriptions.subscribe({ platform: 'slack', channelId: 'C0A2', workspaceId: 'T0ALPHA', ...schedule }, at('2025-03-21T06:00:00Z'));
    await subscriptions.subscribe({ platform: 'slack', channelId: 'C0B1', workspaceId: 'T0BETA', ...schedule }, at('2025-03-21T06:00:00Z'));
    await subscriptions.subscribe({ platform: 'slack', channelId: 'C0ONE', ...schedule }, at('2025-03-21T06:00:00Z'));
    await subscriptions.subscribe({ platform: 'discord', channelId: '1234', workspaceId: null, ...schedule }, at('2025-03-21T06:00:00Z'));
    expect(alpha.workspaceId).toBe('T0ALPHA');
    expect((await subscriptions.get('slack', 'C0ONE'))!.workspaceId).toBeNull();
    await runs.claim(alpha.id, at('2025-03-21T08:00:00Z'), at('2025-03-21T08:00:00Z'));

    expect(await subscriptions.unsubscribeWorkspace('slack', 'T0ALPHA')).toBe(2);
    expect(await subscriptions.unsubscribeWorkspace('slack', 'T0ALPHA')).toBe(0);
    expect((await subscriptions.all()).map((s) => s.channelId)).toEqual(['C0B1', 'C0ONE', '1234']);
    expect(await runs.latest(alpha.id)).toBeNull(); // its runs went with it
  });
});

describe('migration 4 on a database from before it', () => {
  it('keeps every subscription, as belonging to the one-token workspace', async () => {
    const dataDir = temporaryDir('parley-migrate-');
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, '2025-03-01T00:00:00.000Z');
    }
    db.prepare("INSERT INTO subscriptions (platform, channel_id, time, timezone, created_at) VALUES ('slack', 'C0OLD', '08:00', 'UTC', '2025-03-01T00:00:00.000Z')").run();
    db.close();

    const storage = openSqliteStorage(dataDir, silentLogger);
    try {
      expect(await storage.subscriptions.get('slack', 'C0OLD')).toMatchObject({ channelId: 'C0OLD', workspaceId: null });
    } finally {
      await storage.close();
    }
  });
});
