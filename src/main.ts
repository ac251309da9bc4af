import { runConsole } from './adapters/console/console';
import { startPlatformAdapters } from './adapters/platforms';
import { clockFrom } from './app/clock';
import { startLiveCorpus } from './app/liveCorpus';
import { limitHeapGrowth } from './app/heapGrowth';
import { Parley } from './app/parley';
import { warmInsights } from './app/warmInsights';
import { loadCommands } from './core/registry';
import { Digests } from './digest/digests';
import { DigestScheduler } from './digest/scheduler';
import { DEFAULT_INGEST_OPTIONS, Ingester } from './ingest/ingest';
import { openLibrary } from './library/library';
import { createLogger } from './log';
import { loadSettings } from './settings';
import { openDatabase } from './store/database';

/** Entry point: settings, corpus and commands, then the adapters the settings ask for. */
async function main(): Promise<number> {
  limitHeapGrowth();
  const settings = loadSettings();
  if (!settings) return 2;
  const log = createLogger(settings.logLevel, settings.secrets);
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection (the bot keeps running)', reason));
  // `npm start -s -- position putin | head` closes the pipe early: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  const now = clockFrom(settings.clockStart);
  // The database first: whether the data folder was used before is judged before the index snapshot is written to it.
  const db = openDatabase(settings.dataDir, log);
  const library = openLibrary(settings, log);
  const digests = new Digests(db, library, settings.digest, log, now);
  const ingester = new Ingester(settings.corpusDir, settings.fetch, log, now, { ...DEFAULT_INGEST_OPTIONS, maxFeedEntries: settings.feedLimits.maxEntries });
  const parley = new Parley(await loadCommands(), library, log, { now, digests, ingester });
  const argv = process.argv.slice(2);
  // A one-shot command (`npm start -- ask …`) exits at once; anything else runs until stopped.
  const oneShot = argv.some((arg) => arg !== '--json');
  const live = oneShot ? null : startLiveCorpus(library, ingester, settings, log, now);
  try {
    const adapters = argv.length === 0 ? await startPlatformAdapters(parley, settings, log) : [];
    if (adapters.length === 0) {
      return await runConsole(parley, argv, { input: process.stdin, output: process.stdout, errors: process.stderr });
    }
    void warmInsights(library, log).catch((error: unknown) => log.error('computing positions and events in the background failed', error));
    for (const adapter of adapters) if (adapter.digestPoster) digests.registerPoster(adapter.digestPoster);
    const scheduler = new DigestScheduler(digests, log);
    scheduler.start();
    log.info(`serving ${adapters.map((a) => a.name).join(' and ')}; stop with Ctrl-C`);
    await waitForShutdownSignal();
    log.info('shutting down');
    scheduler.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    return 0;
  } finally {
    await live?.stop();
    db.close();
  }
}

function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Parley could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
