import type { Analyzer } from '../engine/analysis';
import { phraseStarts } from '../text/phrases';

/** Another way of saying a phrase of the question. */
export interface Rewording {
  /** Positions, in the question's terms, of the phrase it stands for. */
  positions: number[];
  /** The terms of the other phrase. */
  terms: string[];
}

/**
 * The domain thesaurus of `config/thesaurus.yml`: groups of phrases that mean the same thing
 * here. Phrases are compared as index terms, so "power plant" matches "power plants".
 */
export class Thesaurus {
  readonly #groups: string[][][];

  constructor(groups: readonly (readonly string[])[], analyzer: Analyzer) {
    this.#groups = groups.map((group) => group.map((phrase) => analyzer.terms(phrase)).filter((terms) => terms.length > 0));
  }

  /** For every phrase of a group found in the question's terms: each other phrase of its group. */
  rewordings(questionTerms: readonly string[]): Rewording[] {
    const out: Rewording[] = [];
    for (const group of this.#groups) {
      for (const phrase of group) {
        for (const start of phraseStarts(questionTerms, phrase)) {
          const positions = phrase.map((_, i) => start + i);
          for (const other of group) if (other !== phrase && other.join(' ') !== phrase.join(' ')) out.push({ positions, terms: other });
        }
      }
    }
    return out;
  }
}
