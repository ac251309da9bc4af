import { parseArgs } from 'node:util';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from '../../src/engine/engine';
import { CONFIG_DIR } from '../common/paths';
import { formatTable } from '../common/table';
import { readBeirDataset } from './beir';
import { ndcgAt } from './metrics';
import { ParleyRetriever } from './parley';

/**
 * `npx tsx bench/ir/crossValidate.ts --dataset <BEIR folder> --split train [--folds 5] [--json]`:
 * chooses the engine's settings (BM25 k1 and b, the title and heading weight, coordination,
 * passage spread, expansion of the query by the question reader's other wordings) by k-fold
 * cross-validation over the split's
 * queries. Each fold's queries are ranked with the setting best on the other folds; the mean
 * over every query is the cross-validated figure, an estimate of what choosing on this split
 * is worth on queries it has not seen. The figure of the setting best on the whole split is
 * printed beside it: the gap between the two is how much that choice fits this split.
 */
const { values } = parseArgs({
  options: { dataset: { type: 'string' }, split: { type: 'string', default: 'train' }, folds: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
});
if (!values.dataset) {
  process.stderr.write('usage: npx tsx bench/ir/crossValidate.ts --dataset <BEIR folder> [--split train] [--folds 5] [--json]\n');
  process.exit(2);
}
const folds = Number(values.folds);
const { name, documents, queries, judgments } = readBeirDataset(values.dataset, values.split!);
const vocabulary = loadVocabulary(CONFIG_DIR);

interface Setting {
  label: string;
  options: EngineOptions;
  expand: boolean;
}

const settings: Setting[] = [];
for (const k of [0.9, 1.2, 1.5]) {
  for (const b of [0.4, 0.6, 0.75]) {
    for (const fieldWeight of [0.5, 1]) {
      const options: EngineOptions = { ...DEFAULT_ENGINE_OPTIONS, bm25: { k, b, d: 0 }, fieldBoosts: { text: 1, heading: fieldWeight, title: fieldWeight } };
      settings.push({ label: `k1 ${k}, b ${b}, title ${fieldWeight}`, options, expand: false });
    }
  }
}
// The engine's other ranking choices, at its BM25 defaults.
settings.push({ label: 'defaults, with coordination', options: { ...DEFAULT_ENGINE_OPTIONS, coordination: true }, expand: false });
for (const passageSpread of [0, 0.3]) settings.push({ label: `defaults, passage spread ${passageSpread}`, options: { ...DEFAULT_ENGINE_OPTIONS, passageSpread }, expand: false });
// Expansion by the question reader, at the engine's own defaults and at the classic BM25 ones.
for (const bm25 of [DEFAULT_ENGINE_OPTIONS.bm25, { k: 1.2, b: 0.75, d: 0 }]) {
  settings.push({ label: `k1 ${bm25.k}, b ${bm25.b}, title 0.5, expanded`, options: { ...DEFAULT_ENGINE_OPTIONS, bm25 }, expand: true });
}

/** Per setting, per query: nDCG@10. */
const scores: number[][] = [];
for (const setting of settings) {
  const retriever = new ParleyRetriever(vocabulary, setting.options, setting.expand);
  retriever.index(documents);
  scores.push(queries.map((query) => ndcgAt(10, retriever.search(query.text, 10), judgments.get(query.id)!)));
  process.stderr.write(`${setting.label}: nDCG@10 ${mean(scores.at(-1)!).toFixed(3)}\n`);
}

const foldOf = (i: number): number => i % folds;
const chosen: string[] = [];
const crossValidated: number[] = [];
for (let fold = 0; fold < folds; fold++) {
  const inFold = queries.map((_, i) => foldOf(i) === fold);
  const trainMean = (perQuery: number[]) => mean(perQuery.filter((_, i) => !inFold[i]));
  const best = argmax(scores.map(trainMean));
  chosen.push(settings[best]!.label);
  scores[best]!.forEach((score, i) => {
    if (inFold[i]) crossValidated.push(score);
  });
}
const bestOverall = argmax(scores.map(mean));
const defaults = settings.findIndex((s) => !s.expand && s.options.bm25.k === DEFAULT_ENGINE_OPTIONS.bm25.k && s.options.bm25.b === DEFAULT_ENGINE_OPTIONS.bm25.b && s.options.fieldBoosts.title === DEFAULT_ENGINE_OPTIONS.fieldBoosts.title);
const report = {
  dataset: name,
  split: values.split,
  folds,
  crossValidatedNdcg10: mean(crossValidated),
  bestOnSplit: { setting: settings[bestOverall]!.label, ndcg10: mean(scores[bestOverall]!) },
  defaults: { setting: settings[defaults]!.label, ndcg10: mean(scores[defaults]!) },
  chosenPerFold: chosen,
  settings: settings.map((s, i) => ({ setting: s.label, ndcg10: mean(scores[i]!) })),
};

process.stdout.write(
  [
    `${name} ${values.split}: ${queries.length} queries, ${folds}-fold cross-validation of the engine's settings (nDCG@10)`,
    formatTable(['setting', 'nDCG@10'], report.settings.map((s) => [s.setting, s.ndcg10.toFixed(3)])),
    `best on the whole split: ${report.bestOnSplit.setting} — ${report.bestOnSplit.ndcg10.toFixed(3)}`,
    `the engine's defaults:   ${report.defaults.setting} — ${report.defaults.ndcg10.toFixed(3)}`,
    `cross-validated:         ${report.crossValidatedNdcg10.toFixed(3)} (each fold ranked with the setting best on the others: ${[...new Set(chosen)].join('; ')})`,
  ].join('\n') + '\n',
);
if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function argmax(xs: readonly number[]): number {
  return xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);
}
