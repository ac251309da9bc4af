import type { Passage, Sentence } from '../corpus/article';

/**
 * Whether a sentence can be quoted on its own as a party's position. A fragment ("These
 * plans have fallen through.", "Because right now, Russian strikes have not stopped.") means
 * nothing without the sentence before it, and a sentence with an unbalanced quotation mark
 * is a piece of a longer quotation: either, shown alone, misquotes its speaker.
 */
export function quotableAlone(text: string): boolean {
  return quotationMarksBalanced(text) && !isFragment(text);
}

export function quotationMarksBalanced(text: string): boolean {
  const count = (mark: string) => text.split(mark).length - 1;
  return count('“') === count('”') && count('"') % 2 === 0;
}

export function isFragment(text: string): boolean {
  const words = text.replace(/[“”"‘’]/gu, '').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  if (words.length < MIN_WORDS) return true;
  const first = words[0]!.toLowerCase();
  // "These plans …", "It did not …": short, and what it is about is in the sentence before.
  if (ANAPHORIC_OPENERS.has(first) && words.length < SHORT_SENTENCE_WORDS) return true;
  // "Because …", "Which …": a subordinate clause written as a sentence of its own.
  return SUBORDINATE_OPENERS.has(first);
}

/** Fewer words than this make no statement of their own ("Missile strikes are regular."). */
const MIN_WORDS = 5;
const SHORT_SENTENCE_WORDS = 10;
const ANAPHORIC_OPENERS: ReadonlySet<string> = new Set(['these', 'those', 'this', 'that', 'it', 'they', 'such']);
const SUBORDINATE_OPENERS: ReadonlySet<string> = new Set(['because', 'which', 'whereas']);

/**
 * A quotation that runs over several sentences of a paragraph, whole: from the sentence
 * that opens it to the one that closes it ("“Around a hundred ‘Shahed’ drones attack Ukraine
 * each night. Missile strikes are regular. Some of our … ports have been hit …,” Zelensky
 * posted on X."), as one verbatim passage; null when the sentence opens none or it does not
 * close within a few sentences.
 */
export function wholeQuotation(passage: Passage, opening: Sentence): { sentence: Sentence; parts: Sentence[] } | null {
  const at = passage.sentences.indexOf(opening);
  const opens = (text: string) => text.split('“').length > text.split('”').length || text.trimStart().startsWith('"');
  if (at < 0 || !opens(opening.text)) return null;
  const parts = [opening];
  for (const next of passage.sentences.slice(at + 1, at + MAX_QUOTATION_SENTENCES)) {
    parts.push(next);
    const text = parts.map((p) => p.text).join(' ');
    if (quotationMarksBalanced(text)) return { sentence: { text, listItem: false }, parts };
  }
  return null;
}

/** A quotation longer than this many sentences is not quoted whole. */
const MAX_QUOTATION_SENTENCES = 4;
