import type { Article, Passage, Sentence } from '../corpus/article';
import type { Party, Person } from '../vocabulary/vocabulary';
import { ActorMatcher, type ActorMention } from './actors';
import {
  CLAUSE_ENDS,
  CONTINUATIONS,
  DETERMINERS,
  HEDGES,
  isNationalityAdjective,
  NAME_PREFIXES,
  NOT_A_SUBJECT_AFTER,
  PERSONAL_PRONOUNS,
  REPORT_VERBS,
  STANCE_NOUNS,
  VERB_PRECEDERS,
  POSSESSIVE_PRONOUNS,
  SPEAKER_NOUNS,
  STANCE_VERBS,
  STATEMENT_VERBS,
} from './grammar';
import { tokenize, type Token } from './tokens';

/** Who states a sentence's position, and how the text says so. */
export interface Attribution {
  party: Party;
  /** The leader or body speaking, as the text names it ("Putin", "the Kremlin", "Russian negotiators"). */
  speaker: string;
  /** The speaker is a person rather than a body. */
  person: boolean;
  /** The person of `config/parties.yml` speaking, when it is one. */
  official: Person | null;
  /**
   * - `stance`: the speaker is the subject of a stance verb ("Kyiv insists …", "…,” Putin said.")
   * - `according-to`: "according to the Kremlin"
   * - `quote`: the sentence continues a quotation attributed next to it
   * - `list`: an item of a list introduced by an attributed sentence
   */
  cue: 'stance' | 'according-to' | 'quote' | 'list';
}

export interface AttributedSentence {
  article: Article;
  passage: Passage;
  sentence: Sentence;
  attributions: Attribution[];
}

interface Speaker {
  party: Party;
  label: string;
  person: boolean;
  official: Person | null;
}

/** A name or a resolved pronoun that may be the subject of a stance verb. */
interface Candidate extends Speaker {
  start: number;
  end: number;
  possessive: boolean;
  /** A nationality adjective ("Russian") that names a party only before a speaker noun. */
  adjective: boolean;
}

interface SentenceState {
  passage: Passage;
  sentence: Sentence;
  tokens: Token[];
  attributions: Attribution[];
  /** Quotation open when the sentence starts / ends. */
  quotedAtStart: boolean;
  quotedAtEnd: boolean;
}

/**
 * Decides which party states each sentence of an article. A party is credited only when it
 * is the one stating, demanding, agreeing, rejecting or proposing — the subject of a stance
 * verb, the source of a quote, "according to" it — never when it is merely mentioned, and
 * never for the author's speculation about it ("Putin may …", "Putin holds a weaker hand").
 */
export class Attributor {
  readonly #actors: ActorMatcher;

  constructor(parties: readonly Party[]) {
    this.#actors = new ActorMatcher(parties);
  }

  /** The article's sentences that state some party's position, in order. */
  attribute(article: Article): AttributedSentence[] {
    const states: SentenceState[] = [];
    let lastSpeaker: { speaker: Speaker; at: number } | null = null;
    let previousPeople: Speaker[] = [];
    let quoted = false;

    for (const passage of article.passages) {
      for (const sentence of passage.sentences) {
        const tokens = tokenize(sentence.text);
        const mentions = this.#actors.find(tokens);
        const at = states.length;
        const resolvePronoun = (index: number): Speaker | null => {
          const before = mentions.filter((m) => m.person && m.end <= index).at(-1);
          if (before) return speakerOf(before);
          // The one person the sentence before names ("Keith Kellogg … struck a cautious note. He said …"), else the last speaker.
          if (previousPeople.length === 1) return previousPeople[0]!;
          return lastSpeaker && at - lastSpeaker.at <= 3 ? lastSpeaker.speaker : null;
        };
        const attributions = directAttributions(tokens, mentions, resolvePronoun);
        const quotedAtEnd = quoteOpenAfter(tokens, quoted);
        states.push({ passage, sentence, tokens, attributions, quotedAtStart: quoted, quotedAtEnd });
        quoted = quotedAtEnd;

        const person = attributions.find((a) => a.person);
        if (person) lastSpeaker = { speaker: { party: person.party, label: person.speaker, person: true, official: person.official }, at };
        previousPeople = uniqueSpeakers(mentions.filter((m) => m.person).map(speakerOf));
      }
      quoted = false; // a quotation never runs across paragraphs unclosed in these texts
    }

    inheritAcrossQuotations(states);
    inheritInLists(states);
    return states
      .filter((s) => s.attributions.length > 0)
      .map(({ passage, sentence, attributions }) => ({ article, passage, sentence, attributions }));
  }
}

