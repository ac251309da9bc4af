import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { ArticleShards, type IndexedArticle } from '../../src/engine/articleShards';

const options = { fields: ['terms'], storeFields: [], tokenize: (text: string) => (text === '' ? [] : text.split(' ')) };
const articles: IndexedArticle[] = [
  { id: 0, terms: 'ceasefir black sea' },
  { id: 1, terms: 'energi strike' },
  { id: 2, terms: 'ceasefir energi' },
];

describe('ArticleShards', () => {
  it('starts a new shard when one is full, and searches them all', () => {
    const shards = new ArticleShards(options, 2);
    for (const article of articles) shards.add(article);
    expect(shards.toState()).toHaveLength(2);
    expect([...shards.search('ceasefir', {})].map((r) => r.id).sort()).toEqual([0, 2]);
    shards.discard(0);
    expect([...shards.search('ceasefir', {})].map((r) => r.id)).toEqual([2]);
  });

  it('gives every shard’s matches best first, by MiniSearch’s score or the one given', () => {
    const shards = new ArticleShards(options, 2);
    const many: IndexedArticle[] = [
      { id: 0, terms: 'kursk' },
      { id: 1, terms: 'kursk kursk sudzha' },
      { id: 2, terms: 'kursk sudzha' },
      { id: 3, terms: 'kursk' },
      { id: 4, terms: 'sudzha' },
    ];
    for (const article of many) shards.add(article);
    expect(shards.toState()).toHaveLength(3);
    const merged = (score?: (bm25: number, termsMatched: number) => number) => [...shards.search('kursk sudzha', {}, score)];
    const hits = merged();
    expect(hits.map((h) => h.score)).toEqual([...hits].map((h) => h.score).sort((a, b) => b - a));
    expect(hits.map((h) => h.id).sort()).toEqual([0, 1, 2, 3, 4]);
    // Articles 1 and 2 match both terms: MiniSearch doubles their scores, a score of BM25 alone does not.
    expect(hits.slice(0, 2).map((h) => h.id).sort()).toEqual([1, 2]);
    const bm25 = merged((score) => score);
    expect(bm25.find((h) => h.id === 1)!.score * 2).toBeCloseTo(hits.find((h) => h.id === 1)!.score);
  });

  it('scores as MiniSearch’s own search does', () => {
    const shards = new ArticleShards(options, 10);
    for (const article of articles) shards.add(article);
    shards.compact();
    const own = new MiniSearch<IndexedArticle>(options);
    own.addAll(articles);
    const expected = own.search('ceasefir energi', {}).map((r) => ({ id: r.id as number, score: r.score }));
    expect([...shards.search('ceasefir energi', {})]).toEqual(expected);
  });

  it('reuses a frozen shard’s saved arrays while it is unchanged, and saves it again once changed', () => {
    const shards = new ArticleShards(options, 10);
    for (const article of articles) shards.add(article);
    shards.compact();
    const [frozen] = shards.toState();
    expect(shards.toState()[0]).toBe(frozen);
    shards.add({ id: 3, terms: 'kursk' });
    shards.discard(3);
    const [saved] = shards.toState();
    expect(saved).not.toBe(frozen);
    expect([...new ArticleShards(options, 10, [saved!]).search('kursk', {})]).toEqual([]);
  });
});
