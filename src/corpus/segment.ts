import { LinkifyIt } from 'linkify-it';
import type { Passage, Sentence } from './article';

/**
 * Splits an article body into passages and sentences.
 *
 * Corpus bodies hold one paragraph a line (the seeds' format, and what ingestion writes).
 * A short Title Case line, or a Markdown `#` line, is a section heading. A paragraph that
 * ends with ":" introduces a list: the item lines that follow join its passage, one sentence
 * each, so that "Putin … reaffirmed maximalist demands:" stays next to the demands.
 */
export function segmentBody(articleId: string, body: string, title: string): Passage[] {
  const lines = body.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.length > 0 && sameText(stripHeadingMarks(lines[0]!), title)) lines.shift();

  const passages: Passage[] = [];
  let heading: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isHeading(line)) {
      heading = stripHeadingMarks(line);
      continue;
    }
    const sentences = splitSentences(stripListMarker(line)).map((text) => ({ text, listItem: false }));
    if (line.endsWith(':')) {
      const items = takeListItems(lines, i + 1);
      for (const item of items) {
        for (const text of splitSentences(stripListMarker(item))) sentences.push({ text, listItem: true });
      }
      i += items.length;
    }
    if (sentences.length > 0) passages.push({ articleId, index: passages.length, heading, sentences });
  }
  return passages;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * ICU sentence boundaries, then re-joined where ICU broke after a title abbreviation
 * ("Gen. Valery Gerasimov"): ICU's own suppression lists are not exposed by Intl.Segmenter.
 * Nor does a sentence end inside a mention, link or address (see `unbrokenTokens`).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const segment of segmentsAroundTokens(text)) {
    const previous = out.at(-1);
    if (previous !== undefined && endsWithAbbreviation(previous)) {
      out[out.length - 1] = `${previous} ${segment.trim()}`;
    } else if (segment.trim().length > 0) {
      out.push(segment.trim());
    }
  }
  return out.filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/**
 * ICU's segments, as they are, but joined where a boundary falls inside a token that a
 * sentence cannot end in: ICU ends one at the "!" of `<@!424242>` or the "?" of a URL's query.
 */
function segmentsAroundTokens(text: string): string[] {
  const segments = [...segmenter.segment(text)];
  // Such a boundary has no space before it, unless it is inside <…> markup: otherwise no token needs finding.
  const mayCut = text.includes('<') || segments.slice(0, -1).some(({ segment }) => !/\s$/u.test(segment));
  if (!mayCut) return segments.map(({ segment }) => segment);
  const tokens = unbrokenTokens(text);
  const out: string[] = [];
  for (const { segment, index } of segments) {
    const insideToken = tokens.some(([start, end]) => start < index && index < end);
    if (insideToken && out.length > 0) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out;
}

/** URLs (with or without a scheme) and e-mail addresses, found as linkify-it finds them in text. */
const links = new LinkifyIt({ fuzzyLink: true });
/**
 * Chat markup as Slack and Discord write it: mentions (`<@U123>`, `<@!424242>`, roles `<@&1>`),
 * channels (`<#C123>`), special mentions (`<!channel>`), links (`<https://…|label>`), Discord's
 * emoji, timestamps and command mentions (`<:name:1>`, `<t:1:R>`, `</ask:1>`).
 */
const CHAT_MARKUP = /<(?:[@#!:/]|a:|t:|https?:|mailto:)[^<>\n]{1,500}>/gu;

/** Where the tokens that a sentence never ends inside start and end, as [start, end) ranges. */
function unbrokenTokens(text: string): [number, number][] {
  const markup = [...text.matchAll(CHAT_MARKUP)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const found = (links.match(text) ?? []).map((m): [number, number] => [m.index, m.lastIndex]);
  return [...markup, ...found];
}

function endsWithAbbreviation(sentence: string): boolean {
  if (!sentence.endsWith('.')) return false;
  const lastWord = sentence.slice(sentence.lastIndexOf(' ') + 1, -1).replace(/^[("“‘']+/u, '');
  return TITLE_ABBREVIATIONS.has(lastWord);
}

/** Items of a list whose introducing line ended with ":". */
function takeListItems(lines: readonly string[], start: number): string[] {
  const items: string[] = [];
  let previousUnpunctuated = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (isHeading(line)) break;
    const marked = stripListMarker(line) !== line;
    const punctuated = /[.!?]["”’)]?$/u.test(line);
    // An unmarked list runs while its items end without a full stop; the last one may have one.
    if (!marked && punctuated && !previousUnpunctuated) break;
    items.push(line);
    if (!marked && punctuated) break;
    previousUnpunctuated = !punctuated;
  }
  return items;
}

/** A Markdown heading, or a short Title Case line such as "Key Outcomes of the Trump-Putin Call." */
export function isHeading(line: string): boolean {
  if (/^#{1,6}\s/u.test(line)) return true;
  if (/[:;,"”)]$/u.test(line) || line.length > 120) return false;
  const words = line.replace(/[.?]$/u, '').split(/\s+/u);
  if (words.length < 2 || words.length > 14) return false;
  if (splitSentences(line).length > 1) return false;
  const significant = words.filter((word) => word.replace(/\W/gu, '').length >= 4);
  if (significant.length === 0) return false;
  const capitalised = significant.filter((word) => /^[\p{Lu}\d"“‘']/u.test(word)).length;
  return capitalised / significant.length >= 0.75;
}

const stripHeadingMarks = (line: string): string => line.replace(/^#{1,6}\s+/u, '').replace(/\.$/u, '').trim();

const sameText = (a: string, b: string): boolean => normaliseForComparison(a) === normaliseForComparison(b);
/** Text reduced to its letters and digits, lower-cased: what two copies of one text share. */
export const normaliseForComparison = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** "- item", "• item", "1. item" → "item"; any other line is returned unchanged. */
const stripListMarker = (line: string): string => line.replace(/^(?:[-*•–]|\d{1,2}[.)])\s+/u, '');

/** Abbreviations that precede a name and never end a sentence. */
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt', 'Cpl', 'Pvt',
  'Sen', 'Rep', 'Gov', 'Amb', 'Pres', 'Sec', 'Hon', 'Rev', 'St', 'Mt', 'Ft', 'No', 'Nos', 'vs', 'Jan', 'Feb',
  'Mar', 'Apr', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec', 'approx', 'e.g', 'i.e', 'cf',
]);

export type { Sentence };
