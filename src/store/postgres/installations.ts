import type pg from 'pg';
import type { InstallationRecords } from '../installations';

export class PostgresInstallations implements InstallationRecords {
  constructor(private readonly pool: pg.Pool) {}

  async save(platform: string, workspaceId: string, record: string, now: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO installations (platform, workspace_id, installation, installed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, workspace_id) DO UPDATE SET installation = excluded.installation, installed_at = excluded.installed_at`,
      [platform, workspaceId, record, now.toISOString()],
    );
  }

  async get(platform: string, workspaceId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ installation: string }>('SELECT installation FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]);
    return rows[0]?.installation ?? null;
  }

  async delete(platform: string, workspaceId: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM installations WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId]);
    return (result.rowCount ?? 0) > 0;
  }
}
