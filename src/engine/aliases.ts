import type { Party } from '../vocabulary/vocabulary';
import { phraseStarts } from '../text/phrases';
import type { Analyzer } from './analysis';

export interface AliasExpansion {
  /** The term added to the query. */
  term: string;
  /** The question's words that triggered it. */
  trigger: string;
}

/**
 * Query-time actor aliases, built from each party's `names` in `config/parties.yml`:
 * a question naming the Kremlin also searches for Russia, Moscow and the people who speak
 * for Russia (Putin, Lavrov, …); one naming the White House also searches for the United
 * States, Washington, Trump… The reverse does not hold: a question about Putin is about Putin.
 */
export class ActorAliases {
  readonly #groups: { triggers: string[][]; terms: string[] }[];

  constructor(parties: readonly Party[], analyzer: Analyzer) {
    this.#groups = parties.map((party) => {
      const triggers = party.names.map((name) => analyzer.words(name)).filter((words) => words.length > 0);
      const spokespeople = party.people.flatMap((person) => person.aliases.map((alias) => analyzer.words(alias)));
      // Only single-term names can be added as query terms: "white house" split in two would match any house.
      const terms = [...triggers, ...spokespeople]
        .filter((words) => words.length === 1)
        .map((words) => analyzer.term(words[0]!))
        .filter((term): term is string => term !== null);
      return { triggers, terms: [...new Set(terms)] };
    });
  }

  /** Terms to add for the alias phrases found in the question's words. */
  expand(words: readonly string[]): AliasExpansion[] {
    const out: AliasExpansion[] = [];
    for (const group of this.#groups) {
      const trigger = group.triggers.find((phrase) => phraseStarts(words, phrase).length > 0);
      if (!trigger) continue;
      for (const term of group.terms) out.push({ term, trigger: trigger.join(' ') });
    }
    return out;
  }
}
