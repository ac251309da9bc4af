import { registerSlashCommands } from '../src/adapters/discord/registerCommands';
import { loadCommands } from '../src/core/registry';
import { loadSettings } from '../src/settings';

/**
 * `npm run register`: uploads Parley's slash commands to Discord, replacing the registered
 * ones. Run it after adding or changing a command. Exit codes: 0 done, 1 Discord refused,
 * 2 settings missing or invalid.
 */
async function register(): Promise<number> {
  const settings = loadSettings();
  if (!settings) return 2;
  const discord = settings.discord;
  if (!discord?.token) return fail(2, 'Set DISCORD_TOKEN (the bot token from the Discord developer portal) in .env or the environment; see README, "Discord".');
  const commands = (await loadCommands()).list();
  try {
    const done = await registerSlashCommands({ ...discord, token: discord.token }, commands);
    const names = done.names.map((name) => `/${name}`).join(', ');
    process.stdout.write(
      done.guildId
        ? `Registered ${done.names.length} commands in guild ${done.guildId}: ${names}. They are usable there now.\n`
        : `Registered ${done.names.length} commands globally: ${names}. Discord clients may take a few minutes to show changes.\n`,
    );
    return 0;
  } catch (error) {
    return fail(1, `Discord refused the registration: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(code: number, message: string): number {
  process.stderr.write(`${message}\n`);
  return code;
}

register().then((code) => {
  process.exitCode = code;
});
