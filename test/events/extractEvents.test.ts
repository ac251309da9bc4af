import { describe, expect, it } from 'vitest';
import { datesIn } from '../../src/events/extractEvents';

const march2025 = new Date('2025-03-20T12:00:00Z');

describe('datesIn', () => {
  it.each([
    ['Following a tense March 18 call with Putin', [{ date: '2025-03-18', precision: 'day' }]],
    ['a surprise offensive last August', [{ date: '2024-08', precision: 'month' }]],
    ['Back in June 2023, Biden’s adviser said', [{ date: '2023-06', precision: 'month' }]],
    ['since the invasion began in February 2022', [{ date: '2022-02', precision: 'month' }]],
    ['On Wednesday, Putin received an update', [{ date: '2025-03-19', precision: 'day' }]],
    ['Earlier today, the Journal reported', [{ date: '2025-03-20', precision: 'day' }]],
    ['the 13 March 2025 press conference', [{ date: '2025-03-13', precision: 'day' }]],
  ])('"%s" resolves against the publication date', (text, expected) => {
    expect(datesIn(text, march2025)).toEqual(expected);
  });

  it.each(['talked for 2.5 hours', 'not accepted into NATO for 10 years', 'Jake Sullivan (now former)', 'along 2000km (1242.7 miles)', 'the 30-day ceasefire'])(
    'finds no date in "%s"',
    (text) => expect(datesIn(text, march2025)).toEqual([]),
  );
});
