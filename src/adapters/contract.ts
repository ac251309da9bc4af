import type { Parley } from '../app/parley';
import type { DigestPoster } from '../digest/poster';
import type { Logger } from '../log';
import type { Settings } from '../settings';

/**
 * What every adapter is to the application: a way of serving Parley's commands on one
 * platform (the console, Discord, Slack), started when its settings are configured.
 */
export interface Adapter {
  name: string;
  /** Whether the settings configure this platform. */
  configured(settings: Settings): boolean;
  start(parley: Parley, settings: Settings, log: Logger): Promise<RunningAdapter>;
}

/** An adapter that is serving requests. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
  /** Posts the daily digests into this platform's channels; absent when the adapter cannot post. */
  digestPoster?: DigestPoster;
  /**
   * For an adapter that ends by itself (the console, at the end of its input): resolves with
   * the process's exit code when it has. The others serve until they are stopped.
   */
  finished?: Promise<number>;
}
