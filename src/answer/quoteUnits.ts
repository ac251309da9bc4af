import type { Passage } from '../corpus/article';

/** Sentences `start`…`end` (inclusive) of a passage, quoted together. */
export interface SentenceRange {
  start: number;
  end: number;
}

/**
 * The sentences a sentence must be quoted with to be understood and to read as a whole quote:
 * the one before it when it continues it ("These plans have fallen through.", "But …",
 * "He said …"), and as many neighbours as close a quotation it leaves open or closes one it
 * did not open. Never more than `MAX_EXTRA` sentences around it, and never across a list.
 */
export function quoteRange(passage: Passage, index: number): SentenceRange {
  const sentences = passage.sentences;
  let start = index;
  let end = index;
  const extra = (): number => end - start;
  while (start > 0 && extra() < MAX_EXTRA && !sentences[start]!.listItem && continuesPrevious(sentences[start]!.text)) start--;
  // A quotation split over sentences: take in its other part.
  for (let balance = quoteBalance(rangeText(passage, start, end)); balance !== 0 && extra() < MAX_EXTRA; balance = quoteBalance(rangeText(passage, start, end))) {
    if (balance > 0 && end + 1 < sentences.length && !sentences[end + 1]!.listItem) end++;
    else if (balance < 0 && start > 0 && !sentences[start]!.listItem) start--;
    else break;
  }
  return { start, end };
}

export const rangeText = (passage: Passage, start: number, end: number): string =>
  passage.sentences
    .slice(start, end + 1)
    .map((s) => s.text)
    .join(' ');

/**
 * Opening minus closing double quotation marks: positive when a quotation is left open,
 * negative when one is closed that the text did not open. Straight quotes alternate.
 */
export function quoteBalance(text: string): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '“') balance++;
    else if (char === '”') balance--;
    // A straight quote opens at the start of the text or of a word, and closes otherwise.
    else if (char === '"') balance += i === 0 || /[\s([—–-]/u.test(text[i - 1]!) ? 1 : -1;
  }
  return balance;
}

/** Opens with a pronoun or a connective that points back: it needs the sentence before it. */
const continuesPrevious = (text: string): boolean => POINTS_BACK.test(text) || STARTS_LOWER_CASE.test(text);

const POINTS_BACK = /^[“"‘']?(?:he|she|it|they|this|these|that|those|his|her|its|their|such|but|however|yet|and|still|also|instead|even so|thus)\b/iu;
const STARTS_LOWER_CASE = /^[“"‘']?\p{Ll}/u;

/** Neighbours a quote may take in: two, so that a quote stays a quote, not a paragraph. */
const MAX_EXTRA = 2;
