import type { ActorAliases } from './aliases';
import type { Analyzer } from './analysis';

export interface QueryTerm {
  /** The index term searched for. */
  term: string;
  /** The question's own words that produced it (for messages such as "nothing on 'messi'"). */
  words: string[];
  /** Relative weight in ranking: 1 for the question's terms, less for alias expansions. */
  weight: number;
  /** For an alias expansion, the question terms it stands in for; empty for the question's own terms. */
  standsFor: string[];
}

/**
 * Turns a question into weighted terms: the question's content words (stopwords and
 * question words such as "say" removed), plus actor aliases at reduced weight.
 */
export function analyzeQuestion(
  question: string,
  analyzer: Analyzer,
  aliases: ActorAliases,
  questionWords: ReadonlySet<string>,
  aliasWeight: number,
): QueryTerm[] {
  const words = analyzer.words(question);
  const byTerm = new Map<string, QueryTerm>();
  for (const word of words) {
    if (questionWords.has(word)) continue;
    const term = analyzer.term(word);
    if (term === null) continue;
    const existing = byTerm.get(term);
    if (existing) {
      if (!existing.words.includes(word)) existing.words.push(word);
    } else {
      byTerm.set(term, { term, words: [word], weight: 1, standsFor: [] });
    }
  }
  for (const { term, trigger } of aliases.expand(words)) {
    if (byTerm.has(term)) continue;
    const standsFor = analyzer.terms(trigger);
    byTerm.set(term, { term, words: [], weight: aliasWeight, standsFor });
  }
  return [...byTerm.values()];
}
