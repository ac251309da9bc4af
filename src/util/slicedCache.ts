import { SLICE_MS, TimeSlice } from './timeSlices';

/** Values saved earlier that a cache takes instead of computing them, once they are `ready`. */
export interface SavedValues<Key, Value> {
  ready(): Promise<void>;
  /** The saved value, or undefined (it is then computed). */
  take(key: Key): Value | undefined;
}

/** Keys `prepare` looks through between two looks at the clock. */
const KEYS_PER_LOOK = 1_024;

/**
 * Values computed per object (an article) on first use and kept while the object lives.
 * `get` computes a missing value at once, which suits a few objects; `prepare` computes many
 * in slices of a few milliseconds, with the event loop free between them. The cache has one
 * queue, so whoever prepares meanwhile (the background warm-up, commands that need the
 * values) waits for the same work and none of it is done twice.
 */
export class SlicedCache<Key extends object, Value> {
  readonly #values = new WeakMap<Key, Value>();
  readonly #queue = new Set<Key>();
  #draining: Promise<void> | null = null;

  /** `before` is awaited before computing any slice (the file the values are read back from, say). */
  constructor(
    private readonly compute: (key: Key) => Value,
    private readonly sliceMs = SLICE_MS,
    private readonly before: () => Promise<unknown> = () => Promise.resolve(),
  ) {}

  get(key: Key): Value {
    let value = this.#values.get(key);
    if (value === undefined) {
      value = this.compute(key);
      this.#values.set(key, value);
    }
    return value;
  }

  /** The key's value if it is computed already, else undefined. */
  peek(key: Key): Value | undefined {
    return this.#values.get(key);
  }

  /** Resolves once every key has its value, computing the missing ones a slice at a time. */
  async prepare(keys: Iterable<Key>): Promise<void> {
    // Looking through 50,000 keys takes tens of milliseconds: in slices too.
    const slice = new TimeSlice(this.sliceMs);
    let looked = 0;
    for (const key of keys) {
      if (!this.#values.has(key)) this.#queue.add(key);
      if (++looked % KEYS_PER_LOOK === 0 && slice.spent) await slice.next();
    }
    // Keys queued just as a drain ends are left to the next one.
    while (this.#queue.size > 0) {
      this.#draining ??= this.#drain().finally(() => (this.#draining = null));
      await this.#draining;
    }
  }

  async #drain(): Promise<void> {
    await this.before();
    const slice = new TimeSlice(this.sliceMs);
    while (this.#queue.size > 0) {
      // Yield first: what the caller was doing (acknowledging a request) goes out before any work.
      await slice.next();
      for (const key of this.#queue) {
        this.#queue.delete(key);
        this.get(key);
        if (slice.spent) break;
      }
    }
  }
}
