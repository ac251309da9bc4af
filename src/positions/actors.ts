import type { Party, Person } from '../vocabulary/vocabulary';
import { tokenize, type Token } from './tokens';

/** A party, or one of its people, named in a sentence. */
export interface ActorMention {
  party: Party;
  /** How the text names the actor, as written ("the Kremlin", "Putin", "Russian negotiators"). */
  label: string;
  /** A person (Putin) rather than a body or place standing for the party (the Kremlin). */
  person: boolean;
  /** The person of `config/parties.yml` named, if it is one. */
  official: Person | null;
  /** Token positions [start, end). */
  start: number;
  end: number;
  possessive: boolean;
}

interface NamePattern {
  words: string[];
  /** Short all-capital names (US, EU, UK) only match as written, never the pronoun "us". */
  exact: string | null;
  party: Party;
  person: boolean;
  official: Person | null;
  /** The canonical label for a person ("Putin"), or null to use the text's own words. */
  personLabel: string | null;
}

/** Finds the parties and their people in tokenised sentences, longest name first. */
export class ActorMatcher {
  readonly #patterns: NamePattern[];
  /** Patterns by their first word, longest first: one lookup per token. */
  readonly #byFirstWord = new Map<string, NamePattern[]>();

  constructor(parties: readonly Party[]) {
    const patterns: NamePattern[] = [];
    for (const party of parties) {
      for (const name of party.names) patterns.push(pattern(name, party, null));
      for (const person of party.people) {
        for (const name of [person.name, ...person.aliases]) patterns.push(pattern(name, party, person));
      }
    }
    this.#patterns = patterns.filter((p) => p.words.length > 0).sort((a, b) => b.words.length - a.words.length);
    for (const p of this.#patterns) this.#byFirstWord.set(p.words[0]!, [...(this.#byFirstWord.get(p.words[0]!) ?? []), p]);
  }

  /** Mentions in token order; overlapping names resolve to the longest. */
  find(tokens: readonly Token[]): ActorMention[] {
    const mentions: ActorMention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const match = this.#byFirstWord.get(tokens[i]!.text)?.find((p) => matchesAt(tokens, i, p));
      if (!match) {
        i++;
        continue;
      }
      const end = i + match.words.length;
      mentions.push({
        party: match.party,
        label: match.personLabel ?? bodyLabel(tokens, i, end),
        person: match.person,
        official: match.official,
        start: i,
        end,
        possessive: tokens[end - 1]!.possessive,
      });
      i = end;
    }
    return mentions;
  }

  /** The parties named inside a hyphenated compound ("Trump-Putin", "U.S.-Russia"). */
  partiesInCompound(token: Token): Party[] {
    const parts = token.compound ?? [];
    return this.#patterns
      .filter((p) => p.words.length === 1 && parts.includes(p.words[0]!))
      .map((p) => p.party);
  }
}

/** A body as the text names it, with its article: "the Kremlin", "the White House", "Moscow". */
function bodyLabel(tokens: readonly Token[], start: number, end: number): string {
  // A sentence's full stop is not part of the name, the dots of "U.S." are.
  const words = tokens
    .slice(start, end)
    .map((t) => t.raw.replace(/['’]s$/u, '').replace(/^([^.]+)\.$/u, '$1'))
    .join(' ');
  return tokens[start - 1]?.text === 'the' ? `the ${words}` : words;
}

function pattern(name: string, party: Party, official: Person | null): NamePattern {
  const words = tokenize(name).filter((t) => !t.punctuation).map((t) => t.text);
  const exact = /^[A-Z]{2,3}$/u.test(name) ? name : null;
  return { words, exact, party, person: official !== null, official, personLabel: official ? personLabel(official) : null };
}

/** How a reply names a person: their first alias ("Putin"), else their name. */
export const personLabel = (person: Person): string => person.aliases[0] ?? person.name;

function matchesAt(tokens: readonly Token[], start: number, p: NamePattern): boolean {
  if (start + p.words.length > tokens.length) return false;
  for (let j = 0; j < p.words.length; j++) {
    const token = tokens[start + j]!;
    if (token.compound || token.text !== p.words[j]) return false;
    // Only the last word of a name may carry the possessive: "Russia’s President" is not "Russian President".
    if (token.possessive && j < p.words.length - 1) return false;
  }
  return p.exact === null || tokens[start]!.raw.replace(/['’]s$/u, '') === p.exact;
}
