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
import type { DiscordSettings, DiscordShards } from './settings';
import type { RunningAdapter } from '../contract';
import { DeliveryLog } from '../deliveries';
import { answerCommand, discordCaller, type InteractionResponder } from './answerCommand';
import { autocompleteChoices } from './autocomplete';
import { discordDigestPoster } from './digestPoster';
import { NO_MENTIONS } from './renderReply';

/**
 * Parley on Discord over the gateway: discord.js keeps a WebSocket open to Discord, which
 * sends every slash command and autocompletion through it. Only the Guilds intent (not
 * privileged) is asked for: Parley reads no messages. With shards set, this process runs
 * only those (discord.js's `shards` and `shardCount`), and Discord sends it only the
 * interactions of their servers; other processes run the other shards.
 */
export async function startDiscordGateway(parley: Parley, settings: Extract<DiscordSettings, { mode: 'gateway' }>, log: Logger): Promise<RunningAdapter> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { api: settings.apiUrl },
    ...(settings.shards ? { shards: settings.shards.ids, shardCount: settings.shards.count } : {}),
  });
  const deliveries = new DeliveryLog({ shared: parley.sharedDeliveries, log });
  client.on(Events.InteractionCreate, (interaction) => {
    // Which process was sent what, when several share the bot's shards.
    if (interaction.guild) log.debug(`discord: interaction ${interaction.id} (/${interactionName(interaction)}) in server ${interaction.guild.id} on shard ${interaction.guild.shardId}`);
    // Autocompletion is answered every time: a repeat changes nothing, and a keystroke should not write to the database.
    const first = interaction.isAutocomplete() ? Promise.resolve(true) : deliveries.isFirst(`discord:${interaction.id}`);
    first
      .then((first) => {
        if (first) return handleInteraction(parley, interaction, log);
        log.info(`discord: interaction ${interaction.id} delivered again; answered already`);
      })
      .catch((error: unknown) => log.error('discord: an interaction failed (the bot keeps running)', error));
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
  const sharding = settings.shards ? `, ${shardsRun(settings.shards)} (${serverCount(client.guilds.cache.size)})` : '';
  log.info(`discord: connected as ${client.user?.tag ?? 'the bot'} over the gateway${sharding}`);

  return {
    name: 'Discord (gateway)',
    stop: () => client.destroy(),
    digestPoster: discordDigestPoster(client.rest),
  };
}

/** "shard 0 of 2", "shards 0-3, 8 of 16": runs of ids as ranges, so that a thousand shards stay one short line. */
function shardsRun({ ids, count }: DiscordShards): string {
  const runs: [number, number][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && id === last[1] + 1) last[1] = id;
    else runs.push([id, id]);
  }
  const shown = runs.map(([first, last]) => (first === last ? String(first) : `${first}-${last}`)).join(', ');
  return `${ids.length === 1 ? 'shard' : 'shards'} ${shown} of ${count}`;
}

const serverCount = (count: number): string => `${count} ${count === 1 ? 'server' : 'servers'}`;

const interactionName = (interaction: Interaction): string => ('commandName' in interaction ? interaction.commandName : `type ${interaction.type}`);

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
