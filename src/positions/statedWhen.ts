import { dateMentions } from '../events/extractEvents';
import { STANCE_VERBS } from './grammar';
import { shiftDays } from '../util/isoDate';

/**
 * The date an article gives a statement when it is well before the article's own
 * publication ("Back in June 2023, … Sullivan … said", "Biden said in 2022 that …",
 * "announced in July 2024 by Naryshkin"), else null. Only a date that sets when it was said
 * counts: one before the sentence's first stance verb, or right after a stance verb — not a
 * date inside what was said ("Putin said the war began in February 2022").
 */
export function earlierDateOf(text: string, published: string): string | null {
  const mentions = [...dateMentions(text, new Date(`${published}T12:00:00Z`)), ...yearMentions(text)];
  if (mentions.length === 0) return null;
  const verbs = [...text.matchAll(WORDS)].filter((m) => STANCE_VERBS.has(m[0].toLowerCase()));
  const firstVerb = verbs[0]?.index ?? text.length;
  const cutoff = shiftDays(published, -WELL_BEFORE_DAYS);
  for (const mention of mentions) {
    const setsTheTime =
      mention.start < firstVerb || verbs.some((v) => AFTER_THE_VERB.test(text.slice(v.index + v[0].length, mention.start)));
    // A month or a year is well before when it ended before the cutoff.
    if (setsTheTime && endOf(mention.date) < cutoff) return mention.date;
  }
  return null;
}

/** How long before its article a statement must be dated to count as an earlier one. */
export const WELL_BEFORE_DAYS = 60;

const WORDS = /\p{L}+/gu;
/** "in 2022": a year alone, which chrono-node does not read as a date. */
const IN_A_YEAR = /\bin ((?:19|20)\d\d)\b(?![-–/]|\s*(?:percent|%))/gu;

function yearMentions(text: string): { date: string; start: number; end: number }[] {
  return [...text.matchAll(IN_A_YEAR)].map((m) => ({ date: m[1]!, start: m.index + 3, end: m.index + m[0].length }));
}
/** What may stand between a stance verb and the date of its statement: "said in 2022", "announced on 3 May". */
const AFTER_THE_VERB = /^\s*(?:(?:back\s+)?(?:in|on|during)\s*)?$/iu;


/** The last day a YYYY, YYYY-MM or YYYY-MM-DD date covers, as YYYY-MM-DD (lexical order is date order). */
function endOf(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 7) return `${date}-31`;
  return `${date}-12-31`;
}
