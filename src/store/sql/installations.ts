import type { InstallationRecords } from '../installations';
import type { SqlClient } from './client';

/** The `installations` table, the same SQL in both backends. */
export class SqlInstallations implements InstallationRecords {
  constructor(private readonly sql: SqlClient) {}

  save(platform: string, workspaceId: string, record: string, now: Date): Promise<void> {
    return this.sql
      .run(
        `INSERT INTO installations (platform, workspace_id, installation, installed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, workspace_id) DO UPDATE SET installation = excluded.installation, installed_at = excluded.installed_at`,
        [platform, workspaceId, record, now.toISOString()],
      )
      .then(() => undefined);
  }

  get(platform: string, workspaceId: string): Promise<string | null> {
    return this.sql
      .query<{ installation: string }>('SELECT installation FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId])
      .then((rows) => rows[0]?.installation ?? null);
  }

  delete(platform: string, workspaceId: string): Promise<boolean> {
    return this.sql.run('DELETE FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]).then((changed) => changed > 0);
  }
}
