import type { DatedEvent } from './extractEvents';

/**
 * The dated events of a whole corpus, each once (a wire copy's sentence dated the same way
 * in two articles is one event), newest first: built once per state of the corpus, so that
 * /recent walks a sorted list instead of de-duplicating and sorting every event again.
 */
export class CorpusEvents {
  /** Newest first; a month ("2025-03") after the days within it, as it is the vaguer date; ties in the order given. */
  readonly newestFirst: readonly DatedEvent[];
  /** The first and last day each event of `newestFirst` may mean (a month means all its days). */
  readonly #spans: readonly { first: string; last: string }[];

  constructor(events: readonly DatedEvent[]) {
    const keyed = uniqueEvents(events).map((event) => ({ event, key: sortKey(event) }));
    keyed.sort((a, b) => (a.key > b.key ? -1 : a.key < b.key ? 1 : 0));
    this.newestFirst = keyed.map(({ event }) => event);
    this.#spans = this.newestFirst.map(spanOf);
  }

  /** The events whose date — a day, or a whole month or year — falls in [from, to], newest first. */
  within(from: string, to: string): DatedEvent[] {
    return this.newestFirst.filter((_, i) => this.#spans[i]!.first <= to && this.#spans[i]!.last >= from);
  }

  /** The newest event dated before `from`. */
  latestBefore(from: string): DatedEvent | undefined {
    return this.newestFirst.find((event) => event.date < from);
  }
}

function spanOf(event: DatedEvent): { first: string; last: string } {
  if (event.precision === 'day') return { first: event.date, last: event.date };
  if (event.precision === 'month') return { first: `${event.date}-01`, last: `${event.date}-31` };
  return { first: `${event.date}-01-01`, last: `${event.date}-12-31` };
}

const sortKey = (e: DatedEvent): string => (e.precision === 'day' ? e.date : e.precision === 'month' ? `${e.date}-00` : `${e.date}-00-00`);

function uniqueEvents(events: readonly DatedEvent[]): DatedEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.date}\u0000${e.sentence.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