/** Attributions stated by the sentence itself. */
function directAttributions(
  tokens: readonly Token[],
  mentions: readonly ActorMention[],
  resolvePronoun: (index: number) => Speaker | null,
): Attribution[] {
  const attributions: Attribution[] = [];
  const candidates = subjectCandidates(tokens, mentions, resolvePronoun);
  // Names inside what a speaker says ("Putin demanded that Ukraine …") are not speakers themselves.
  let reportedUntil = -1;

  for (const candidate of candidates) {
    if (candidate.start <= reportedUntil || !isSubject(tokens, candidate)) continue;
    const verbAt = stanceVerbAfter(tokens, candidate, candidates);
    if (verbAt === null) continue;
    for (const speaker of [verbAt.speaker, ...verbAt.coordinated]) attributions.push({ ...attributionOf(speaker), cue: 'stance' });
    reportedUntil = clauseEnd(tokens, verbAt.index);
  }

  for (const inverted of invertedSpeech(tokens, candidates)) attributions.push(inverted);
  return dedupe(attributions);
}

/** Names, merged when a title joins them ("EU Commission President Ursula von der Leyen"), and resolved pronouns. */
function subjectCandidates(
  tokens: readonly Token[],
  mentions: readonly ActorMention[],
  resolvePronoun: (index: number) => Speaker | null,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const mention of mentions) {
    const previous = candidates.at(-1);
    const between = previous ? tokens.slice(previous.end, mention.start) : [];
    if (previous && previous.party === mention.party && between.every((t) => NAME_PREFIXES.has(t.text))) {
      Object.assign(previous, {
        end: mention.end,
        possessive: mention.possessive,
        adjective: false,
        ...(mention.person || !previous.person ? { label: mention.label, person: mention.person, official: mention.official } : {}),
      });
      continue;
    }
    const single = mention.end - mention.start === 1;
    candidates.push({
      ...speakerOf(mention),
      start: mention.start,
      end: mention.end,
      possessive: mention.possessive,
      adjective: single && !mention.person && isNationalityAdjective(tokens[mention.start]!.text),
    });
  }
  tokens.forEach((token, index) => {
    const personal = PERSONAL_PRONOUNS.has(token.text);
    if (!personal && !POSSESSIVE_PRONOUNS.has(token.text)) return;
    const speaker = resolvePronoun(index);
    if (speaker) candidates.push({ ...speaker, start: index, end: index + 1, possessive: !personal, adjective: false });
  });
  return candidates.sort((a, b) => a.start - b.start);
}

/** A name is a subject unless a preposition or a condition governs it ("from the White House", "if Moscow"). */
function isSubject(tokens: readonly Token[], candidate: Candidate): boolean {
  const next = tokens[candidate.end];
  // "…, Gen. Valery Gerasimov, who reported …" and "the U.S. statement …" name their speaker whatever precedes them.
  if (next?.text === ',' && tokens[candidate.end + 1]?.text === 'who') return true;
  if (next && SPEAKER_NOUNS.has(next.text) && !candidate.adjective) return true;
  let i = candidate.start - 1;
  // "Secretary of State Marco Rubio": "of" inside a title is no preposition governing the name.
  const inTitle = (k: number) => tokens[k]!.text === 'of' && NAME_PREFIXES.has(tokens[k - 1]?.text ?? '') && NAME_PREFIXES.has(tokens[k + 1]?.text ?? '');
  while (i >= 0 && (NAME_PREFIXES.has(tokens[i]!.text) || inTitle(i))) i--;
  const before = tokens[i]?.text;
  if (before === 'of' && SPEAKER_NOUNS.has(tokens[i - 1]?.text ?? '')) return true; // "the leadership of Russia"
  if (before === 'in' && SPEAKER_NOUNS.has(tokens[i - 1]?.text ?? '') && i === 1) return true; // "Officials in Kyiv … said"
  return before === undefined || !NOT_A_SUBJECT_AFTER.has(before);
}

