import { z } from 'zod';
import { CitationList } from '../src/answer/citations';
import { defineCommand } from '../src/app/context';
import { commandRef } from '../src/core/commandRef';
import type { Event, Reply } from '../src/core/reply';
import { DAY_MS, shiftDays } from '../src/util/isoDate';

const DEFAULT_DAYS = 30;
const MAX_EVENTS = 25;

export default defineCommand({
  name: 'recent',
  description: 'What happened lately: dated events from the articles, newest first, each cited',
  options: z.object({
    // Out-of-range and non-numeric input is explained from these bounds, quoting what was typed.
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe(`How many days back from the newest coverage in the corpus (default ${DEFAULT_DAYS})`),
  }),
  positional: ['days'],
  examples: ['recent', 'recent 7'],
  handler: async ({ days = DEFAULT_DAYS }, { library }): Promise<Reply> => {
    const articles = library.engine.articles();
    const newest = articles[0]?.published;
    if (!newest) return { command: 'recent', title: 'Recent events', text: 'The corpus is empty.', citations: [], events: [] };

    const from = shiftDays(newest, -(days - 1));
    // The whole corpus's events, which may still be being computed after a restart: awaited, not blocking.
    const all = await library.events.corpusEvents(articles);
    const inWindow = all.within(from, newest);
    const shown = inWindow.slice(0, MAX_EVENTS);
    const citations = new CitationList();
    const events: Event[] = shown.map((e) => ({
      date: e.date,
      summary: e.sentence.text,
      citations: [citations.cite(e.article, e.sentence.text)],
    }));
    const window = `the ${days} day${days === 1 ? '' : 's'} up to ${newest}, the newest coverage in the corpus`;
    const latestBefore = all.latestBefore(from);
    const text =
      events.length === 0
        ? `No dated events in ${window}.${latestBefore ? ` The latest before that is from ${latestBefore.date}: try ${commandRef('recent')} ${daysBetween(latestBefore.date, newest) + 1}.` : ''}`
        : [
            `Dated events in ${window}, newest first:`,
            ...events.map((e) => `${e.date} — ${e.summary} [${e.citations[0]!.n}]`),
            ...(inWindow.length > shown.length ? [`… and ${inWindow.length - shown.length} older: ${commandRef('recent')} with fewer days narrows the list.`] : []),
          ].join('\n');
    return { command: 'recent', title: 'Recent events', text, citations: citations.all(), events };
  },
});

const daysBetween = (from: string, to: string): number => {
  const start = from.length === 7 ? `${from}-01` : from.length === 4 ? `${from}-01-01` : from;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
};
