import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { restoreMiniSearch, saveMiniSearch } from '../../src/engine/miniSearchState';

interface Document {
  id: number;
  text: string;
  title: string;
}

/** MiniSearch's serialisation with its terms in alphabetical order (its radix tree's iteration order depends on insertion history). */
function serialised(index: MiniSearch<Document>) {
  const json = index.toJSON();
  return { ...json, index: [...json.index].sort(([a], [b]) => a.localeCompare(b)) };
}

const options = { fields: ['text', 'title'], storeFields: [] };
const documents: Document[] = [
  { id: 0, text: 'the ceasefire held in the Black Sea', title: 'Black Sea truce' },
  { id: 1, text: 'energy strikes resumed overnight', title: 'Energy' },
  { id: 2, text: 'talks on the ceasefire and energy', title: '' },
];

describe('saveMiniSearch / restoreMiniSearch', () => {
  it('restores an index that serialises exactly as the original and answers the same', () => {
    const original = new MiniSearch<Document>(options);
    original.addAll(documents);
    original.discard(1); // a discarded document leaves dirt behind: it must survive the round trip too
    const restored = restoreMiniSearch<Document>(saveMiniSearch(original), options);
    expect(serialised(restored)).toEqual(serialised(original));
    for (const query of ['ceasefire', 'energy', 'black sea truce']) expect(restored.search(query)).toEqual(original.search(query));
  });

  it('keeps working after the restore: adding and removing documents', () => {
    const original = new MiniSearch<Document>(options);
    original.addAll(documents.slice(0, 2));
    const restored = restoreMiniSearch<Document>(saveMiniSearch(original), options);
    restored.add(documents[2]!);
    original.add(documents[2]!);
    restored.discard(0);
    original.discard(0);
    expect(serialised(restored)).toEqual(serialised(original));
    expect(restored.search('ceasefire').map((r) => r.id)).toEqual([2]);
  });
});