/** The stance verb a subject governs, and the nearest speaker of its party before it. */
function stanceVerbAfter(
  tokens: readonly Token[],
  subject: Candidate,
  candidates: readonly Candidate[],
): { index: number; speaker: Speaker; coordinated: Speaker[] } | null {
  let i = subject.end;
  let statementSubject = false;
  if (subject.possessive || subject.adjective) {
    // "the Kremlin’s press release", "His post-call statements", "Russian negotiators"
    const nounAt = findSpeakerNoun(tokens, i, subject.adjective ? 1 : 3);
    if (nounAt === null) return subject.possessive ? stanceNounAfter(tokens, subject) : null;
    statementSubject = isStatementNoun(tokens[nounAt]!.text);
    i = nounAt + 1;
  } else if (tokens[i] && SPEAKER_NOUNS.has(tokens[i]!.text)) {
    statementSubject = isStatementNoun(tokens[i]!.text);
    i++;
  }

  // "Russian negotiators" speak, not "Russian".
  const startingAt = new Map(candidates.filter((c) => c !== subject).map((c) => [c.start, c]));
  let speaker: Speaker = subject.adjective ? { ...subject, label: `${subject.label} ${tokens[i - 1]!.raw}` } : subject;
  let inOfPhrase = false;
  /** Other parties' names joined to the subject by "and": "Both Moscow and Kyiv said". */
  const coordinated: Speaker[] = [];
  let coordinatedUntil = subject.end;
  i = afterAside(tokens, i);
  const limit = Math.min(tokens.length, i + 14);
  for (; i < limit; i++) {
    const token = tokens[i]!;
    if (token.text === ',') continue;
    if (token.text === 'who' && i === subject.end + 1) continue;
    if (token.text === 'to' && CONTINUATIONS.has(tokens[i - 1]?.text ?? '')) continue;
    if (CLAUSE_ENDS.has(token.text) || HEDGES.has(token.text)) return null;
    if (token.text === 'of' && SPEAKER_NOUNS.has(tokens[i - 1]?.text ?? '')) {
      inOfPhrase = true;
      continue;
    }
    const other = startingAt.get(i);
    if (other && tokens[i - 1]?.text === 'and' && i - 1 === coordinatedUntil && !other.possessive) {
      coordinated.push(other);
      coordinatedUntil = other.end;
      i = other.end - 1;
      continue;
    }
    if (other) {
      // A person of the same party nearer the verb is the one speaking ("Putin received … from Gerasimov, who reported").
      if (other.party === subject.party && other.person) speaker = other;
      else if (other.party !== subject.party && !inOfPhrase) return null;
      i = other.end - 1;
      continue;
    }
    const stance = STANCE_VERBS.has(token.text) || (statementSubject && STATEMENT_VERBS.has(token.text));
    if (stance && isVerbPosition(tokens, i, subject, inOfPhrase)) return { index: i, speaker, coordinated: coordinated.filter((c) => c.party !== speaker.party) };
    // The subject reports events ("…, who reported that Russia had regained …"): no position of its own.
    if (REPORT_VERBS.has(token.text) && isVerbPosition(tokens, i, subject, inOfPhrase)) return null;
    if (token.text === 'and' || token.text === 'but') inOfPhrase = false;
  }
  return null;
}

/**
 * Past an aside between commas after the subject, when a stance verb follows it: "Trump,
 * speaking to reporters in the Oval Office on Thursday, insisted …", "Jake Sullivan, who
 * served as national security adviser until January, argued …".
 */
function afterAside(tokens: readonly Token[], at: number): number {
  if (tokens[at]?.text !== ',') return at;
  const close = tokens.findIndex((t, k) => k > at && t.text === ',');
  if (close < 0 || close - at > 14) return at;
  let next = close + 1;
  while (tokens[next]?.text.endsWith('ly') && !tokens[next]!.punctuation) next++;
  return tokens[next] && STANCE_VERBS.has(tokens[next]!.text) ? close : at;
}

/** "his repeated but false insistence that …": a possessive speaker's stance noun introducing what it holds. */
function stanceNounAfter(tokens: readonly Token[], subject: Candidate): { index: number; speaker: Speaker; coordinated: Speaker[] } | null {
  for (let i = subject.end; i < Math.min(tokens.length, subject.end + 5); i++) {
    const token = tokens[i]!;
    if (STANCE_NOUNS.has(token.text)) {
      const next = tokens[i + 1]?.text === '—' ? tokens[i + 2] : tokens[i + 1];
      return next?.text === 'that' ? { index: i, speaker: subject, coordinated: [] } : null;
    }
    if (token.punctuation) return null;
  }
  return null;
}

/** Whether the stance word at `index` reads as the verb of the subject rather than as a noun. */
function isVerbPosition(tokens: readonly Token[], index: number, subject: Candidate, inOfPhrase: boolean): boolean {
  const previous = tokens[index - 1];
  if (!previous || DETERMINERS.has(previous.text)) return false;
  if (inOfPhrase || index === subject.end || SPEAKER_NOUNS.has(previous.text)) return true;
  return VERB_PRECEDERS.has(previous.text) || (previous.text.endsWith('ly') && !previous.punctuation);
}

