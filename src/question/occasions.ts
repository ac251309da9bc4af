import * as chrono from 'chrono-node';
import type { Analyzer } from '../engine/analysis';
import { phraseStarts } from '../text/phrases';

/**
 * Tells when a question points at another occasion than the ones the articles report: a word
 * of sequence from `config/occasion-cues.yml` ("their *next* call", "did it *finally* take
 * effect"), or a date after the newest article ("the talks in April" when the articles end in
 * March). Such questions share every other word with the articles, so coverage alone would
 * take them for answered; this is one piece of evidence of answerability, not a refusal.
 */
export class OccasionCues {
  readonly #cues: string[][];
  readonly #analyzer: Analyzer;

  constructor(cues: readonly string[], analyzer: Analyzer) {
    this.#analyzer = analyzer;
    this.#cues = cues.map((cue) => analyzer.words(cue)).filter((words) => words.length > 0);
  }

  /** Whether the question holds a cue, or names a date after `newest` (an ISO day; null for an empty corpus). */
  pointElsewhere(question: string, newest: string | null): boolean {
    const words = this.#analyzer.words(question);
    if (this.#cues.some((cue) => phraseStarts(words, cue).length > 0)) return true;
    return newest !== null && namesLaterDate(question, newest);
  }
}

/**
 * A month or year the question names that comes after the newest article, read as of that
 * day: "in April" after a March corpus is this April, "last August" is the one before.
 */
function namesLaterDate(question: string, newest: string): boolean {
  const newestYear = Number(newest.slice(0, 4));
  for (const match of question.matchAll(YEAR)) if (Number(match[0]) > newestYear) return true;
  // Most questions name no month: spare them chrono's hundred patterns.
  if (!MONTH.test(question)) return false;
  const reference = new Date(`${newest}T12:00:00Z`);
  for (const result of chrono.parse(question, { instant: reference, timezone: 'UTC' }, { forwardDate: false })) {
    if (!result.start.isCertain('month')) continue;
    if (PAST_BEFORE.test(question.slice(Math.max(0, result.index - 10), result.index))) continue;
    if (result.start.date().toISOString().slice(0, 10) > newest) return true;
  }
  return false;
}

const YEAR = /\b(?:19|20)\d\d\b/gu;
/** Month names, full or short: a question with none is not handed to chrono (which reads "Putin may accept" as no date anyway). */
const MONTH = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;
/** "last August", "the previous March": a month before the reference day, whatever chrono makes of it. */
const PAST_BEFORE = /\b(?:last|previous|past)\s+$/iu;
