import damerauLevenshtein from 'damerau-levenshtein';
import type SearchableMap from 'minisearch/SearchableMap';

/**
 * The keys of a radix tree within `maxDistance` edits of a word, a swap of two neighbouring
 * letters counting one, with their values and distances. MiniSearch's fuzzy lookup counts a
 * swap as two edits, so it is asked one further and its keys measured again.
 */
export function* withinEdits<Value>(map: SearchableMap<Value>, word: string, maxDistance: number): Generator<{ key: string; value: Value; distance: number }> {
  for (const [key, [value]] of map.fuzzyGet(word, maxDistance + 1)) {
    const distance = damerauLevenshtein(word, key).steps;
    if (distance <= maxDistance) yield { key, value, distance };
  }
}
