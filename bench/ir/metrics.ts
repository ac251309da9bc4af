/**
 * Ranking metrics as BEIR computes them (with pytrec_eval, i.e. trec_eval's definitions):
 * a ranking is a list of document ids, best first; judgments map a document id to its
 * graded relevance, where 0 or less means "judged, not relevant".
 */
export type Judgments = ReadonlyMap<string, number>;

/**
 * nDCG@k with linear gains (gain = relevance grade, as trec_eval's ndcg_cut) and a log2
 * discount: the document at rank r (from 1) counts grade / log2(r + 1). The ideal ranking
 * puts every judged document in grade order. A query with nothing relevant scores 0.
 */
export function ndcgAt(k: number, ranking: readonly string[], judgments: Judgments): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => {
    dcg += gain(judgments.get(id)) / Math.log2(i + 2);
  });
  const ideal = [...judgments.values()]
    .map(gain)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Recall@k: the share of the relevant documents found in the first k. */
export function recallAt(k: number, ranking: readonly string[], judgments: Judgments): number {
  const relevant = [...judgments.values()].filter((grade) => grade > 0).length;
  if (relevant === 0) return 0;
  return ranking.slice(0, k).filter((id) => gain(judgments.get(id)) > 0).length / relevant;
}

/** Reciprocal rank of the first relevant document, 0 when none is in the first k. */
export function reciprocalRankAt(k: number, ranking: readonly string[], judgments: Judgments): number {
  const rank = ranking.slice(0, k).findIndex((id) => gain(judgments.get(id)) > 0);
  return rank === -1 ? 0 : 1 / (rank + 1);
}

const gain = (grade: number | undefined): number => Math.max(0, grade ?? 0);
