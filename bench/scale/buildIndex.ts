import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { limitHeapGrowth } from '../../src/app/heapGrowth';
import { openLibrary, SNAPSHOT_FILE } from '../../src/library/library';
import { silentLogger } from '../../src/log';
import { megabytes } from '../common/memory';
import { CONFIG_DIR } from '../common/paths';

/**
 * Child process of run.ts: the bot's first start on a corpus (no snapshot yet), which loads
 * and segments every file, builds the index and writes the snapshot. Prints one JSON line.
 */
export interface BuildFigures {
  articles: number;
  passages: number;
  indexMs: number;
  snapshotMB: number;
  buildPeakRssMB: number;
}

const { values } = parseArgs({ options: { corpus: { type: 'string' }, data: { type: 'string' } } });
const [corpusDir, dataDir] = [values.corpus!, values.data!];

// As the bot runs (src/main.ts).
limitHeapGrowth();
const start = performance.now();
const { engine, loadedFrom } = openLibrary({ corpusDir, configDir: CONFIG_DIR, dataDir, useSnapshot: true }, silentLogger);
const indexMs = performance.now() - start;
if (loadedFrom !== 'corpus') throw new Error(`expected a build from the corpus, got a start from the ${loadedFrom}`);

const figures: BuildFigures = {
  articles: engine.articleCount,
  passages: engine.passageCount,
  indexMs,
  snapshotMB: megabytes(statSync(join(dataDir, SNAPSHOT_FILE)).size),
  buildPeakRssMB: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
