import { z } from 'zod';
import { shiftDays } from '../util/isoDate';

/** The most days `since` reaches back, as far as /recent's `days`. */
export const SINCE_MAX_DAYS = 3650;

/** `/position … [since]` as typed: a day, or a number of days back from the newest coverage. */
export type Since = { date: string } | { days: number };

/** The coverage a `since` stands for: articles published from `from` to `to` (the newest coverage), both YYYY-MM-DD. */
export interface CoverageWindow {
  from: string;
  to: string;
  /** The window in words, after "in": "the 2 days up to 2025-03-20 (the newest coverage)". */
  label: string;
}

/** How a user types a `since` rather than a topic: digits, or the shape of a date. */
export const looksLikeSince = (text: string): boolean => /^(?:\d+|\d{4}-\d{1,2}-\d{1,2})$/u.test(text.trim());

/** Reads a `since` as typed; a string says what was wrong with it, in the words of an option error. */
export function readSince(text: string): Since | string {
  const value = text.trim();
  if (/^\d+$/u.test(value)) {
    const days = Number(value);
    return days >= 1 && days <= SINCE_MAX_DAYS ? { days } : `A number of days back is from 1 to ${SINCE_MAX_DAYS}.`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) return z.iso.date().safeParse(value).success ? { date: value } : 'There is no such day.';
  return 'Give a date, YYYY-MM-DD, or a number of days back from the newest coverage, e.g. 2025-03-19 or 7.';
}

/**
 * The window a `since` covers, up to the newest coverage in the corpus: "7" is the 7 days up
 * to it, as `/recent 7`; a date is that day and every one after.
 */
export function coverageWindow(since: Since, newest: string): CoverageWindow {
  if ('date' in since) return { from: since.date, to: newest, label: `coverage published on or after ${since.date}` };
  const { days } = since;
  return { from: shiftDays(newest, -(days - 1)), to: newest, label: `the ${days} day${days === 1 ? '' : 's'} up to ${newest} (the newest coverage)` };
}

