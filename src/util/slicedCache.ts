import { setImmediate as nextTurn } from 'node:timers/promises';

/** Values saved earlier that a cache takes instead of computing them, once they are `ready`. */
export interface SavedValues<Key, Value> {
  ready(): Promise<void>;
  /** The saved value, or undefined (it is then computed). */
  take(key: Key): Value | undefined;
}

/**
 * How long computing values may hold the event loop before letting requests through: well
 * under the 3 s in which Discord and Slack must see an acknowledgement, even with a few
 * caches computing at once and one slow item overrunning its slice.
 */
const SLICE_MS = 10;
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
    let sliceEnds = performance.now() + this.sliceMs;
    let looked = 0;
    for (const key of keys) {
      if (!this.#values.has(key)) this.#queue.add(key);
      if (++looked % KEYS_PER_LOOK === 0 && performance.now() >= sliceEnds) {
        await nextTurn();
        sliceEnds = performance.now() + this.sliceMs;
      }
    }
    // Keys queued just as a drain ends are left to the next one.
    while (this.#queue.size > 0) {
      this.#draining ??= this.#drain().finally(() => (this.#draining = null));
      await this.#draining;
    }
  }

  async #drain(): Promise<void> {
    await this.before();
    while (this.#queue.size > 0) {
      // Yield first: what the caller was doing (acknowledging a request) goes out before any work.
      await nextTurn();
      const sliceEnds = performance.now() + this.sliceMs;
      for (const key of this.#queue) {
        this.#queue.delete(key);
        this.get(key);
        if (performance.now() >= sliceEnds) break;
      }
    }
  }
}
