import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Parley } from '../../app/parley';
import { readCommandLine } from '../../core/args';
import type { Caller } from '../../core/command';
import type { Logger } from '../../log';
import type { CommandNames } from './commandNames';
import type { DeliveryLog } from '../deliveries';
import { decodeText } from './escape';
import { renderNotice, renderReply } from './renderBlocks';

export interface CommandListenerContext {
  parley: Parley;
  names: CommandNames;
  deliveries: DeliveryLog;
  /** Whether a user is a channel manager, asked with the workspace's bot token; only for commands marked `managesChannel` (digest, ingest). */
  isChannelManager: (userId: string, botToken: string | undefined) => Promise<boolean>;
  /** The workspace a request comes from, for its digest subscriptions; null where Parley has one token. */
  workspaceOf: (context: AllMiddlewareArgs['context']) => string | null;
  log: Logger;
}

const APOLOGY = 'Sorry, something went wrong on our side while answering. It has been logged; please try again later.';

/**
 * Answers one slash command: acknowledges it at once (Slack waits 3 seconds at most), runs it
 * through Parley, and sends the reply to its response_url. Bad input gets an ephemeral
 * message saying what was wrong; any failure is logged and answered with an apology, and
 * never escapes to take the app down.
 */
export function commandListener({ parley, names, deliveries, isChannelManager, workspaceOf, log }: CommandListenerContext) {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (!(await deliveries.isFirst(`slack:${command.trigger_id || command.response_url}`))) {
      log.info(`slack: ${command.command} delivered again (retry ${context.retryNum ?? 'without a number'}); answered already`);
      return;
    }
    try {
      const request = readCommandLine(parley.registry, decodeText(command.text), names.commandOf(command.command));
      const managesChannel = parley.registry.get(request.command)?.managesChannel === true;
      const canManageChannel = managesChannel && (await isChannelManager(command.user_id, context.botToken));
      const caller: Caller = { platform: 'slack', userId: command.user_id, channelId: command.channel_id, workspaceId: workspaceOf(context), canManageChannel };
      const outcome = await parley.run({ ...request, caller });
      if (!outcome.ok) {
        await respond({ ...renderNotice(outcome.error.message, names.slashCommand), response_type: 'ephemeral' });
        return;
      }
      const reply = outcome.reply;
      for (const message of renderReply(reply, names.slashCommand)) {
        await respond({ ...message, response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', unfurl_links: false, unfurl_media: false });
      }
    } catch (error) {
      log.error(`slack: ${command.command} failed`, error);
      await respond({ ...renderNotice(APOLOGY, names.slashCommand), response_type: 'ephemeral' }).catch((failure: unknown) =>
        log.error('slack: the apology could not be sent either', failure),
      );
    }
  };
}
