import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LABELLED_STATEMENTS, WRITTEN_ARTICLES } from '../attribution/labelledStatements';
import { loadCorpus } from '../../src/corpus/loader';
import { openLibrary } from '../../src/library/library';
import { silentLogger } from '../../src/log';
import { formatAttributionScore, scoreAttribution } from '../attribution/scoreAttribution';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { runChild } from '../common/child';
import { describeMachine } from '../common/machine';
import { servingNodeFlags } from '../common/servingFlags';
import { CONFIG_DIR, SEED_CORPUS_DIR } from '../common/paths';
import { formatTable } from '../common/table';
import type { BuildFigures } from './buildIndex';
import { BENCHMARKED_COMMANDS } from './commands';
import { CorpusGenerator, writeCorpus } from './generateCorpus';
import type { ServeFigures } from './serve';

/**
 * `npm run -s bench [-- --articles N] [--json]`: speed and memory at 1,000, 10,000 and
 * 50,000 generated articles. For each size, one process builds the index as the bot's first
 * start does, and another starts from the snapshot and runs every benchmarked command, both
 * with the Node options `npm start` gives the bot.
 */
const { values } = parseArgs({
  options: {
    articles: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
  },
});
const sizes = (values.articles ?? ['1000', '10000', '50000']).map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  process.stderr.write('usage: npm run -s bench -- [--articles N]… [--json]   (N: a whole number of articles)\n');
  process.exit(2);
}

const BUILD = join(import.meta.dirname, 'buildIndex.ts');
/** Both children run as `npm start` runs the bot. */
const NODE_FLAGS = servingNodeFlags();
const SERVE = join(import.meta.dirname, 'serve.ts');
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const generator = new CorpusGenerator(loadCorpus(SEED_CORPUS_DIR).articles, loadVocabulary(CONFIG_DIR));

type SizeFigures = Omit<BuildFigures & ServeFigures, 'commands'> & { peakRssMB: number } & Record<string, number>;
const results: SizeFigures[] = [];
for (const size of sizes) {
  const work = mkdtempSync(join(tmpdir(), `parley-bench-${size}-`));
  try {
    const [corpus, data] = [join(work, 'corpus'), join(work, 'data')];
    log(`${size} articles: generating…`);
    writeCorpus(corpus, generator, size);
    log(`${size} articles: building the index…`);
    const build = await runChild<BuildFigures>(BUILD, ['--corpus', corpus, '--data', data], NODE_FLAGS);
    log(`${size} articles: starting from the snapshot and running the commands…`);
    const { commands, ...serve } = await runChild<ServeFigures>(SERVE, ['--corpus', corpus, '--data', data], NODE_FLAGS);
    const perCommand = Object.fromEntries(
      Object.entries(commands).flatMap(([name, f]) => [
        [`${name}P50Ms`, f.p50Ms],
        [`${name}P99Ms`, f.p99Ms],
        [`${name}FirstP99Ms`, f.firstP99Ms],
        [`${name}Requests`, f.requests],
        [`${name}Abstained`, f.abstained],
        [`${name}Failed`, f.failed],
      ]),
    );
    results.push({ ...build, ...serve, peakRssMB: Math.max(build.buildPeakRssMB, serve.servePeakRssMB), ...perCommand });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const machine = describeMachine();
const attribution = scoreAttribution(
  openLibrary({ corpusDir: SEED_CORPUS_DIR, configDir: CONFIG_DIR, dataDir: tmpdir(), useSnapshot: false }, silentLogger),
  LABELLED_STATEMENTS,
  WRITTEN_ARTICLES,
);
process.stdout.write(`${formatReport()}\n`);
process.stdout.write(`${formatAttributionScore(attribution)}\n`);
if (values.json) {
  const figures = ({ party, speaker, topic, judgements }: typeof attribution.all) => ({ judgements, party, speaker, topic });
  process.stdout.write(
    `${JSON.stringify({ machine, sizes: results, attribution: { heldOut: figures(attribution.heldOut), tuning: figures(attribution.tuning), all: figures(attribution.all) } })}\n`,
  );
}

function formatReport(): string {
  const columns: [string, string, number][] = [
    ['passages', 'passages', 0],
    ['indexMs', 'index ms', 0],
    ['snapshotMB', 'snapshot MB', 1],
    ['coldStartMs', 'cold start ms', 0],
    ['firstWarmUpMs', 'first warm-up ms', 0],
    ['insightsMB', 'insights MB', 1],
    ['insightsMs', 'restart warm-up ms', 0],
    ['warmUpWorstAckMs', 'warm-up worst ack ms', 0],
    ['warmUpPositionMs', 'first position ms', 0],
    ['heapMB', 'heap MB', 0],
    ['buildPeakRssMB', 'build peak RSS MB', 0],
    ['servePeakRssMB', 'serve peak RSS MB', 0],
    ...BENCHMARKED_COMMANDS.flatMap(({ name }): [string, string, number][] => [
      [`${name}P50Ms`, `${name} p50 ms`, 2],
      [`${name}P99Ms`, `${name} p99 ms`, 2],
      [`${name}FirstP99Ms`, `${name} first p99 ms`, 2],
    ]),
  ];
  const rows = results.map((r) => [r.articles.toLocaleString('en-US'), ...columns.map(([key, , digits]) => (r[key] ?? NaN).toFixed(digits))]);
  return [
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}`,
    formatTable(['articles', ...columns.map(([, title]) => title)], rows),
  ].join('\n');
}
