import type { Parley } from '../../app/parley';
import type { Logger } from '../../log';
import type { DiscordSettings } from './settings';
import type { RunningAdapter } from '../platforms';
import { startDiscordGateway } from './gateway';
import { startHttpInteractions } from './httpInteractions';

/** Starts Parley on Discord in the configured mode: over the gateway, or as an HTTP interactions endpoint. */
export function startDiscord(parley: Parley, settings: DiscordSettings, log: Logger): Promise<RunningAdapter> {
  return settings.mode === 'http' ? startHttpInteractions(parley, settings, log) : startDiscordGateway(parley, settings, log);
}
