import { renderText } from '../src/adapters/console/renderText';
import { DEFAULT_INGEST_OPTIONS, Ingester } from '../src/ingest/ingest';
import { SharedArticleStore } from '../src/ingest/sharedArticleStore';
import { progressFor } from '../src/ingest/progress';
import { ingestReply } from '../src/ingest/summary';
import { createLogger } from '../src/log';
import { loadSettings } from '../src/settings';
import { openStorage } from '../src/store/openStorage';

/**
 * `npm run ingest -- <path|url|feed-url>… [--json]`: adds articles to the corpus folder, or
 * with PARLEY_DATABASE_URL to the corpus the replicas share. A running bot picks them up by itself. Exit code 0 when every article was added
 * or already there, 1 when some could not be, 2 for bad arguments or settings.
 */
async function main(argv: readonly string[]): Promise<number> {
  const settings = loadSettings();
  if (!settings) return 2;
  const json = argv.includes('--json');
  const sources = argv.filter((arg) => arg !== '--json');
  if (sources.length === 0) {
    process.stderr.write('Usage: npm run ingest -- <file|folder|page-url|feed-url>… [--json]\n');
    return 2;
  }
  const log = createLogger(settings.logLevel, settings.secrets);
  // Only the shared corpus needs the database: without it, nothing but the corpus folder is touched.
  const storage = settings.databaseUrl ? await openStorage(settings, log) : null;
  const corpus = storage?.articles ? new SharedArticleStore(storage.articles) : settings.corpusDir;
  const ingester = new Ingester(corpus, settings.fetch, log, undefined, { ...DEFAULT_INGEST_OPTIONS, maxFeedEntries: settings.feedLimits.maxEntries });
  let allStored = true;
  try {
    for (const source of sources) {
      const report = await ingester.ingest(source, { allowLocalFiles: true, progress: progressFor(process.stderr, log) });
      const reply = ingestReply(report);
      process.stdout.write(json ? `${JSON.stringify(reply)}\n` : `${renderText(reply)}\n\n`);
      allStored &&= report.items.every((item) => item.outcome === 'added' || item.outcome === 'duplicate');
    }
  } finally {
    await storage?.close();
  }
  return allStored ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ingest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
