import { describe, expect, it } from 'vitest';
import { CorpusEvents } from '../../src/events/corpusEvents';
import type { DatedEvent } from '../../src/events/extractEvents';
import { seedCorpusLibrary } from '../helpers/fixtures';

const event = (date: string, precision: DatedEvent['precision'], text: string, article = 'a'): DatedEvent => ({
  date,
  precision,
  article: { id: article } as DatedEvent['article'],
  sentence: { text, listItem: false },
});

describe('CorpusEvents', () => {
  it('lists each event once, newest first, a month after the days within it, ties in the order given', () => {
    const events = new CorpusEvents([
      event('2025-03', 'month', 'In March.'),
      event('2025-03-18', 'day', 'On March 18.'),
      event('2025-03-18', 'day', 'On March 18.', 'wire-copy'),
      event('2024', 'year', 'In 2024.'),
      event('2025-03-18', 'day', 'Also on March 18.'),
    ]);
    expect(events.newestFirst.map((e) => e.sentence.text)).toEqual(['On March 18.', 'Also on March 18.', 'In March.', 'In 2024.']);
  });

  it('finds the events of a window, a month or year counting for all its days, and the latest before it', () => {
    const events = new CorpusEvents([event('2025-02', 'month', 'In February.'), event('2025-03-20', 'day', 'On March 20.'), event('2024', 'year', 'In 2024.')]);
    expect(events.within('2025-02-25', '2025-03-05').map((e) => e.sentence.text)).toEqual(['In February.']);
    expect(events.within('2024-12-31', '2025-03-20').map((e) => e.sentence.text)).toEqual(['On March 20.', 'In February.', 'In 2024.']);
    expect(events.latestBefore('2025-03-01')?.sentence.text).toBe('In February.');
    expect(events.latestBefore('2024')).toBeUndefined();
  });

  it('is given back until the corpus changes', async () => {
    const library = seedCorpusLibrary();
    const events = await library.events.corpusEvents(library.engine.articles());
    expect(await library.events.corpusEvents(library.engine.articles())).toBe(events);
    expect(events.newestFirst.length).toBeGreaterThan(0);
  });
});
