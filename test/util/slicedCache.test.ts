import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SlicedCache } from '../../src/util/slicedCache';

/** Work that holds the event loop for `ms`, as attributing a long article does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const keys = (count: number) => Array.from({ length: count }, (_, i) => ({ i }));

describe('SlicedCache', () => {
  it('computes a missing value at once with get, and keeps it', () => {
    let computed = 0;
    const cache = new SlicedCache((key: { i: number }) => (computed++, key.i * 2));
    const key = { i: 21 };
    expect(cache.get(key)).toBe(42);
    expect(cache.get(key)).toBe(42);
    expect(computed).toBe(1);
  });

  it('prepares many values in slices: the event loop comes round between them', async () => {
    // Each value takes longer than a slice, so each slice computes exactly one.
    const cache = new SlicedCache((key: { i: number }) => (busyFor(2), key.i), 1);
    let pending = true;
    let turns = 0;
    const counting = (async () => {
      while (pending) {
        turns++;
        await nextTurn();
      }
    })();
    await cache.prepare(keys(20));
    pending = false;
    await counting;
    expect(turns).toBeGreaterThanOrEqual(20);
  });

  it('shares one queue: preparing the same keys twice at once computes each once', async () => {
    const computed: number[] = [];
    const cache = new SlicedCache((key: { i: number }) => (computed.push(key.i), key.i), 1);
    const all = keys(50);
    await Promise.all([cache.prepare(all), cache.prepare(all.slice(10, 30)), cache.prepare(all.slice(40))]);
    expect(computed.sort((a, b) => a - b)).toEqual(all.map((k) => k.i));
    expect(all.map((k) => cache.get(k))).toEqual(all.map((k) => k.i));
  });

  it('rejects the waiters when a value cannot be computed, and computes the rest on the next prepare', async () => {
    const cache = new SlicedCache((key: { i: number }) => {
      if (key.i === 3) throw new Error('unreadable article');
      return key.i;
    });
    const all = keys(6);
    await expect(cache.prepare(all)).rejects.toThrow('unreadable article');
    await cache.prepare(all.filter((k) => k.i !== 3));
    expect(all.filter((k) => k.i !== 3).map((k) => cache.get(k))).toEqual([0, 1, 2, 4, 5]);
  });
});
