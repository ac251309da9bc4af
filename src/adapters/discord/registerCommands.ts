import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
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
  const registered = (await rest.put(route, { body: slashCommandDefinitions(commands) })) as RESTPutAPIApplicationCommandsResult;
  return { applicationId, guildId: settings.guildId, names: registered.map((command) => command.name) };
}
