import { describe, expect, it } from 'vitest';
import { mean, percentile } from '../../bench/common/stats';
import { ndcgAt, recallAt, reciprocalRankAt } from '../../bench/ir/metrics';

// d2 is highly relevant, d3 and d4 relevant, d1 judged not relevant, d5 not judged.
const judged = new Map([
  ['d1', 0],
  ['d2', 2],
  ['d3', 1],
  ['d4', 1],
]);

describe('nDCG@k (linear gains, log2 discount, as trec_eval)', () => {
  it('matches a hand-computed example', () => {
    // DCG@3 = 0/log2(2) + 2/log2(3) + 1/log2(4); ideal = 2/log2(2) + 1/log2(3) + 1/log2(4).
    const ideal = 2 + 1 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(3, ['d1', 'd2', 'd3'], judged)).toBeCloseTo((2 / Math.log2(3) + 1 / 2) / ideal, 12);
    expect(ndcgAt(3, ['d1', 'd2', 'd3'], judged)).toBeCloseTo(0.562727255, 8);
    // The cut-off applies to the ideal ranking too.
    expect(ndcgAt(2, ['d1', 'd2', 'd3'], judged)).toBeCloseTo(2 / Math.log2(3) / (2 + 1 / Math.log2(3)), 12);
  });

  it('is 1 for the ideal ranking and 0 without relevant documents', () => {
    expect(ndcgAt(10, ['d2', 'd3', 'd4', 'd1'], judged)).toBe(1);
    expect(ndcgAt(10, ['d2', 'd4', 'd3'], judged)).toBe(1);
    expect(ndcgAt(10, ['d1', 'd5'], judged)).toBe(0);
    expect(ndcgAt(10, [], judged)).toBe(0);
    expect(ndcgAt(10, ['d1'], new Map([['d1', 0]]))).toBe(0);
  });
});

describe('Recall@k', () => {
  it('is the share of relevant documents in the first k', () => {
    expect(recallAt(2, ['d1', 'd2', 'd3'], judged)).toBeCloseTo(1 / 3, 12);
    expect(recallAt(100, ['d5', 'd4', 'd3', 'd2'], judged)).toBe(1);
    expect(recallAt(100, ['d1'], new Map([['d1', 0]]))).toBe(0);
  });
});

describe('MRR@k', () => {
  it('is the reciprocal rank of the first relevant document within k', () => {
    expect(reciprocalRankAt(10, ['d1', 'd5', 'd3'], judged)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRankAt(10, ['d4'], judged)).toBe(1);
    expect(reciprocalRankAt(2, ['d1', 'd5', 'd3'], judged)).toBe(0);
  });
});

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile([], 50)).toBe(0);
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBe(0);
  });
});