/** "…,” Putin said." and "according to the Kremlin": the speaker follows the verb or the phrase. */
function invertedSpeech(tokens: readonly Token[], candidates: readonly Candidate[]): Attribution[] {
  const out: Attribution[] = [];
  tokens.forEach((token, i) => {
    if (token.text === 'according' && tokens[i + 1]?.text === 'to') {
      const speaker = candidates.find((c) => c.start > i + 1 && c.start <= i + 4 && !c.possessive);
      if (speaker) out.push({ ...attributionOf(speaker), cue: 'according-to' });
    }
    if (INVERTED_SPEECH_VERBS.has(token.text) && [',', '”', '"'].includes(tokens[i - 1]?.text ?? '')) {
      const speaker = candidates.find((c) => c.start === i + 1 || (c.start === i + 2 && tokens[i + 1]!.text === 'the'));
      if (speaker) out.push({ ...attributionOf(speaker), cue: 'stance' });
    }
  });
  return out;
}

const INVERTED_SPEECH_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'added', 'wrote', 'asked', 'insisted']);

function findSpeakerNoun(tokens: readonly Token[], from: number, within: number): number | null {
  for (let i = from; i < Math.min(tokens.length, from + within); i++) {
    const token = tokens[i]!;
    if (SPEAKER_NOUNS.has(token.text)) return i;
    if (token.punctuation) return null;
  }
  return null;
}

const isStatementNoun = (word: string): boolean => ['statement', 'statements', 'release', 'readout', 'summary', 'mention'].includes(word);

/** The index where the clause containing `index` ends: the next ";" or the sentence's end. */
function clauseEnd(tokens: readonly Token[], index: number): number {
  const semicolon = tokens.findIndex((t, i) => i > index && t.text === ';');
  return semicolon < 0 ? tokens.length : semicolon;
}

/** Whether a quotation is still open after the sentence: curly quotes nest, straight ones toggle. */
function quoteOpenAfter(tokens: readonly Token[], openAtStart: boolean): boolean {
  let depth = openAtStart ? 1 : 0;
  for (const token of tokens) {
    if (token.text === '“') depth++;
    else if (token.text === '”') depth = Math.max(0, depth - 1);
    else if (token.text === '"') depth = depth > 0 ? depth - 1 : 1;
  }
  return depth > 0;
}

/**
 * A quotation spanning several sentences belongs to whoever the text credits with it,
 * in any of its sentences ("“… ports have been hit,” Zelensky posted on X."), or else to
 * the attributed sentence right before it ("… Gerasimov told Putin. “These plans have fallen through.”").
 */
function inheritAcrossQuotations(states: SentenceState[]): void {
  for (let start = 0; start < states.length; start++) {
    const first = states[start]!;
    const opensWithQuote = first.tokens[0]?.text === '“' || first.tokens[0]?.text === '"';
    if (!opensWithQuote || first.quotedAtStart) continue;
    let end = start;
    while (states[end]!.quotedAtEnd && states[end + 1]?.quotedAtStart && states[end + 1]!.passage === first.passage) end++;
    const span = states.slice(start, end + 1);
    const credited = span.find((s) => s.attributions.length > 0)?.attributions;
    const before = states[start - 1];
    const inherited = credited ?? before?.attributions.map((a) => ({ ...a, cue: 'quote' as const }));
    for (const state of span) if (state.attributions.length === 0 && inherited) state.attributions = inherited;
    start = end;
  }
}

/** Items of a list take the attribution of the sentence that introduces them. */
function inheritInLists(states: SentenceState[]): void {
  for (const state of states) {
    if (!state.sentence.listItem || state.attributions.length > 0) continue;
    const intro = states.find((s) => s.passage === state.passage && !s.sentence.listItem && s.sentence.text.endsWith(':'));
    if (intro) state.attributions = intro.attributions.map((a) => ({ ...a, cue: 'list' }));
  }
}

const attributionOf = (speaker: Speaker): Omit<Attribution, 'cue'> => ({
  party: speaker.party,
  speaker: speaker.label,
  person: speaker.person,
  official: speaker.official,
});

const speakerOf = (mention: ActorMention): Speaker => ({ party: mention.party, label: mention.label, person: mention.person, official: mention.official });

function uniqueSpeakers(speakers: Speaker[]): Speaker[] {
  return speakers.filter((s, i) => speakers.findIndex((o) => o.label === s.label) === i);
}

function dedupe(attributions: Attribution[]): Attribution[] {
  return attributions.filter((a, i) => attributions.findIndex((o) => o.party === a.party && o.speaker === a.speaker) === i);
}
