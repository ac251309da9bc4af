import * as chrono from 'chrono-node';
import type { Article, Sentence } from '../corpus/article';

/** A dated event: a sentence that says when something happened, with the date it means. */
export interface DatedEvent {
  /** YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the text. */
  date: string;
  precision: 'day' | 'month' | 'year';
  article: Article;
  /** Its sentence alone: an event kept for /recent must not keep its article's whole text in memory. */
  sentence: Sentence;
}

/**
 * Finds the dates a sentence states and resolves them against the article's publication
 * date with chrono-node: "the March 18 call" in a March 2025 article is 2025-03-18, "last
 * August" is 2024-08, "in June 2023" is 2023-06. Durations ("for 10 years") and vague words
 * ("now") are not dates; a month without a day stays a month.
 */
export function extractEvents(article: Article): DatedEvent[] {
  const reference = new Date(`${article.published}T12:00:00Z`);
  const events: DatedEvent[] = [];
  for (const passage of article.passages) {
    for (const sentence of passage.sentences) {
      for (const date of datesIn(sentence.text, reference)) events.push({ ...date, article, sentence });
    }
  }
  return events;
}

export function datesIn(text: string, reference: Date): { date: string; precision: DatedEvent['precision'] }[] {
  return dateMentions(text, reference).map(({ date, precision }) => ({ date, precision }));
}

/** A date as the text writes it: what it means, and where it stands in the text. */
export interface DateMention {
  date: string;
  precision: DatedEvent['precision'];
  /** Character offsets of the words naming it [start, end). */
  start: number;
  end: number;
}

export function dateMentions(text: string, reference: Date): DateMention[] {
  const out: DateMention[] = [];
  // Most sentences name no date at all: spare them chrono's hundred patterns.
  if (!NAMES_A_DATE.test(text.toLowerCase())) return out;
  for (const result of chrono.parse(text, { instant: reference, timezone: 'UTC' }, { forwardDate: false })) {
    const matched = result.text.toLowerCase();
    if (!NAMES_A_DATE.test(matched) || DURATION.test(matched)) continue;
    const start = result.start;
    let date = start.date();
    // A month or day without a year means the nearest past one: "last August" in March 2025 is 2024.
    if (!start.isCertain('year') && date.getTime() > reference.getTime() + FUTURE_TOLERANCE_MS) {
      date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    }
    const iso = date.toISOString();
    const relativeDay = RELATIVE_DAY.test(matched);
    const at = { start: result.index, end: result.index + result.text.length };
    if (start.isCertain('day') || start.isCertain('weekday') || relativeDay) out.push({ date: iso.slice(0, 10), precision: 'day', ...at });
    else if (start.isCertain('month')) out.push({ date: iso.slice(0, 7), precision: 'month', ...at });
    else if (start.isCertain('year')) out.push({ date: iso.slice(0, 4), precision: 'year', ...at });
  }
  return out;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
/** A matched text that names a calendar date, not just "now" or a number. */
const NAMES_A_DATE = new RegExp(`\\b(?:${MONTHS}|${WEEKDAYS}|today|yesterday|tonight|this morning|this afternoon|this evening|(?:19|20)\\d\\d)\\b`, 'u');
const RELATIVE_DAY = /\b(?:today|yesterday|tonight|this morning|this afternoon|this evening)\b/u;
const DURATION = /\b(?:for|within|over)\s+\d|\b(?:hours?|minutes?|days|weeks|months|years)\b/u;
/** Articles look back; a date up to a month ahead is a plan ("talks on March 24"). */
const FUTURE_TOLERANCE_MS = 31 * 24 * 3600 * 1000;
