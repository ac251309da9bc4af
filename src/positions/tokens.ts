/**
 * Sentence tokens for attribution: words (lower-cased, possessive marked) and the
 * punctuation that bounds clauses and quotations.
 */
export interface Token {
  /** As written. */
  raw: string;
  /** Lower-cased word with curly apostrophes folded and a possessive 's removed, or the punctuation mark. */
  text: string;
  /** The word was written with a possessive 's ("Putin’s"). */
  possessive: boolean;
  /** Hyphenated compound of several words ("Trump-Putin"): kept whole, so a joint mention is one token. */
  compound: string[] | null;
  punctuation: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[.’'-]+[\p{L}\p{N}]+)*\.?|[“”"‘’(),;:—–!?]/gu;

export function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  for (const [raw] of sentence.matchAll(TOKEN)) {
    if (raw.length === 1 && PUNCTUATION.has(raw)) {
      tokens.push({ raw, text: raw, possessive: false, compound: null, punctuation: true });
      continue;
    }
    let word = raw.toLowerCase();
    if (word.includes('’')) word = word.replaceAll('’', "'");
    // "U.S." keeps its dots; a sentence's closing full stop does not belong to the word.
    if (word.endsWith('.') && !INITIALS.test(word)) word = word.slice(0, -1);
    const possessive = word.endsWith("'s");
    if (possessive) word = word.slice(0, -2);
    const compound = word.includes('-') ? word.split('-') : null;
    tokens.push({ raw, text: word, possessive, compound, punctuation: false });
  }
  return tokens;
}

const PUNCTUATION: ReadonlySet<string> = new Set([...'“”"‘’(),;:—–!?']);
const INITIALS = /^(?:[a-z]\.)+$/u;
