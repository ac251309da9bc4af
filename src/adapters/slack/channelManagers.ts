import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log';

/**
 * Who may change a channel's digest subscription on Slack: the users listed in
 * SLACK_DIGEST_MANAGERS, and workspace admins and owners (users.info, scope users:read).
 * Asked only for commands that manage a channel, so other commands cost no API call; asked
 * with the token of the request's workspace (with many workspaces, the client has none).
 */
export function channelManagers(client: webApi.WebClient, allowList: readonly string[], log: Logger): (userId: string, token: string | undefined) => Promise<boolean> {
  const allowed = new Set(allowList);
  return async (userId, token) => {
    if (allowed.has(userId)) return true;
    try {
      const { user } = await client.users.info({ user: userId, ...(token ? { token } : {}) });
      return user?.is_admin === true || user?.is_owner === true;
    } catch (error) {
      log.warn(`slack: could not look up whether ${userId} is a workspace admin (${error instanceof Error ? error.message : String(error)}); treating them as not one`);
      return false;
    }
  };
}
