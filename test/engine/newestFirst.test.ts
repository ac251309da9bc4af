import { describe, expect, it } from 'vitest';
import { newestFirst } from '../../src/engine/newestFirst';

describe('newestFirst', () => {
  it('orders articles newest first, then by id, as a pairwise sort of dates and ids would', () => {
    const articles = [
      { id: 'b', published: '2025-03-01' },
      { id: 'a', published: '2025-03-02' },
      { id: 'd', published: '2025-03-01' },
      { id: 'c', published: '2025-03-01' },
      { id: 'a2', published: '2024-12-31' },
      { id: 'Z', published: '2025-03-02' },
    ];
    const pairwise = [...articles].sort((x, y) => (x.published < y.published ? 1 : x.published > y.published ? -1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    expect(newestFirst(articles)).toEqual(pairwise);
    expect(newestFirst(articles).map((a) => a.id)).toEqual(['Z', 'a', 'b', 'c', 'd', 'a2']);
  });

  it('gives a random corpus the same order as a pairwise sort', () => {
    const articles = Array.from({ length: 2_000 }, (_, i) => ({ id: `generated-${String((i * 7919) % 2_000).padStart(6, '0')}`, published: `2025-0${1 + (i % 9)}-${String(1 + ((i * 31) % 28)).padStart(2, '0')}` }));
    const pairwise = [...articles].sort((x, y) => (x.published < y.published ? 1 : x.published > y.published ? -1 : x.id < y.id ? -1 : 1));
    expect(newestFirst(articles)).toEqual(pairwise);
  });
});
