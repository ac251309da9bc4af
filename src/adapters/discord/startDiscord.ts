import type { Parley } from '../../app/parley';
import type { Reply } from '../../core/reply';
import type { Logger } from '../../log';
import type { DiscordSettings } from './settings';
import type { RunningAdapter } from '../platforms';
import type { PostOptions } from './channelPost';
import { startDiscordGateway } from './gateway';
import { startHttpInteractions } from './httpInteractions';

export interface RunningDiscordAdapter extends RunningAdapter {
  /** Posts a reply into a channel unprompted, rendered as command replies are; returns the message ids. */
  postReply(channelId: string, reply: Reply, options?: PostOptions): Promise<string[]>;
}

/** Starts Parley on Discord in the configured mode: over the gateway, or as an HTTP interactions endpoint. */
export function startDiscord(parley: Parley, settings: DiscordSettings, log: Logger): Promise<RunningDiscordAdapter> {
  return settings.mode === 'http' ? startHttpInteractions(parley, settings, log) : startDiscordGateway(parley, settings, log);
}
