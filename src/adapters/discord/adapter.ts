import type { Adapter } from '../contract';

/**
 * Parley on Discord, in the configured mode: over the gateway, or as an HTTP interactions
 * endpoint. discord.js is imported only when Discord is configured.
 */
export const discordAdapter: Adapter = {
  name: 'discord',
  configured: (settings) => settings.discord !== null,
  async start(parley, { discord }, log) {
    if (!discord) throw new Error('Discord is not configured: set DISCORD_TOKEN (or DISCORD_MODE=http with DISCORD_PUBLIC_KEY).');
    if (discord.mode === 'http') return (await import('./httpInteractions')).startHttpInteractions(parley, discord, log);
    return (await import('./gateway')).startDiscordGateway(parley, discord, log);
  },
};
