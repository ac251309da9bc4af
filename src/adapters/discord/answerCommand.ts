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

/** A slash command as it arrives, over the gateway or over HTTP. */
export interface Interaction {
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
export async function answerCommand(parley: Parley, interaction: Interaction, responder: InteractionResponder, log: Logger): Promise<void> {
  const label = `/${interaction.name}`;
  let deferred: Deferral = 'not';
  try {
    const command = parley.registry.get(interaction.name);
    const options = command ? optionsFromInteraction(command, interaction.options) : {};
    const prepared = parley.prepare({ command: interaction.name, options, caller: interaction.caller });
    // A request refused as it stands (input the command's schema rejects) is answered at once, without running anything.
    const deferredPrivately = prepared.runs && prepared.repliesPrivately;
    if (prepared.runs) {
      await responder.defer(deferredPrivately);
      deferred = deferredPrivately ? 'privately' : 'publicly';
    }
    const outcome = await prepared.outcome();
    log.debug(`discord: ${label} from user ${interaction.caller.userId ?? '?'}: ${outcome.ok ? 'answered' : outcome.error.code}`);
    const messages = outcome.ok ? renderReply(outcome.reply) : [renderFailure(outcome.error)];
    // A reply acknowledged privately stays private: it cannot turn public afterwards.
    const ephemeral = deferredPrivately || !outcome.ok || outcome.reply.ephemeral === true;
    await deliver(messages, ephemeral, deferred, responder);
  } catch (error) {
    log.error(`discord: ${label} could not be answered`, error);
    // Privately, as every error: after a public "thinking…" that one goes.
    await deliver([APOLOGY], true, deferred, responder).catch((reason: unknown) => log.error(`discord: could not apologise for ${label}`, reason));
  }
}

/** Whether, and how, the interaction was acknowledged before its answer. */
type Deferral = 'not' | 'publicly' | 'privately';

async function deliver(messages: DiscordMessage[], ephemeral: boolean, deferred: Deferral, responder: InteractionResponder): Promise<void> {
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
