import type { Analyzer } from '../engine/analysis';
import type { EnglishTagger, TaggedToken } from '../language/partsOfSpeech';
import { phraseStarts } from '../text/phrases';
import type { AnswerType, QuestionFrame } from '../vocabulary/vocabulary';

/** What the question gives, against which a quote's answer must be new. */
export interface AskedWords {
  /** Every term of the question and of its other wordings. */
  terms: ReadonlySet<string>;
  /** Whether a word is a name rather than a capitalised common word ("Ceasefire" in a heading). */
  isName: (word: string) => boolean;
}

/**
 * Tells whether a text holds the kind of answer a question asks for, by the evidence
 * `config/question-frames.yml` gives for it: an entity of the right type (a duration, a
 * date, a number) near a word of the question ("86% of the territory" for "how much
 * territory"), a name the question does not itself give (for "who" and "where"), a cue
 * ("because"), or its place in the article (a conclusion is in the first or last paragraph). What the question already says is no answer: "March 18" does not say when
 * something happened on March 18.
 */
export class AnswerTypes {
  readonly #evidence = new Map<AnswerType, { entities: Set<string>; cues: string[][]; where: Set<'first' | 'last'>; strict: boolean; explained: boolean }>();
  readonly #analyzer: Analyzer;
  readonly #tagger: EnglishTagger;

  constructor(frames: readonly QuestionFrame[], analyzer: Analyzer, tagger: EnglishTagger) {
    this.#analyzer = analyzer;
    this.#tagger = tagger;
    for (const frame of frames) {
      const known = this.#evidence.get(frame.expects) ?? { entities: new Set<string>(), cues: [], where: new Set(), strict: false, explained: false };
      for (const entity of frame.entities) known.entities.add(entity);
      for (const cue of frame.cues) known.cues.push(analyzer.words(cue));
      for (const where of frame.where) known.where.add(where);
      known.strict ||= frame.strict;
      known.explained ||= frame.explained;
      this.#evidence.set(frame.expects, known);
    }
  }

  /** Whether a question of this kind whose best quote holds no such answer is unlikely to be answered (see `strict`). */
  isStrict(expects: AnswerType): boolean {
    return this.#evidence.get(expects)?.strict ?? false;
  }

  /** Whether a question of this kind is answered by an explanation, in other words than its own (see `explained`). */
  isExplained(expects: AnswerType): boolean {
    return this.#evidence.get(expects)?.explained ?? false;
  }

  /** Whether the quote, the `paragraph`-th of its article's `paragraphs`, holds the kind of answer asked for. */
  holds(expects: AnswerType, text: string, asked: AskedWords, place: { paragraph: number; paragraphs: number }): boolean {
    const evidence = this.#evidence.get(expects);
    if (!evidence) return false;
    if (evidence.where.has('first') && place.paragraph === 0) return true;
    if (evidence.where.has('last') && place.paragraph === place.paragraphs - 1) return true;
    const words = this.#analyzer.words(text);
    if (evidence.cues.some((cue) => phraseStarts(words, cue).length > 0)) return true;
    if (evidence.entities.size === 0) return false;
    const { tokens, entities } = this.#tagger.read(text);
    const termsOf = (token: TaggedToken): string[] => this.#analyzer.terms(token.text);
    const isAsked = (token: TaggedToken): boolean => termsOf(token).some((term) => asked.terms.has(term));
    const new_ = (start: number, end: number): boolean => tokens.slice(start, end + 1).some((t) => termsOf(t).length > 0 && !isAsked(t));
    const nearAsked = (start: number, end: number): boolean => {
      for (let i = Math.max(0, start - NEAR); i <= Math.min(tokens.length - 1, end + NEAR); i++) if ((i < start || i > end) && isAsked(tokens[i]!)) return true;
      return false;
    };
    if (entities.some((e) => evidence.entities.has(e.type) && new_(e.start, e.end) && nearAsked(e.start, e.end))) return true;
    // A part of speech as evidence: a numeral near the question's words, or a name it does not give.
    return tokens.some((token, i) => {
      if (!evidence.entities.has(token.pos) || !new_(i, i)) return false;
      return token.pos === 'PROPN' ? asked.isName(token.text) : nearAsked(i, i);
    });
  }
}

/** Tokens either side of an entity within which a word of the question makes it the answer to that question. */
const NEAR = 6;
