import { describe, expect, it } from 'vitest';
import { measureRetriever } from '../../bench/ir/measure';
import { RETRIEVER_NAMES } from '../../bench/ir/retrievers';
import { beirDataset } from './beirFixture';

describe('measureRetriever', () => {
  it.each(RETRIEVER_NAMES)('ranks a small dataset with %s and scores the rankings', async (name) => {
    const figures = await measureRetriever(name, beirDataset(), 'test');
    // Every engine finds the one relevant document of these easy queries first.
    expect(figures['mrr@10']).toBe(1);
    expect(figures['recall@100']).toBe(1);
    expect(figures['ndcg@10']).toBeGreaterThan(0.9);
    for (const key of ['indexMs', 'queryP50Ms', 'queryP99Ms', 'peakHeapMB'] as const) expect(figures[key]).toBeGreaterThanOrEqual(0);
  });
});
