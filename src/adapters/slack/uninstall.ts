import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Digests } from '../../digest/digests';
import type { Logger } from '../../log';
import { workspaceIdOf, type SlackInstallations } from './installations';

/**
 * A workspace that uninstalls Parley (`app_uninstalled`), or revokes its bot token
 * (`tokens_revoked` naming a bot), is forgotten: its installation, with the token, and its
 * channels' digest subscriptions, with their runs. Bolt delivers these two events without
 * authorizing them, since the token is already gone.
 */
export function listenForUninstalls(app: App, installations: SlackInstallations, digests: Digests | undefined, log: Logger): void {
  const forget = async (why: string, context: AllMiddlewareArgs['context']): Promise<void> => {
    const workspaceId = workspaceIdOf(context);
    if (!workspaceId) {
      log.warn(`slack: ${why} named no workspace; nothing removed`);
      return;
    }
    await installations.deleteInstallation({ teamId: workspaceId, enterpriseId: undefined, isEnterpriseInstall: false });
    const unsubscribed = (await digests?.unsubscribeWorkspace('slack', workspaceId)) ?? 0;
    log.info(`slack: ${why} in workspace ${workspaceId}: its installation and ${unsubscribed} digest subscription(s) removed`);
  };
  app.event('app_uninstalled', async ({ context }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs) => forget('Parley was uninstalled', context));
  app.event('tokens_revoked', async ({ event, context }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs) => {
    // Parley asks for no user tokens: only a revoked bot token ends its installation.
    if ((event.tokens.bot ?? []).length > 0) await forget('the bot token was revoked', context);
  });
}
