import type { InstallationRecords } from '../installations';
import type { ParleyDatabase } from './database';

export class SqliteInstallations implements InstallationRecords {
  constructor(private readonly db: ParleyDatabase) {}

  save(platform: string, workspaceId: string, record: string, now: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO installations (platform, workspace_id, installation, installed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET installation = excluded.installation, installed_at = excluded.installed_at`,
      )
      .run(platform, workspaceId, record, now.toISOString());
    return Promise.resolve();
  }

  get(platform: string, workspaceId: string): Promise<string | null> {
    const record = this.db.prepare('SELECT installation FROM installations WHERE platform = ? AND workspace_id = ?').pluck().get(platform, workspaceId) as string | undefined;
    return Promise.resolve(record ?? null);
  }

  delete(platform: string, workspaceId: string): Promise<boolean> {
    return Promise.resolve(this.db.prepare('DELETE FROM installations WHERE platform = ? AND workspace_id = ?').run(platform, workspaceId).changes > 0);
  }
}
