import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { limitHeapGrowth } from '../../src/app/heapGrowth';
import { warmInsights } from '../../src/app/warmInsights';
import { openLibrary, SNAPSHOT_FILE } from '../../src/library/library';
import { INSIGHTS_FILE } from '../../src/store/dataFiles';
import { silentLogger } from '../../src/log';
import { megabytes } from '../common/memory';
import { CONFIG_DIR } from '../common/paths';

/**
 * Child process of run.ts: the bot's first start on a corpus (no snapshot yet), which loads
 * and segments every file, builds the index and writes the snapshot, then warms up as a
 * serving bot does: attributes statements and dates events in every article, and saves
 * them to the insights snapshot for the restarts. Prints one JSON line.
 */
export interface BuildFigures {
  articles: number;
  passages: number;
  indexMs: number;
  snapshotMB: number;
  /** The first start's warm-up: computing every article's statements and events, and saving them. */
  firstWarmUpMs: number;
  insightsMB: number;
  buildPeakRssMB: number;
}

const { values } = parseArgs({ options: { corpus: { type: 'string' }, data: { type: 'string' } } });
const [corpusDir, dataDir] = [values.corpus!, values.data!];

// As the bot runs (src/main.ts).
limitHeapGrowth();
const start = performance.now();
const library = openLibrary({ corpusDir, configDir: CONFIG_DIR, dataDir, useSnapshot: true }, silentLogger);
const { engine, loadedFrom } = library;
const indexMs = performance.now() - start;
if (loadedFrom !== 'corpus') throw new Error(`expected a build from the corpus, got a start from the ${loadedFrom}`);
const warmUpStart = performance.now();
await warmInsights(library, silentLogger);
const firstWarmUpMs = performance.now() - warmUpStart;

const figures: BuildFigures = {
  articles: engine.articleCount,
  passages: engine.passageCount,
  indexMs,
  snapshotMB: megabytes(statSync(join(dataDir, SNAPSHOT_FILE)).size),
  firstWarmUpMs,
  insightsMB: megabytes(statSync(join(dataDir, INSIGHTS_FILE)).size),
  buildPeakRssMB: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
