import { describe, expect, it } from 'vitest';
import { PerList } from '../../src/util/sameItems';

describe('one value per list of items', () => {
  it('is built once for callers that ask for the same list while it is being built', async () => {
    const perList = new PerList<object, object>();
    const items = [{}, {}];
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((resolve) => setImmediate(resolve));
      return {};
    };
    const [a, b] = await Promise.all([perList.get(items, build), perList.get([...items], build)]);
    expect(builds).toBe(1);
    expect(a).toBe(b);
  });

  it('is built again after a build that failed', async () => {
    const perList = new PerList<object, string>();
    const items = [{}];
    await expect(perList.get(items, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await perList.get(items, () => Promise.resolve('built'))).toBe('built');
  });
});
