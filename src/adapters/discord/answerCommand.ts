import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { Parley } from '../../app/parley';
import type { Caller } from '../../core/command';
import type { Logger } from '../../log';
import { renderFailure, renderReply, type DiscordMessage } from './renderReply';
import { optionsFromInteraction, type InteractionOption } from './slashCommands';

/** The ways of answering an interaction, the same over the gateway and over HTTP. */
export interface InteractionResponder {
  /** Answers at once, as the first response. */
  reply(message: DiscordMessage, ephemeral: boolean): Promise<void>;
  /** Acknowledges at once, showing "thinking…" (to the asker alone, when `ephemeral`); the reply may then take up to 15 minutes. */
  defer(ephemeral: boolean): Promise<void>;
  editOriginal(message: DiscordMessage): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(message: DiscordMessage, ephemeral: boolean): Promise<void>;
}

export interface CommandRequest {
  name: string;
  options: readonly InteractionOption[];
  caller: Caller;
}

const APOLOGY: DiscordMessage = { content: 'Sorry, Parley could not answer this time. The error has been logged; please try again later.', embeds: [] };

/**
 * Answers one slash command. Discord drops an interaction not answered within 3 s and a
 * search may take longer, so a command that will run is acknowledged (deferred) before it
 * runs, and its reply then replaces the "thinking…" message, with follow-ups when it needs
 * more than one message. A request its command's schema rejects is answered at once, seen
 * by the asker alone, as are errors and private replies. Never throws: a failure is logged
 * and, where Discord still lets us, answered with an apology.
 */
export async function answerCommand(parley: Parley, request: CommandRequest, responder: InteractionResponder, log: Logger): Promise<void> {
  const label = `/${request.name}`;
  let deferred = false;
  try {
    const command = parley.commands().find((c) => c.name === request.name);
    const options = command ? optionsFromInteraction(command, request.options) : {};
    // Input the command's schema rejects is answered at once, without running anything.
    const parsed = command?.options.safeParse(options);
    let deferredPrivately = false;
    if (command && parsed?.success) {
      deferredPrivately = command.repliesPrivately?.(parsed.data, request.caller) ?? false;
      await responder.defer(deferredPrivately);
      deferred = true;
    }
    const outcome = await parley.run(request.name, options, request.caller);
    log.debug(`discord: ${label} from user ${request.caller.userId ?? '?'}: ${outcome.ok ? 'answered' : outcome.error.code}`);
    const messages = outcome.ok ? renderReply(outcome.reply) : [renderFailure(outcome.error)];
    // A reply acknowledged privately stays private: it cannot turn public afterwards.
    const ephemeral = deferredPrivately || !outcome.ok || outcome.reply.ephemeral === true;
    await deliver(messages, ephemeral, deferred && !deferredPrivately ? 'publicly' : deferred ? 'privately' : 'not', responder);
  } catch (error) {
    log.error(`discord: ${label} could not be answered`, error);
    const apologise = deferred ? responder.editOriginal(APOLOGY) : responder.reply(APOLOGY, true);
    await apologise.catch((reason: unknown) => log.error(`discord: could not apologise for ${label}`, reason));
  }
}

async function deliver(messages: DiscordMessage[], ephemeral: boolean, deferred: 'not' | 'publicly' | 'privately', responder: InteractionResponder): Promise<void> {
  const [first, ...more] = messages;
  if (deferred === 'not') await responder.reply(first!, ephemeral);
  else if (deferred === 'privately' || !ephemeral) await responder.editOriginal(first!);
  else {
    // A reply deferred in public cannot turn private: the public "thinking…" goes, and a private message follows.
    await responder.deleteOriginal();
    await responder.followUp(first!, true);
  }
  for (const message of more) await responder.followUp(message, ephemeral);
}

/** Who asked: in a server, whether they have Manage Server (which managing a channel needs); in a DM nobody manages a channel. */
export function discordCaller(userId: string | null, channelId: string | null, permissions: Readonly<PermissionsBitField> | null): Caller {
  return {
    platform: 'discord',
    userId,
    channelId,
    canManageChannel: permissions ? permissions.has(PermissionFlagsBits.ManageGuild) : false,
  };
}
