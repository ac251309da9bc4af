import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';
import { escapeRegExp } from '../text/escapeRegExp';
import type { SpellingRule } from '../vocabulary/vocabulary';

/**
 * Text analysis shared by indexing and querying, so that a question and an article
 * reduce the same word to the same term: Unicode and quote normalisation, the domain's
 * spelling variants (cease-fire → ceasefire, Kiev → Kyiv, U.S. → usa), possessives,
 * stopwords and Porter stemming.
 */
export class Analyzer {
  readonly #stopwords: ReadonlySet<string>;
  readonly #spellings: SpellingNormaliser;
  readonly #stems = new Map<string, string | null>();

  constructor(spellings: readonly SpellingRule[], stopwords: Iterable<string> = DEFAULT_STOPWORDS) {
    this.#stopwords = new Set(stopwords);
    this.#spellings = new SpellingNormaliser(spellings);
  }

  /** Folds Unicode forms, curly quotes and spelling variants; the result is for matching only. */
  normalize(text: string): string {
    let out = text;
    if (NON_ASCII.test(out)) {
      out = out.normalize('NFKD').replace(COMBINING_MARKS, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
    }
    return this.#spellings.apply(out);
  }

  /** Lower-cased words of the normalised text, possessives removed, stopwords kept. */
  words(text: string): string[] {
    const out: string[] = [];
    for (const match of this.normalize(text).matchAll(WORD)) {
      let word = match[0].toLowerCase();
      if (word.endsWith("'s")) word = word.slice(0, -2);
      if (word.includes("'")) word = word.replaceAll("'", '');
      if (word.length > 1 || DIGIT.test(word)) out.push(word);
    }
    return out;
  }

  /** The index term of one word from `words()`: its stem, or null for a stopword. */
  term(word: string): string | null {
    let term = this.#stems.get(word);
    if (term === undefined) {
      term = this.#stopwords.has(word) ? null : stemmer(word);
      this.#stems.set(word, term);
    }
    return term;
  }

  /**
   * Index terms of a text, in order, with repetitions (term frequency matters); `wordsOfTerms`,
   * when given, collects the words that reduced to each term.
   */
  terms(text: string, wordsOfTerms?: Map<string, Set<string>>): string[] {
    const out: string[] = [];
    for (const word of this.words(text)) {
      const term = this.term(word);
      if (term === null) continue;
      out.push(term);
      if (wordsOfTerms) {
        const words = wordsOfTerms.get(term);
        if (words) words.add(word);
        else wordsOfTerms.set(term, new Set([word]));
      }
    }
    return out;
  }
}

/** Rewrites spelling variants to their canonical form with one pass of a compiled pattern. */
class SpellingNormaliser {
  readonly #caseInsensitive: Map<string, string>;
  readonly #caseSensitive: Map<string, string>;
  readonly #insensitivePattern: RegExp | null;
  readonly #sensitivePattern: RegExp | null;

  constructor(rules: readonly SpellingRule[]) {
    this.#caseInsensitive = new Map(
      rules.filter((r) => !r.case_sensitive).flatMap((r) => r.variants.map((v) => [v.toLowerCase(), r.canonical] as const)),
    );
    this.#caseSensitive = new Map(
      rules.filter((r) => r.case_sensitive).flatMap((r) => r.variants.map((v) => [v, r.canonical] as const)),
    );
    this.#insensitivePattern = compileAlternation([...this.#caseInsensitive.keys()], 'giu');
    this.#sensitivePattern = compileAlternation([...this.#caseSensitive.keys()], 'gu');
  }

  apply(text: string): string {
    let out = text;
    if (this.#insensitivePattern) {
      out = out.replace(this.#insensitivePattern, (m) => this.#caseInsensitive.get(m.toLowerCase()) ?? m);
    }
    if (this.#sensitivePattern) out = out.replace(this.#sensitivePattern, (m) => this.#caseSensitive.get(m) ?? m);
    return out;
  }
}

/** One alternation of literal phrases, longest first, that only matches whole words. */
function compileAlternation(phrases: string[], flags: string): RegExp | null {
  if (phrases.length === 0) return null;
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replace(/\s+/gu, '\\s+'));
  // A variant ending in "." (U.S.) must not swallow the sentence's full stop check; lookarounds keep words whole.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const DIGIT = /\d/u;
const NON_ASCII = /[^\p{ASCII}]/u;
const COMBINING_MARKS = /\p{M}+/gu;
const SINGLE_QUOTES = /[‘’‚‛′]/gu;
const DOUBLE_QUOTES = /[“”„‟″]/gu;

/** The `stopword` package's English list: 108 function words, kept small so that "no", "not" and numbers survive. */
export const DEFAULT_STOPWORDS: readonly string[] = Object.freeze([...englishStopwords]);
