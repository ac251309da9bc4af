import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../log';
import type { InstallationRecords } from '../../store/installations';

/** The platform name Slack's installations are kept under. */
const PLATFORM = 'slack';

/** What names a workspace in an installation, an installation query or a request's context. */
export interface WorkspaceIdentity {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/**
 * The key of a workspace's installation: its team id, or the enterprise id for an org-wide
 * install (which serves every workspace of the organisation with one token). Undefined when
 * the request names neither.
 */
export function workspaceIdOf({ isEnterpriseInstall, enterpriseId, teamId }: WorkspaceIdentity): string | undefined {
  return isEnterpriseInstall && enterpriseId ? enterpriseId : teamId;
}

/**
 * Bolt's installation store over the database (the `installations` table of either backend):
 * the OAuth redirect stores each workspace's installation, Bolt's `authorize` reads the bot
 * token of the workspace a request comes from, and an uninstall deletes it. Shared by every
 * replica on one Postgres, so any of them answers any workspace.
 */
export class SlackInstallations implements InstallationStore {
  constructor(
    private readonly records: InstallationRecords,
    private readonly log: Logger,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const workspaceId = workspaceIdOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
    if (!workspaceId) throw new Error('Slack sent an installation that names no workspace (neither a team nor an enterprise id)');
    await this.records.save(PLATFORM, workspaceId, JSON.stringify(installation), new Date());
    const name = installation.team?.name ?? installation.enterprise?.name;
    this.log.info(`slack: installed in workspace ${workspaceId}${name ? ` (${name.slice(0, 100)})` : ''}`);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const workspaceId = this.#workspaceOf(query);
    const record = await this.records.get(PLATFORM, workspaceId);
    if (record === null) throw new Error(`Parley is not installed in Slack workspace ${workspaceId}: install it at /slack/install`);
    return JSON.parse(record) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.records.delete(PLATFORM, this.#workspaceOf(query));
  }

  /** The bot token that posts into a workspace's channels; an error saying so when the workspace is not installed. */
  async botToken(workspaceId: string): Promise<string> {
    const installation = await this.fetchInstallation({ teamId: workspaceId, enterpriseId: undefined, isEnterpriseInstall: false });
    if (!installation.bot?.token) throw new Error(`the installation of Slack workspace ${workspaceId} has no bot token: install Parley again at /slack/install`);
    return installation.bot.token;
  }

  #workspaceOf(query: InstallationQuery<boolean>): string {
    const workspaceId = workspaceIdOf(query);
    if (!workspaceId) throw new Error('a Slack request named no workspace (neither a team nor an enterprise id)');
    return workspaceId;
  }
}
