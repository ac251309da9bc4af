import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runChild } from '../common/child';
import { describeMachine } from '../common/machine';
import { formatTable } from '../common/table';
import { BeirFormatError, readBeirDataset } from './beir';
import type { RetrievalFigures } from './measure';
import { RETRIEVER_NAMES } from './retrievers';

/**
 * `npm run -s bench:ir -- --dataset <dir> --split <name> [--json]`: retrieval quality and
 * speed of Parley's engine and its peers on a BEIR dataset, each engine measured in a
 * process of its own, then printed side by side with each peer's ratio to Parley.
 */
const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    split: { type: 'string', default: 'test' },
    json: { type: 'boolean', default: false },
  },
});
if (!values.dataset) {
  process.stderr.write('usage: npm run -s bench:ir -- --dataset <BEIR folder> [--split test] [--json]\n');
  process.exit(2);
}
const { dataset, split } = { dataset: values.dataset, split: values.split };

const MEASURE_ONE = join(import.meta.dirname, 'measureOne.ts');

// Read once here so that a malformed dataset is reported before any engine runs.
const { name, documents, queries } = readDataset();
const log = (line: string): void => void process.stderr.write(`${line}\n`);
log(`${name} ${split}: ${documents.length} documents, ${queries.length} judged queries`);

const figures = new Map<string, RetrievalFigures>();
for (const engine of RETRIEVER_NAMES) {
  log(`measuring ${engine}…`);
  figures.set(engine, await runChild<RetrievalFigures>(MEASURE_ONE, ['--engine', engine, '--dataset', dataset, '--split', split]));
}

const ours = figures.get('parley')!;
const peers = Object.fromEntries([...figures].filter(([engine]) => engine !== 'parley'));
const machine = describeMachine();
const report = { dataset: name, split, queries: queries.length, documents: documents.length, ...ours, peers, machine };

process.stdout.write(`${formatReport()}\n`);
if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);

function readDataset(): ReturnType<typeof readBeirDataset> {
  try {
    return readBeirDataset(dataset, split);
  } catch (error) {
    if (!(error instanceof BeirFormatError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

function formatReport(): string {
  const columns: [keyof RetrievalFigures, string, number][] = [
    ['ndcg@10', 'nDCG@10', 3],
    ['recall@100', 'Recall@100', 3],
    ['mrr@10', 'MRR@10', 3],
    ['indexMs', 'index ms', 0],
    ['queryP50Ms', 'query p50 ms', 2],
    ['queryP99Ms', 'query p99 ms', 2],
    ['peakHeapMB', 'peak heap MB', 0],
  ];
  const rows = [...figures].map(([engine, f]) => [
    engine,
    ...columns.map(([key, , digits]) => {
      const value = f[key].toFixed(digits);
      return engine === 'parley' ? value : `${value} (${(f[key] / ours[key]).toFixed(2)}×)`;
    }),
  ]);
  return [
    `${name} ${split}: ${documents.length} documents, ${queries.length} queries — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}`,
    formatTable(['engine', ...columns.map(([, title]) => title)], rows),
    '(peer figures are followed by their ratio to Parley’s)',
  ].join('\n');
}
