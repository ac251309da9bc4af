import MiniSearch, { type Options } from 'minisearch';
import { GrowableUint32Array } from '../util/growableArray';

/**
 * MiniSearch's index in a compact form for snapshots, restored without its `loadJS`.
 *
 * `loadJS` rebuilds every posting from a JSON object whose keys are document ids as strings;
 * for 10,000 articles that alone took longer than the whole start-up may. Here postings are
 * kept in typed arrays, and MiniSearch reads them there (see SavedPostings). This
 * reaches into MiniSearch's internal fields, the ones its own `loadJS` and `toJSON` use;
 * the version is pinned in package.json, and a test checks that a restored index serialises
 * exactly as the original does, so an upgrade that changes them fails loudly, not silently.
 */
export interface MiniSearchState {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  terms: string[];
  /** Per term: its number of fields, then per field: field id, posting count, then (document short id, term frequency) pairs. */
  postings: Uint32Array;
  /** Per document: short id, id, then one length per field. */
  documents: Uint32Array;
}

/** The internal fields of a MiniSearch instance that `toJSON`/`loadJS` read and write (documents have numeric ids here). */
interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, unknown>;
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

const internals = <T>(index: MiniSearch<T>): MiniSearchInternals => index as unknown as MiniSearchInternals;

export function saveMiniSearch<T>(index: MiniSearch<T>): MiniSearchState {
  const state = internals(index);
  const fieldCount = Object.keys(state._fieldIds).length;
  const terms: string[] = [];
  const postings = new GrowableUint32Array();
  for (const [term, fields] of state._index) {
    terms.push(term);
    postings.push(fields.size);
    for (const [fieldId, frequencies] of fields) {
      postings.push(fieldId);
      postings.push(frequencies.size);
      // In document order, as SavedPostings looks documents up by binary search. MiniSearch's
      // maps already are (documents get increasing short ids), but nothing promises it.
      for (const [shortId, frequency] of inDocumentOrder(frequencies)) {
        postings.push(shortId);
        postings.push(frequency);
      }
    }
  }
  const documents: number[] = [];
  for (const [shortId, id] of state._documentIds) {
    if (typeof id !== 'number') throw new Error('saveMiniSearch handles numeric document ids only');
    const lengths = state._fieldLength.get(shortId) ?? [];
    documents.push(shortId, id, ...Array.from({ length: fieldCount }, (_, field) => lengths[field] ?? 0));
  }
  return {
    documentCount: state._documentCount,
    nextId: state._nextId,
    fieldIds: { ...state._fieldIds },
    averageFieldLength: [...state._avgFieldLength],
    dirtCount: state._dirtCount,
    terms,
    postings: postings.view(),
    documents: Uint32Array.from(documents),
  };
}

/** How many documents the index has ever taken: an add then a discard leave `documentCount` as it was, not this. */
export const documentsEverAdded = <T>(index: MiniSearch<T>): number => internals(index)._nextId;

function inDocumentOrder(frequencies: Map<number, number>): Iterable<[number, number]> {
  let previous = -1;
  for (const shortId of frequencies.keys()) {
    if (shortId < previous) return [...frequencies].sort(([a], [b]) => a - b);
    previous = shortId;
  }
  return frequencies;
}

export function restoreMiniSearch<T>(saved: MiniSearchState, options: Options<T>): MiniSearch<T> {
  const index = new MiniSearch<T>(options);
  const state = internals(index);
  const fieldCount = Object.keys(saved.fieldIds).length;
  state._documentCount = saved.documentCount;
  state._nextId = saved.nextId;
  state._fieldIds = { ...saved.fieldIds };
  state._avgFieldLength = [...saved.averageFieldLength];
  state._dirtCount = saved.dirtCount;

  const { documents, postings } = saved;
  for (let i = 0; i < documents.length; i += 2 + fieldCount) {
    const [shortId, id] = [documents[i]!, documents[i + 1]!];
    state._documentIds.set(shortId, id);
    state._idToShortId.set(id, shortId);
    state._fieldLength.set(shortId, Array.from(documents.subarray(i + 2, i + 2 + fieldCount)));
  }

  let at = 0;
  for (const term of saved.terms) {
    const fields = new Map<number, Map<number, number>>();
    for (let fieldCountLeft = postings[at++]!; fieldCountLeft > 0; fieldCountLeft--) {
      const fieldId = postings[at++]!;
      const end = at + 1 + 2 * postings[at]!;
      fields.set(fieldId, new SavedPostings(postings.subarray(at + 1, end)));
      at = end;
    }
    state._index.set(term, fields);
  }
  return index;
}

/**
 * One term's postings in one field, as MiniSearch's `Map<document, term frequency>`, read
 * straight from the snapshot's array until MiniSearch first changes them (then they become
 * an ordinary Map). Restoring therefore copies no posting, and an index that is only
 * searched keeps 8 bytes per posting instead of a Map entry's several dozen.
 */
export class SavedPostings extends Map<number, number> {
  /** (document, frequency) pairs in document order; null once copied into the Map. */
  #saved: Uint32Array | null;
  /** Where the last lookup or iteration was: MiniSearch reads a document's frequency right after iterating to it. */
  #cursor = 0;

  constructor(saved: Uint32Array) {
    super();
    this.#saved = saved;
  }

  override get size(): number {
    return this.#saved ? this.#saved.length / 2 : super.size;
  }

  override get(document: number): number | undefined {
    const saved = this.#saved;
    if (!saved) return super.get(document);
    if (saved[2 * this.#cursor] === document) return saved[2 * this.#cursor + 1];
    let [low, high] = [0, saved.length / 2 - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = saved[2 * middle]!;
      if (at === document) {
        this.#cursor = middle;
        return saved[2 * middle + 1];
      }
      if (at < document) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  override has(document: number): boolean {
    return this.get(document) !== undefined;
  }

  override *entries(): MapIterator<[number, number]> {
    const saved = this.#saved;
    if (!saved) return yield* super.entries();
    for (let i = 0; i < saved.length; i += 2) {
      this.#cursor = i / 2;
      yield [saved[i]!, saved[i + 1]!];
    }
  }

  override *keys(): MapIterator<number> {
    for (const [document] of this.entries()) yield document;
  }

  override *values(): MapIterator<number> {
    for (const [, frequency] of this.entries()) yield frequency;
  }

  override [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  override forEach(callback: (frequency: number, document: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [document, frequency] of this.entries()) callback.call(thisArg, frequency, document, this);
  }

  override set(document: number, frequency: number): this {
    this.#copy();
    return super.set(document, frequency);
  }

  override delete(document: number): boolean {
    this.#copy();
    return super.delete(document);
  }

  override clear(): void {
    this.#saved = null;
    super.clear();
  }

  #copy(): void {
    const saved = this.#saved;
    if (!saved) return;
    this.#saved = null;
    for (let i = 0; i < saved.length; i += 2) super.set(saved[i]!, saved[i + 1]!);
  }
}
