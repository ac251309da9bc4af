import {
  ApplicationIntegrationType,
  InteractionContextType,
  REST,
  Routes,
  type APIApplication,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import type { CommandDefinition } from '../../core/command';
import type { DiscordSettings } from './settings';
import { slashCommandDefinitions } from './slashCommands';

export interface Registration {
  applicationId: string;
  /** The guild the commands were registered in, or null for global registration. */
  guildId: string | null;
  names: string[];
}

/**
 * Uploads the slash commands generated from `commands/`, replacing whatever was registered
 * before (Discord's bulk overwrite): in one guild when a guild id is set, where changes show
 * at once, else globally.
 */
export async function registerSlashCommands(
  settings: Pick<DiscordSettings, 'apiUrl' | 'applicationId' | 'guildId'> & { token: string },
  commands: readonly CommandDefinition[],
): Promise<Registration> {
  const rest = new REST({ api: settings.apiUrl }).setToken(settings.token);
  const applicationId = settings.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = settings.guildId ? Routes.applicationGuildCommands(applicationId, settings.guildId) : Routes.applicationCommands(applicationId);
  const definitions = slashCommandDefinitions(commands);
  const body = settings.guildId ? definitions : definitions.map((definition, i) => withPlaces(definition, commands[i]!));
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { applicationId, guildId: settings.guildId, names: registered.map((command) => command.name) };
}

/**
 * Where a global command may be used, said explicitly (Discord's default lets global commands
 * work in DMs): installed in servers only, and usable in a server or in a DM with the bot —
 * except commands for channel managers, which a DM has none of. Guild commands take neither
 * field; they only exist in their server.
 */
function withPlaces(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, command: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    ...definition,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: command.managesChannel ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}
