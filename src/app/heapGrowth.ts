import { setFlagsFromString } from 'node:v8';

/**
 * V8 lets its heap grow to several times what is live before it collects, by a factor it
 * picks from the allocation rate. After start-up on a large corpus, attributing every
 * article's statements left about three times the live heap reserved (1.4 GB at 50,000
 * articles). A bot runs for months on a budget: it trades a little collection time for
 * memory, letting the heap grow to 1.5 times what is live. Measured by `npm run bench`.
 *
 * The young generation goes the other way, set where the bot is started (`npm start`, the
 * Dockerfile), as V8 reads it only then: `--max-semi-space-size=64` (MB, 16 by default). An
 * answer at 50,000 articles allocates several MB of search results that live across a
 * scavenge or two; in 16 MB they were promoted, and the old generation's marking that
 * followed every few seconds held some answers for 100–300 ms. With 64 MB: `ask` p99
 * 135–165 → 65–73 ms, serving peak RSS 900–925 → 981–998 MB (`bench/scale/serve.ts`, two runs each).
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

const HEAP_GROWING_PERCENT = 50;
