import { describe, expect, it } from 'vitest';
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
    expect(shards.search('ceasefir', {}).map((r) => r.id).sort()).toEqual([0, 2]);
    shards.discard(0);
    expect(shards.search('ceasefir', {}).map((r) => r.id)).toEqual([2]);
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
    expect(new ArticleShards(options, 10, [saved!]).search('kursk', {})).toEqual([]);
  });
});
