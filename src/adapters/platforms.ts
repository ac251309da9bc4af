import type { Parley } from '../app/parley';
import type { Logger } from '../log';
import type { Settings } from '../settings';
import { consoleAdapter } from './console/adapter';
import type { Adapter, RunningAdapter } from './contract';
import { discordAdapter } from './discord/adapter';
import { slackAdapter } from './slack/adapter';

/** The chat platforms, each served when its settings are configured; several can run in one process. */
export const PLATFORMS: readonly Adapter[] = [discordAdapter, slackAdapter];

/**
 * Starts what a run serves: every configured platform, or the console when none is
 * configured or when the command line holds a console run (a one-shot command, `--json`).
 */
export function startAdapters(parley: Parley, settings: Settings, log: Logger, argv: readonly string[]): Promise<RunningAdapter[]> {
  const platforms = argv.length > 0 ? [] : PLATFORMS.filter((adapter) => adapter.configured(settings));
  return startEach(platforms.length > 0 ? platforms : [consoleAdapter(argv)], parley, settings, log);
}

/** Starts every configured platform, without the console. */
export function startPlatformAdapters(parley: Parley, settings: Settings, log: Logger): Promise<RunningAdapter[]> {
  return startEach(
    PLATFORMS.filter((adapter) => adapter.configured(settings)),
    parley,
    settings,
    log,
  );
}

async function startEach(adapters: readonly Adapter[], parley: Parley, settings: Settings, log: Logger): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  for (const adapter of adapters) running.push(await adapter.start(parley, settings, log));
  return running;
}
