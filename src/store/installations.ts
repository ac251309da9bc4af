/**
 * A platform's installations, one per workspace (a Slack team, or an enterprise for an org-wide
 * install), kept as the platform's own record (JSON, tokens included) in the `installations`
 * table of either backend. What the record holds is the adapter's business; the store keeps it.
 */
export interface InstallationRecords {
  /** Stores a workspace's installation, replacing any earlier one (a re-install, new scopes). */
  save(platform: string, workspaceId: string, record: string, now: Date): Promise<void>;
  /** The workspace's installation record; null when it is not installed. */
  get(platform: string, workspaceId: string): Promise<string | null>;
  /** Whether the workspace was installed. */
  delete(platform: string, workspaceId: string): Promise<boolean>;
}
