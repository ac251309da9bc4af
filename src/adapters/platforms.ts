import type { Parley } from '../app/parley';
import type { DigestPoster } from '../digest/poster';
import type { Logger } from '../log';
import type { Settings } from '../settings';

/** A chat platform adapter that is serving requests. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
  /** Posts the daily digests into this platform's channels; absent when the adapter cannot post. */
  digestPoster?: DigestPoster;
}

/**
 * Starts every platform adapter whose credentials are configured. Several can run in one
 * process; when none is configured, `main` falls back to the local console.
 */
export async function startPlatformAdapters(parley: Parley, settings: Settings, log: Logger): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  // Each platform's stack (discord.js, Bolt) is imported only when that platform is configured.
  if (settings.discord) {
    const { startDiscord } = await import('./discord/startDiscord');
    running.push(await startDiscord(parley, settings.discord, log));
  }
  if (settings.slack) {
    const { startSlackAdapter } = await import('./slack/app');
    running.push(await startSlackAdapter(parley, { ...settings.slack, logLevel: settings.logLevel }, log));
  }
  return running;
}
