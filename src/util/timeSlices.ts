import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How long background work may hold the event loop before letting requests through: well
 * under the 3 s in which Discord and Slack must see an acknowledgement, even with a few
 * pieces of work in slices at once and one slow step overrunning its slice.
 */
export const SLICE_MS = 10;

/**
 * The clock of work done a slice at a time: `spent` tells when the slice is used up, and
 * `next()` lets the event loop run what waits (a request) before starting the next one.
 */
export class TimeSlice {
  #ends: number;

  constructor(private readonly ms = SLICE_MS) {
    this.#ends = performance.now() + ms;
  }

  get spent(): boolean {
    return performance.now() >= this.#ends;
  }

  async next(): Promise<void> {
    await nextTurn();
    this.#ends = performance.now() + this.ms;
  }
}

/** Runs a generator's steps, letting the event loop run whenever they have held it for a slice; resolves to its return value. */
export async function runInSlices<T>(steps: Generator<unknown, T>, ms = SLICE_MS): Promise<T> {
  const slice = new TimeSlice(ms);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (slice.spent) await slice.next();
  }
}
