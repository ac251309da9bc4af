import { once } from 'node:events';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  RESTEvents,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Parley } from '../../app/parley';
import type { Logger } from '../../log';
import type { DiscordSettings } from './settings';
import type { RunningAdapter } from '../contract';
import { DeliveryLog } from '../deliveries';
import { answerCommand, discordCaller, type InteractionResponder } from './answerCommand';
import { autocompleteChoices } from './autocomplete';
import { discordDigestPoster } from './digestPoster';
import { NO_MENTIONS } from './renderReply';

/**
 * Parley on Discord over the gateway: discord.js keeps a WebSocket open to Discord, which
 * sends every slash command and autocompletion through it. Only the Guilds intent (not
 * privileged) is asked for: Parley reads no messages.
 */
export async function startDiscordGateway(parley: Parley, settings: Extract<DiscordSettings, { mode: 'gateway' }>, log: Logger): Promise<RunningAdapter> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { api: settings.apiUrl },
  });
  const deliveries = new DeliveryLog();
  client.on(Events.InteractionCreate, (interaction) => {
    if (!deliveries.isFirst(interaction.id)) {
      log.info(`discord: interaction ${interaction.id} delivered again; answered already`);
      return;
    }
    handleInteraction(parley, interaction, log).catch((error: unknown) => log.error('discord: an interaction failed (the bot keeps running)', error));
  });
  client.on(Events.Error, (error) => log.error('discord: client error (the bot keeps running)', error));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
  // discord.js's own debug lines, except the one that shows the start of the token.
  client.on(Events.Debug, (message) => {
    if (!message.startsWith('Provided token')) log.debug(`discord: ${message}`);
  });
  client.rest.on(RESTEvents.RateLimited, (info) => log.warn(`discord: rate limited on ${info.route} for ${info.retryAfter} ms`));

  await client.login(settings.token);
  if (!client.isReady()) await once(client, Events.ClientReady);
  log.info(`discord: connected as ${client.user?.tag ?? 'the bot'} over the gateway`);

  return {
    name: 'Discord (gateway)',
    stop: () => client.destroy(),
    digestPoster: discordDigestPoster(client.rest),
  };
}

async function handleInteraction(parley: Parley, interaction: Interaction, log: Logger): Promise<void> {
  if (interaction.isAutocomplete()) {
    await interaction.respond(autocompleteChoices(parley, interaction.commandName, interaction.options.getFocused(true)));
  } else if (interaction.isChatInputCommand()) {
    const caller = discordCaller(interaction.user.id, interaction.channelId, interaction.memberPermissions);
    await answerCommand(parley, { name: interaction.commandName, options: interaction.options.data, caller }, responderFor(interaction), log);
  }
}

function responderFor(interaction: ChatInputCommandInteraction): InteractionResponder {
  const flags = (ephemeral: boolean) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});
  return {
    reply: async (message, ephemeral) => {
      await interaction.reply({ ...message, allowedMentions: NO_MENTIONS, ...flags(ephemeral) });
    },
    defer: async (ephemeral) => {
      await interaction.deferReply(flags(ephemeral));
    },
    editOriginal: async (message) => {
      await interaction.editReply({ ...message, allowedMentions: NO_MENTIONS });
    },
    deleteOriginal: () => interaction.deleteReply(),
    followUp: async (message, ephemeral) => {
      await interaction.followUp({ ...message, allowedMentions: NO_MENTIONS, ...flags(ephemeral) });
    },
  };
}
