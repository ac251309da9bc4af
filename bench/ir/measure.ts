import { collectGarbage } from '../common/child';
import { megabytes, PeakHeap } from '../common/memory';
import { mean, percentile } from '../common/stats';
import { readBeirDataset } from './beir';
import { ndcgAt, recallAt, reciprocalRankAt } from './metrics';
import { retrieverNamed } from './retrievers';

/** The figures of one engine on one dataset. */
export interface RetrievalFigures {
  'ndcg@10': number;
  'recall@100': number;
  'mrr@10': number;
  indexMs: number;
  queryP50Ms: number;
  queryP99Ms: number;
  /** The most heap the engine used while indexing and answering, above the loaded dataset. */
  peakHeapMB: number;
}

/** Indexes the dataset, ranks every judged query, and scores the rankings. */
export async function measureRetriever(name: string, dataset: string, split: string): Promise<RetrievalFigures> {
  const { documents, queries, judgments } = readBeirDataset(dataset, split);
  const retriever = retrieverNamed(name);
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  const heap = new PeakHeap();
  heap.start();

  const indexStart = performance.now();
  await retriever.index(documents);
  const indexMs = performance.now() - indexStart;

  // The first pass ranks (and warms up the JIT); the second one is timed.
  const rankings: string[][] = [];
  for (const query of queries) rankings.push(await retriever.search(query.text, RANKING_DEPTH));
  const latencies = [];
  for (const query of queries) {
    const start = performance.now();
    await retriever.search(query.text, RANKING_DEPTH);
    latencies.push(performance.now() - start);
  }
  const peakHeap = heap.stop();

  const average = (metric: (ranking: string[], judged: ReadonlyMap<string, number>) => number): number =>
    mean(queries.map((query, i) => metric(rankings[i]!, judgments.get(query.id)!)));
  return {
    'ndcg@10': average((ranking, judged) => ndcgAt(10, ranking, judged)),
    'recall@100': average((ranking, judged) => recallAt(100, ranking, judged)),
    'mrr@10': average((ranking, judged) => reciprocalRankAt(10, ranking, judged)),
    indexMs,
    queryP50Ms: percentile(latencies, 50),
    queryP99Ms: percentile(latencies, 99),
    peakHeapMB: megabytes(Math.max(0, peakHeap - baseline)),
  };
}

/** Recall@100 needs the first 100 documents of every ranking. */
const RANKING_DEPTH = 100;
