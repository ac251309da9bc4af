import type { Article } from '../corpus/article';
import type { DatedEvent } from './extractEvents';

/** A dated event as the insights snapshot keeps it, compact JSON: its date, and its sentence by text. */
export type EventRecord = [date: string, precision: DatedEvent['precision'], text: string, listItem: boolean];

export const eventRecord = ({ date, precision, sentence }: DatedEvent): EventRecord => [date, precision, sentence.text, sentence.listItem];

const PRECISIONS: ReadonlySet<string> = new Set(['day', 'month', 'year']);

/** Turns records back into an article's events; throws on a record that is not one (it is then recomputed). */
export function eventsFromRecords(records: readonly EventRecord[], article: Article): DatedEvent[] {
  return records.map(([date, precision, text, listItem]) => {
    if (!PRECISIONS.has(precision) || typeof date !== 'string' || typeof text !== 'string') throw new Error('not a dated event');
    return { date, precision, article, sentence: { text, listItem } };
  });
}
