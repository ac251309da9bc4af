import type { Parley } from '../app/parley';
import type { Reply } from '../core/reply';
import type { Logger } from '../log';
import type { Settings } from '../settings';
import { startDiscord } from './discord/startDiscord';

export interface PostOptions {
  /** Makes a retried post a no-op where the platform can deduplicate (Discord's message nonce). */
  nonce?: string;
}

/** A chat platform adapter that is serving requests. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
  /** Posts a reply into a channel unprompted (the daily digest), rendered as command replies are. */
  postReply?(channelId: string, reply: Reply, options?: PostOptions): Promise<void>;
}

/**
 * Starts every platform adapter whose credentials are configured. Several can run in one
 * process; when none is configured, `main` falls back to the local console.
 */
export async function startPlatformAdapters(parley: Parley, settings: Settings, log: Logger): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  if (settings.discord) running.push(await startDiscord(parley, settings.discord, log));
  return running;
}
