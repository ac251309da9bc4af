import type { RunningAdapter } from './adapters/contract';
import { startAdapters } from './adapters/platforms';
import { clockFrom } from './app/clock';
import { limitHeapGrowth } from './app/heapGrowth';
import { Parley } from './app/parley';
import { warmInsights } from './app/warmInsights';
import { loadCommands } from './core/registry';
import { Digests } from './digest/digests';
import { DigestScheduler } from './digest/scheduler';
import { lazyIngester } from './ingest/lazyIngester';
import { leasedIngester } from './ingest/leasedIngester';
import { openLibrary } from './library/library';
import type { SharedCorpus } from './library/sharedCorpus';
import { createLogger, type Logger } from './log';
import { countedIngester } from './operation/countedIngester';
import { startHealthServer } from './operation/healthServer';
import { Readiness } from './operation/readiness';
import { loadSettings, type Settings } from './settings';
import { openStorage } from './store/openStorage';
import type { Storage } from './store/storage';

/** Entry point: settings, corpus and commands, then the adapters the settings ask for. */
async function main(): Promise<number> {
  limitHeapGrowth();
  const settings = loadSettings();
  if (!settings) return 2;
  const log = createLogger(settings.logLevel, settings.secrets, undefined, settings.logFormat);
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection (the bot keeps running)', reason));
  // `npm start -s -- position putin | head` closes the pipe early: stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  // Metrics are kept only where they can be read: prom-client is not even loaded without the health port.
  const metrics = settings.health ? new (await import('./operation/metrics')).Metrics() : null;
  const readiness = new Readiness();
  // Up first, so that /healthz answers (and /readyz says "not yet") while the index loads.
  const health = settings.health && metrics ? await startHealthServer(settings.health, readiness, metrics, log) : null;

  const now = clockFrom(settings.clockStart);
  // The storage first: whether the data folder was used before is judged before the index snapshot is written to it.
  let storage: Storage;
  try {
    storage = await openStorage(settings, log);
  } catch (error) {
    await health?.close(); // a listening health server would keep a process that could not start alive
    throw error;
  }
  log.debug(`state is kept in ${storage.description}`);
  const loadStarted = performance.now();
  // With Postgres, the corpus is shared: the library loads this replica's copy of it, and ingestion stores into it.
  let shared: SharedCorpus | null = null;
  try {
    shared = storage.articles ? await (await import('./library/sharedCorpus')).openSharedCorpus(storage.articles, settings, log) : null;
  } catch (error) {
    await health?.close();
    await storage.close();
    throw error;
  }
  const corpusSettings = shared ? { ...settings, corpusDir: shared.mirrorDir } : settings;
  const library = openLibrary(corpusSettings, log);
  metrics?.indexLoaded(library.loadedFrom, (performance.now() - loadStarted) / 1000);
  metrics?.corpusSizeFrom(() => library.engine.articleCount);
  readiness.pass('index');
  const digests = new Digests(storage, library, settings.digest, log, now);
  if (metrics) digests.onOutcome((outcome) => metrics.digest(outcome));
  const articleStore = storage.articles ? new (await import('./ingest/sharedArticleStore')).SharedArticleStore(storage.articles) : settings.corpusDir;
  const articleIngester = lazyIngester(articleStore, settings.fetch, log, now, { maxFeedEntries: settings.feedLimits.maxEntries });
  // With replicas on one database, a source is ingested by one of them at a time.
  const claimedIngester = settings.databaseUrl ? leasedIngester(articleIngester, storage.leases, log) : articleIngester;
  const ingester = metrics ? countedIngester(claimedIngester, metrics) : claimedIngester;
  const parley = new Parley(await loadCommands(), { library, now, digests, ingester, installations: storage.installations }, log, metrics ?? undefined, storage.deliveries);
  const argv = process.argv.slice(2);
  // A one-shot command (`npm start -- ask …`) exits at once; anything else runs until stopped.
  const oneShot = argv.some((arg) => arg !== '--json');
  // The corpus watcher (chokidar) and feed polling are loaded only by a run that keeps going.
  const live = oneShot ? null : (await import('./app/liveCorpus')).startLiveCorpus(library, ingester, storage.feedState, corpusSettings, log, now, shared, settings.databaseUrl ? storage.leases : null);
  // Loaded only by a run that keeps going, before its adapters start: a signal must never find it missing.
  const closeWithGrace = oneShot ? null : (await import('close-with-grace')).default;
  const release = async (): Promise<void> => {
    await live?.stop();
    await health?.close();
    await storage.close();
  };
  let adapters: RunningAdapter[];
  try {
    adapters = await startAdapters(parley, settings, log, argv);
  } catch (error) {
    await release(); // nothing may keep a process that could not start alive
    throw error;
  }
  readiness.pass('platforms');
  // An adapter that ends by itself (the console, at the end of its input) ends the run with its exit code.
  const ending = adapters.flatMap((adapter) => (adapter.finished ? [adapter.finished] : []));
  if (ending.length > 0) {
    readiness.pass('warm-up');
    try {
      return await Promise.race(ending);
    } finally {
      await stopAll(adapters, log);
      await release();
    }
  }

  const warmStarted = performance.now();
  void warmInsights(library, log).then(
    () => {
      metrics?.warmedUp((performance.now() - warmStarted) / 1000);
      readiness.pass('warm-up');
    },
    (error: unknown) => log.error('computing positions and events in the background failed', error),
  );
  for (const adapter of adapters) if (adapter.digestPoster) digests.registerPoster(adapter.digestPoster);
  const scheduler = new DigestScheduler(digests, log);
  scheduler.start();
  log.info(`serving ${adapters.map((a) => a.name).join(' and ')}; stop with Ctrl-C`);
  await shutDownOnSignal(closeWithGrace!, settings, log, async () => {
    readiness.stopping();
    scheduler.stop();
    // Commands under way reply and the digest post in hand is recorded; new commands are
    // turned away meanwhile. Digests not reached stay due and are posted after the restart.
    await Promise.all([parley.drain(), digests.stop()]);
    await stopAll(adapters, log);
    await release();
  });
  return 0;
}

/**
 * Waits for SIGTERM or SIGINT, then runs `close` within the shutdown deadline; past it, or
 * at a second signal, the process exits at once (close-with-grace).
 */
function shutDownOnSignal(closeWithGrace: CloseWithGrace, settings: Settings, log: Logger, close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    closeWithGrace(
      {
        delay: settings.shutdownSeconds * 1000,
        // Unhandled rejections are logged and the bot keeps running (see main); a crash still stops it gracefully.
        skip: ['unhandledRejection'],
        logger: { error: (message: string) => log.error(message) },
        onSecondSignal: (signal: string) => log.warn(`${signal} again: exiting now`),
        onTimeout: (delay: number) => log.error(`shutdown took more than ${delay / 1000} s: exiting now`),
      },
      async ({ signal, err }) => {
        if (err) log.error('stopping after an uncaught error', err);
        else log.info(`shutting down (${signal ?? 'requested'})`);
        await close();
        log.info('stopped');
        resolve();
      },
    );
  });
}

type CloseWithGrace = typeof import('close-with-grace');

async function stopAll(adapters: readonly RunningAdapter[], log: Logger): Promise<void> {
  const results = await Promise.allSettled(adapters.map((a) => a.stop()));
  results.forEach((result, i) => {
    if (result.status === 'rejected') log.warn(`stopping ${adapters[i]!.name} failed: ${String(result.reason)}`);
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
