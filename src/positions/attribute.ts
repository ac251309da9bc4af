import type { Article, Passage, Sentence } from '../corpus/article';
import type { Party, Person } from '../vocabulary/vocabulary';
import { ActorMatcher, type ActorMention } from './actors';
import {
  APPOSITIVE_ROLES,
  AUXILIARIES,
  CLARIFYING_VERBS,
  CLAUSE_ENDS,
  CONJUNCTIONS,
  CONTINUATIONS,
  DETERMINERS,
  HEDGES,
  INFINITIVE_STANCE_NOUNS,
  MEDIA_NOUNS,
  isNationalityAdjective,
  MILITARY_MODIFIERS,
  NAME_PREFIXES,
  NEGATED_MODALS,
  NOT_A_SUBJECT_AFTER,
  NOT_PASSIVE_STANCES,
  PASSIVE_AUXILIARIES,
  POSTING_VERBS,
  DOCUMENT_NOUNS,
  PREPOSITIONAL_STANCE_NOUNS,
  PERSONAL_PRONOUNS,
  PERSON_TITLES,
  ROLE_REFERENCES,
  POSSESSIVE_PRONOUNS,
  REPLY_VERBS,
  REPORT_VERBS,
  SETTING_OUT_VERBS,
  SPEAKING_VERBS,
  CONVERSATION_PREPOSITIONS,
  CONVEYING_VERBS,
  PUTTING_VERBS,
  SIDE_NOUNS,
  SPEAKER_NOUNS,
  STANCE_NOUNS,
  STANCE_VERBS,
  STATEMENT_VERBS,
  VERB_ADVERBS,
  VERB_PRECEDERS,
} from './grammar';
import type { PartOfSpeech } from '../language/partsOfSpeech';
import { tokenize, type Token } from './tokens';
import { SentenceWordClasses } from './wordClasses';

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
    /** The speaker of the last statement, a person or not ("A senior US official"), for "the official said". */
    let lastHeard: { speaker: Speaker; at: number } | null = null;
    let previousPeople: Speaker[] = [];
    /** The two parties a sentence last named together ("the Trump-Putin call", "between Washington and Moscow"), for "both sides". */
    let lastPair: { parties: Party[]; at: number } | null = null;
    /** The president the article last named, for "the president said". */
    let lastPresident: Speaker | null = null;
    /** Whose statement the article last named ("the call readout from the White House"), for "The statement that …". */
    let lastStatement: { speaker: Speaker; at: number } | null = null;
    let quoted = false;

    let heading: string | null = null;
    for (const passage of article.passages) {
      if (passage.heading && passage.heading !== heading) {
        const headingTokens = tokenize(passage.heading);
        const named = this.#pairNamed(headingTokens, this.#actors.find(headingTokens));
        if (named) lastPair = { parties: named, at: states.length };
      }
      heading = passage.heading;
      for (const sentence of passage.sentences) {
        const tokens = tokenize(sentence.text);
        const mentions = this.#actors.find(tokens);
        const at = states.length;
        const resolvePronoun = (index: number, reference: Reference): Speaker | null => {
          if (reference === 'the president') {
            const president = mentions.filter((m) => isPresident(m) && m.end <= index).at(-1);
            return president ? speakerOf(president) : lastPresident;
          }
          if (reference === 'the statement') return lastStatement && at - lastStatement.at <= STATEMENT_REACH ? lastStatement.speaker : null;
          // "The official said": the speaker last heard, whether or not a person by name ("A senior US official said …").
          if (reference === 'the role' && lastHeard && at - lastHeard.at <= 3) return lastHeard.speaker;
          const before = mentions.filter((m) => m.person && m.end <= index).at(-1);
          if (before) return speakerOf(before);
          // The person who spoke in the sentence before ("Putin’s adviser Yuri Ushakov told reporters … He added …").
          if (lastSpeaker && lastSpeaker.at === at - 1) return lastSpeaker.speaker;
          // The one person the sentence before names ("Keith Kellogg … struck a cautious note. He said …"), else the last speaker.
          if (previousPeople.length === 1) return previousPeople[0]!;
          return lastSpeaker && at - lastSpeaker.at <= 3 ? lastSpeaker.speaker : null;
        };
        const pair = lastPair && at - lastPair.at <= PAIR_REACH ? lastPair.parties : null;
        const attributions = [
          ...directAttributions(tokens, new SentenceWordClasses(sentence.text, tokens), mentions, resolvePronoun),
          ...bothSidesAttributions(tokens, pair),
        ];
        const quotedAtEnd = quoteOpenAfter(tokens, quoted);
        states.push({ passage, sentence, tokens, attributions, quotedAtStart: quoted, quotedAtEnd });
        quoted = quotedAtEnd;

        const person = attributions.find((a) => a.person);
        if (person) lastSpeaker = { speaker: { party: person.party, label: person.speaker, person: true, official: person.official }, at };
        const latest = attributions.at(-1);
        if (latest) lastHeard = { speaker: { party: latest.party, label: latest.speaker, person: latest.person, official: latest.official }, at };
        // "Following a call with Putin, Trump emerged … His team …": the one person who is a subject, else the one person named.
        const people = uniqueSpeakers(mentions.filter((m) => m.person).map(speakerOf));
        const subjects = people.length > 1 ? uniqueSpeakers(mentions.filter((m) => m.person && isSubject(tokens, mentionCandidate(m))).map(speakerOf)) : [];
        previousPeople = subjects.length === 1 ? subjects : people;
        const named = this.#pairNamed(tokens, mentions);
        if (named) lastPair = { parties: named, at };
        const president = mentions.filter(isPresident).at(-1);
        if (president) lastPresident = speakerOf(president);
        const source = statementSource(tokens, mentions);
        if (source) lastStatement = { speaker: source, at };
      }
      quoted = false; // a quotation never runs across paragraphs unclosed in these texts
    }

    inheritAcrossQuotations(states);
    inheritInLists(states);
    return states
      .filter((s) => s.attributions.length > 0)
      .map(({ passage, sentence, attributions }) => ({ article, passage, sentence, attributions }));
  }

  /** Two parties named together: "between Washington and Moscow", else a compound ("Trump-Putin", "U.S.-Russia"). */
  #pairNamed(tokens: readonly Token[], mentions: readonly ActorMention[]): Party[] | null {
    for (const [k, first] of mentions.entries()) {
      const second = mentions[k + 1];
      const joined = second && tokens[first.start - 1]?.text === 'between' && tokens[first.end]?.text === 'and' && second.start === first.end + 1;
      if (joined && second.party !== first.party) return [first.party, second.party];
    }
    for (const token of tokens) {
      if (!token.compound) continue;
      const parties = [...new Set(this.#actors.partiesInCompound(token))];
      if (parties.length === 2) return parties;
    }
    return null;
  }
}

/** What a pronoun-like reference stands for: "he", "his" or "the president". */
type Reference = 'pronoun' | 'the president' | 'the statement' | 'the role';

/** How many sentences on "the statement" still means the one last named with its source. */
const STATEMENT_REACH = 3;

/** The party whose statement a sentence names: "the White House readout", "the Kremlin’s statement", "the readout from the White House". */
function statementSource(tokens: readonly Token[], mentions: readonly ActorMention[]): Speaker | null {
  for (const [index, token] of tokens.entries()) {
    if (!isStatementNoun(token.text)) continue;
    const before = mentions.find((m) => m.end <= index && index - m.end <= 2 && tokens.slice(m.end, index).every((t) => !t.punctuation));
    if (before) return speakerOf(before);
    const from = tokens[index + 1]?.text;
    const after = mentions.find((m) => m.start > index + 1 && m.start <= index + 3 && !m.possessive);
    if ((from === 'from' || from === 'by') && after) return speakerOf(after);
  }
  return null;
}

/** A president of `config/parties.yml` (not a vice or former one), whom "the president" may mean. */
const isPresident = (mention: ActorMention): boolean => mention.official?.role?.startsWith('President') ?? false;

/** How many sentences on "both sides" still means the pair last named together. */
const PAIR_REACH = 10;

/** "Both sides agreed to form a task force": each of the two parties last named together states it. */
function bothSidesAttributions(tokens: readonly Token[], pair: readonly Party[] | null): Attribution[] {
  if (!pair) return [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const two = tokens[i]!.text === 'both' ? 1 : tokens[i]!.text === 'the' && tokens[i + 1]!.text === 'two' ? 2 : 0;
    if (two === 0 || !SIDE_NOUNS.has(tokens[i + two]?.text ?? '')) continue;
    const end = i + two + 1;
    const label = tokens.slice(i, end).map((t) => t.raw).join(' ');
    const subject: Candidate = { party: pair[0]!, label, person: false, official: null, start: i, end, possessive: false, adjective: false };
    if (bothSidesVerbAt(tokens, end) === null || !isSubject(tokens, subject)) return [];
    return pair.map((party) => ({ party, speaker: label, person: false, official: null, cue: 'stance' as const }));
  }
  return [];
}

/**
 * The stance verb of "both sides" at `at`, or after adverbs ("Both sides later stressed", "Both sides have since
 * agreed"). Not a second verb ("Both sides also brought forward and stressed their readiness": the labelled set reads
 * no position in that).
 */
function bothSidesVerbAt(tokens: readonly Token[], at: number): number | null {
  let i = at;
  const adverb = (word: string) => VERB_ADVERBS.has(word) || AUXILIARIES.has(word) || word.endsWith('ly');
  while (tokens[i] && !tokens[i]!.punctuation && adverb(tokens[i]!.text) && i - at < 3) i++;
  return tokens[i] && STANCE_VERBS.has(tokens[i]!.text) ? i : null;
}

const mentionCandidate = (mention: ActorMention): Candidate => ({ ...speakerOf(mention), start: mention.start, end: mention.end, possessive: mention.possessive, adjective: false });

/** Attributions stated by the sentence itself. */
function directAttributions(
  tokens: readonly Token[],
  classes: SentenceWordClasses,
  mentions: readonly ActorMention[],
  resolvePronoun: (index: number, reference: Reference) => Speaker | null,
): Attribution[] {
  const attributions: Attribution[] = [];
  const candidates = subjectCandidates(tokens, classes, mentions, resolvePronoun);
  // Names inside what a speaker says ("Putin demanded that Ukraine …") are not speakers themselves.
  let reportedUntil = -1;
  /** Verbs whose subject is found: "Zelensky, however, said Ukraine would …" is no inverted "…, said Ukraine". */
  const governedVerbs = new Set<number>();

  for (const candidate of candidates) {
    const reported = candidate.start <= reportedUntil && !isRelativeClauseSubject(tokens, classes, candidate);
    if (reported || !isSubject(tokens, candidate)) continue;
    const verbAt = stanceVerbAfter(tokens, classes, candidate, candidates);
    if (verbAt === null) continue;
    for (const speaker of [verbAt.speaker, ...verbAt.coordinated]) attributions.push({ ...attributionOf(speaker), cue: 'stance' });
    governedVerbs.add(verbAt.index);
    reportedUntil = clauseEnd(tokens, verbAt.index);
  }

  for (const inverted of invertedSpeech(tokens, classes, candidates, governedVerbs)) attributions.push(inverted);
  return dedupe(attributions);
}

/** Names, merged when a title joins them ("EU Commission President Ursula von der Leyen"), and resolved pronouns. */
function subjectCandidates(
  tokens: readonly Token[],
  classes: SentenceWordClasses,
  mentions: readonly ActorMention[],
  resolvePronoun: (index: number, reference: Reference) => Speaker | null,
): Candidate[] {
  const candidates: Candidate[] = [];
  const appositive = appositiveSpeaker(tokens, classes, mentions);
  if (appositive) candidates.push(appositive);
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
    const speaker = resolvePronoun(index, 'pronoun');
    if (speaker) candidates.push({ ...speaker, start: index, end: index + 1, possessive: !personal, adjective: false });
  });
  tokens.forEach((token, index) => {
    const role = tokens[index + 1];
    // "The official said …": the speaker last named. Not "the official of …", nor "the spokesman Peskov" (a name of its own).
    if (token.text !== 'the' || !role || !ROLE_REFERENCES.has(role.text) || ['of', 'for'].includes(tokens[index + 2]?.text ?? '')) return;
    if (mentions.some((m) => m.start === index + 1 || m.start === index + 2)) return;
    const speaker = resolvePronoun(index, 'the role');
    if (speaker) candidates.push({ ...speaker, start: index, end: index + 2, possessive: role.possessive, adjective: false });
  });
  tokens.forEach((token, index) => {
    const title = tokens[index + 1];
    // Not "the president of the European Commission", nor "the President Trump" (a name of its own).
    if (token.text !== 'the' || title?.text !== 'president' || tokens[index + 2]?.text === 'of') return;
    if (mentions.some((m) => m.start === index + 1 || m.start === index + 2)) return;
    const president = resolvePronoun(index, 'the president');
    if (president) candidates.push({ ...president, start: index, end: index + 2, possessive: title.possessive, adjective: false });
  });
  // "The statement that the war “should never have started” …", "Elsewhere, the readout reframes …": the statement last
  // named with its source, opening the sentence or its first clause. The candidate is "the", so that the statement noun
  // after it reads as the speaker's statement.
  const at = tokens[0]?.text === 'the' ? 0 : tokens.findIndex((t, k) => t.text === 'the' && tokens[k - 1]?.text === ',' && k <= OPENING_CLAUSE_WORDS);
  const statement = at >= 0 ? tokens[at + 1] : undefined;
  if (statement && isStatementNoun(statement.text) && !statement.possessive && !['of', 'from', 'by'].includes(tokens[at + 2]?.text ?? '')) {
    const source = mentions.every((m) => m.start > at + 2) ? resolvePronoun(at, 'the statement') : null;
    if (source) candidates.push({ ...source, start: at, end: at + 1, possessive: false, adjective: false });
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** How many words an opening phrase may run to before "the statement" it opens onto: "Beyond Ukraine, the readout …". */
const OPENING_CLAUSE_WORDS = 5;

/**
 * A person the config does not know, opening the sentence, with an appositive that names whom
 * they speak for: "Dmitry Medvedev, the deputy chairman of Russia’s Security Council, warned …",
 * "Yuri Ushakov, a Kremlin aide, said …". The name is two or three capitalised proper nouns; the
 * appositive starts with an article or a party's possessive and holds a role word.
 */
function appositiveSpeaker(tokens: readonly Token[], classes: SentenceWordClasses, mentions: readonly PartyReference[], at = 0): Candidate | null {
  const starts = new Map(mentions.map((m) => [m.start, m]));
  // Cheap tests first: a comma within four words, and a party named after it.
  const nameComma = tokens.findIndex((t, k) => k > at && t.punctuation);
  if (starts.has(at) || nameComma < 0 || nameComma - at > 3 || tokens[nameComma]!.text !== ',' || !mentions.some((m) => m.start > nameComma)) return null;
  // One word will do at the sentence's start ("Ushakov, Putin’s foreign policy adviser, said"), two after a verb.
  const nameEnd = unknownNameEnd(tokens, classes, at, starts, at === 0 ? 1 : 2);
  if (nameEnd === null || tokens[nameEnd]?.text !== ',') return null;
  // After an inverted verb the appositive may run to the sentence's end: "…,” said Mykhailo Podolyak, an adviser to Zelensky."
  const comma = tokens.findIndex((t, k) => k > nameEnd && t.text === ',');
  const close = comma < 0 && at > 0 ? tokens.length : comma;
  if (close < 0 || close - nameEnd > APPOSITIVE_LENGTH) return null;
  const first = mentions.find((m) => m.start > nameEnd && m.end <= close);
  const opensAppositive = ['the', 'a', 'an'].includes(tokens[nameEnd + 1]!.text) || (first?.start === nameEnd + 1 && first.possessive);
  const role = tokens.slice(nameEnd + 1, close).some((t) => APPOSITIVE_ROLES.has(t.text));
  if (!first || !opensAppositive || !role) return null;
  const label = tokens.slice(at, nameEnd).map((t) => t.raw).join(' ');
  return { party: first.party, label, person: true, official: null, start: at, end: nameEnd, possessive: false, adjective: false };
}

/** What an appositive needs of a party's name in it: where it is, whose it is. */
type PartyReference = Pick<Candidate, 'start' | 'end' | 'party' | 'possessive'>;

/** The most words an appositive may run to between its commas. */
const APPOSITIVE_LENGTH = 12;

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
  // "the leadership of Russia", "a spokesman for the Kremlin"
  if ((before === 'of' || before === 'for') && SPEAKER_NOUNS.has(tokens[i - 1]?.text ?? '')) return true;
  // "Officials in Kyiv … said", "Officials at the State Department said"
  if ((before === 'in' || before === 'at') && SPEAKER_NOUNS.has(tokens[i - 1]?.text ?? '') && i === 1) return true;
  return before === undefined || !NOT_A_SUBJECT_AFTER.has(before);
}

/** The stance verb a subject governs, and the nearest speaker of its party before it. */
function stanceVerbAfter(
  tokens: readonly Token[],
  classes: SentenceWordClasses,
  subject: Candidate,
  candidates: readonly Candidate[],
): { index: number; speaker: Speaker; coordinated: Speaker[] } | null {
  let i = subject.end;
  let statementSubject = false;
  /** "Russian and Ukrainian officials said": a second nationality adjective sharing the speaker noun. */
  const partner = subject.adjective ? candidates.find((c) => c.adjective && c.start === subject.end + 1 && tokens[subject.end]!.text === 'and') : undefined;
  let partnerSpeaker: Speaker | null = null;
  if (subject.possessive || subject.adjective) {
    // "the Kremlin’s press release", "His post-call statements", "Russian negotiators", "the Russian defence ministry"
    const nounAt = findSpeakerNoun(tokens, classes, partner?.end ?? i, subject.adjective);
    if (nounAt !== null && partner) {
      partnerSpeaker = { ...partner, label: adjectiveSpeakerLabel(tokens, partner, nounAt) };
      i = partner.end;
    }
    if (nounAt === null) return subject.possessive ? stanceNounAfter(tokens, classes, subject) : null;
    if (isMilitaryBody(tokens, i, nounAt)) return null;
    statementSubject = isStatementNoun(tokens[nounAt]!.text);
    i = nounAt + 1;
  } else if (tokens[i] && SPEAKER_NOUNS.has(tokens[i]!.text)) {
    if (isMilitaryBody(tokens, i, i)) return null;
    statementSubject = isStatementNoun(tokens[i]!.text);
    i++;
  }
  // "the Kremlin statement that …", "The statement that the war should never have started …": what the statement holds.
  if (statementSubject && tokens[i]?.text === 'that') return { index: i - 1, speaker: subject, coordinated: [] };

  // "Russian negotiators" speak, not "Russian".
  const startingAt = new Map(candidates.filter((c) => c !== subject).map((c) => [c.start, c]));
  let speaker: Speaker = subject.adjective ? { ...subject, label: adjectiveSpeakerLabel(tokens, subject, i - 1) } : subject;
  let inOfPhrase = false;
  /** Other parties' names joined to the subject by "and": "Both Moscow and Kyiv said". */
  const coordinated: Speaker[] = partnerSpeaker ? [partnerSpeaker] : [];
  let coordinatedUntil = subject.end;
  if (partnerSpeaker) speaker = { ...subject, label: [subject.label, ...tokens.slice(partner!.end, i).map((t) => t.raw)].join(' ') };
  // "Russian Deputy Foreign Minister Sergei Ryabkov said": a title of the party, then the name of someone the config does not know.
  const titled = i > subject.end ? nameAfterTitle(tokens, classes, i, startingAt) : null;
  if (titled) {
    speaker = { party: subject.party, label: titled.label, person: true, official: null };
    i = titled.end;
    coordinatedUntil = titled.end;
  }
  const asideFrom = i;
  i = afterAside(tokens, i);
  // "Ukraine’s foreign minister, Andrii Sybiha, said": the person the aside names is the one speaking.
  const named = candidates.find((c) => c.start > asideFrom && c.end <= i && c.person && c.party === subject.party);
  if (named && !subject.person) speaker = named;
  // "Germany’s defence minister, Boris Pistorius, said": the aside is the name of someone the config does not know.
  const asideEnd = i > asideFrom && !named && !speaker.person ? unknownNameEnd(tokens, classes, asideFrom + 1, startingAt) : null;
  if (asideEnd === i) speaker = { party: subject.party, label: tokens.slice(asideFrom + 1, i).map((t) => t.raw).join(' '), person: true, official: null };
  if (endsClauseBeforeVerb(tokens, subject, i)) return null;
  const limit = Math.min(tokens.length, i + 14);
  for (; i < limit; i++) {
    const token = tokens[i]!;
    if (token.text === ',') continue;
    if (token.text === 'who' && i === subject.end + 1) continue;
    if (token.text === 'to' && CONTINUATIONS.has(tokens[i - 1]?.text ?? '')) continue;
    const implied = impliedStanceAfter(tokens, i);
    if (implied !== null) return { index: implied, speaker, coordinated: coordinated.filter((c) => c.party !== speaker.party) };
    // "Ukraine’s ambassador to the United Nations, Andriy Melnyk, told …": the name in the aside is the one speaking.
    const asideName = tokens[i - 1]?.text === ',' && !speaker.person ? unknownNameEnd(tokens, classes, i, startingAt) : null;
    if (asideName !== null && tokens[asideName]?.text === ',') {
      speaker = { party: speaker.party, label: tokens.slice(i, asideName).map((t) => t.raw).join(' '), person: true, official: null };
      i = asideName - 1;
      continue;
    }
    // "the ambassador to the United Nations", "the US envoy to Ukraine": part of the title, not an infinitive.
    const titleComplement = token.text === 'to' && SPEAKER_NOUNS.has(tokens[i - 1]?.text ?? '') && classes.at(i + 1) !== 'VERB';
    if ((CLAUSE_ENDS.has(token.text) && !titleComplement) || HEDGES.has(token.text)) return null;
    if ((token.text === 'of' || titleComplement) && SPEAKER_NOUNS.has(tokens[i - 1]?.text ?? '')) {
      inOfPhrase = true;
      continue;
    }
    const other = startingAt.get(i);
    // "Both Moscow and Kyiv said", "Kyiv and its European allies say".
    const joinedAt = ['its', 'their'].includes(tokens[i - 1]?.text ?? '') ? i - 2 : i - 1;
    if (other && tokens[joinedAt]?.text === 'and' && joinedAt === coordinatedUntil && !other.possessive && !other.adjective) {
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
    const stance = isStanceWordAt(tokens, i) || (statementSubject && STATEMENT_VERBS.has(token.text));
    const verbPosition = (): boolean => isVerbPosition(tokens, classes, i, coordinatedUntil, inOfPhrase);
    if (stance && verbPosition()) return { index: i, speaker, coordinated: coordinated.filter((c) => c.party !== speaker.party) };
    // The subject reports events ("…, who reported that Russia had regained …"): no position of its own.
    if (REPORT_VERBS.has(token.text) && verbPosition()) return null;
    if (token.text === 'and' || token.text === 'but') inOfPhrase = false;
  }
  return null;
}

/**
 * "Donald Tusk, whose country borders Ukraine, said …": a name right before ", said" with no
 * aside between ends a clause of its own, and is no subject of the verb — unless it opens the
 * sentence or is itself an aside ("The country’s foreign minister, Andrii Sybiha, said").
 */
function endsClauseBeforeVerb(tokens: readonly Token[], subject: Candidate, at: number): boolean {
  if (at !== subject.end || tokens[at]?.text !== ',' || !tokens[at + 1] || !isStanceWordAt(tokens, at + 1)) return false;
  let k = subject.start - 1;
  while (k >= 0 && NAME_PREFIXES.has(tokens[k]!.text)) k--;
  return k >= 0 && ![',', '“', '"', '—'].includes(tokens[k]!.text);
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
  // "…, continues to insist"
  if (CONTINUATIONS.has(tokens[next]?.text ?? '') && tokens[next + 1]?.text === 'to') next += 2;
  return tokens[next] && isStanceWordAt(tokens, next) ? close : at;
}

/** A stance verb, or a phrase that acts as one: "made clear", "made it clear", "laid out", "did not rule out", "was quoted as saying". */
function isStanceWordAt(tokens: readonly Token[], index: number): boolean {
  const word = tokens[index]!.text;
  const next = tokens[index + 1]?.text;
  if (isPassiveOfSubject(tokens, index)) return false;
  if (SPEAKING_VERBS.has(word)) return next !== undefined && !CONVERSATION_PREPOSITIONS.has(next);
  if (POSTING_VERBS.has(word) && postsDocument(tokens, index)) return false;
  if (STANCE_VERBS.has(word)) return true;
  if (PUTTING_VERBS.has(word)) return next === 'it';
  if (CLARIFYING_VERBS.has(word)) return next === 'clear' || (next === 'it' && tokens[index + 2]?.text === 'clear');
  if (REPLY_VERBS.has(word)) return next === 'that' || next === ':' || next === ',' || next === '“' || next === '"';
  if (word === 'quoted') return next === 'as' || next === 'by'; // "Peskov was quoted as saying …"
  return SETTING_OUT_VERBS.has(word) && next === 'out';
}

/** "posted a release about the call", "published its transcript": a document after the verb, within two words. */
function postsDocument(tokens: readonly Token[], verbAt: number): boolean {
  const object = tokens.slice(verbAt + 1, verbAt + 4);
  const documentAt = object.findIndex((t) => DOCUMENT_NOUNS.has(t.text));
  return documentAt > 0 && object.slice(0, documentAt).every((t) => !t.punctuation) && DETERMINERS.has(object[0]!.text);
}

/**
 * "Starmer is said to favour …", "Kyiv was urged to …", "Russia has been accused of …": a passive
 * stance verb says what others said of or to its subject, not what the subject holds. "Kyiv is
 * opposed to …" is the exception: an adjective stating the subject's own stance.
 */
function isPassiveOfSubject(tokens: readonly Token[], index: number): boolean {
  const word = tokens[index]!.text;
  if (!STANCE_VERBS.has(word) || word === 'opposed' || !(word.endsWith('ed') || IRREGULAR_PARTICIPLES.has(word))) return false;
  let auxiliary = index - 1;
  if (tokens[auxiliary]?.text.endsWith('ly') || VERB_ADVERBS.has(tokens[auxiliary]?.text ?? '')) auxiliary--;
  return PASSIVE_AUXILIARIES.has(tokens[auxiliary]?.text ?? '');
}

/** Stance participles not ending in "-ed": "is said to", "was told". */
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(['said', 'told', 'spun', 'spoken', 'written']);

/**
 * "Putin wouldn’t have demanded a withdrawal …" says that he did: a denied counterfactual of a
 * stance verb implies the stance (an affirmed one, "would have demanded", implies the opposite).
 * The index of the stance verb, or null.
 */
function impliedStanceAfter(tokens: readonly Token[], at: number): number | null {
  let i = at;
  if (NEGATED_MODALS.has(tokens[i]!.text)) i++;
  else if (tokens[i]!.text === 'would' && tokens[i + 1]?.text === 'not') i += 2;
  else return null;
  return tokens[i]?.text === 'have' && tokens[i + 1] && STANCE_VERBS.has(tokens[i + 1]!.text) ? i + 1 : null;
}

/**
 * The name heading a relative clause that states its stance: "…, a charge Kyiv denied",
 * "the truce Ukraine has already accepted". It is a speaker even inside what another says.
 */
function isRelativeClauseSubject(tokens: readonly Token[], classes: SentenceWordClasses, candidate: Candidate): boolean {
  const before = tokens[candidate.start - 1];
  if (!before || before.punctuation || candidate.possessive || candidate.adjective) return false;
  // "…, a condition that Kyiv has rejected as a trap", "a claim the Kremlin has dismissed": the name's article, or a
  // relative "that", may stand between it and the noun the clause describes.
  let nounAt = candidate.start - 1;
  if (tokens[nounAt]?.text === 'the') nounAt--;
  if (tokens[nounAt]?.text === 'that') nounAt--;
  const joined = nounAt < candidate.start - 1;
  if (!joined && (DETERMINERS.has(before.text) || CLAUSE_ENDS.has(before.text) || NOT_A_SUBJECT_AFTER.has(before.text) || CONJUNCTIONS.has(before.text))) return false;
  let verb = candidate.end;
  const beforeVerb = (word: string): boolean => AUXILIARIES.has(word) || VERB_ADVERBS.has(word) || word.endsWith('ly');
  while (tokens[verb] && beforeVerb(tokens[verb]!.text) && verb - candidate.end < 3) verb++;
  if (!tokens[verb] || !STANCE_VERBS.has(tokens[verb]!.text)) return false;
  // Then the verb must lack its object, as a relative clause's does: not "reports that Kyiv had offered talks".
  if (joined && !lacksObject(tokens, classes, verb + 1)) return false;
  return nounAt >= 0 && !tokens[nounAt]!.punctuation && classes.at(nounAt) === 'NOUN' && classes.at(verb) === 'VERB';
}

/** Whether what follows a verb is no object: the sentence's end, a mark, a preposition or an adverb ("rejected as a trap", "welcomed within hours"). */
function lacksObject(tokens: readonly Token[], classes: SentenceWordClasses, at: number): boolean {
  const next = tokens[at];
  if (!next || next.punctuation || TIME_ADVERBIAL_OPENERS.has(next.text)) return true;
  return ['ADP', 'ADV', 'SCONJ'].includes(classes.at(at) ?? 'X');
}

/** Words that open a time adverbial rather than an object: "the plan that Washington proposed last week". */
const TIME_ADVERBIAL_OPENERS: ReadonlySet<string> = new Set(['last', 'earlier', 'yesterday', 'today', 'again', 'twice', 'once']);

/**
 * "his repeated but false insistence that …", "Kyiv’s refusal to cede territory": a possessive
 * speaker's stance noun introducing what it holds, or (for a few) what it will or won't do.
 */
function stanceNounAfter(
  tokens: readonly Token[],
  classes: SentenceWordClasses,
  subject: Candidate,
): { index: number; speaker: Speaker; coordinated: Speaker[] } | null {
  for (let i = subject.end; i < Math.min(tokens.length, subject.end + 5); i++) {
    const token = tokens[i]!;
    const preposition = PREPOSITIONAL_STANCE_NOUNS.get(token.text);
    if (STANCE_NOUNS.has(token.text) || preposition) {
      const nextAt = tokens[i + 1]?.text === '—' ? i + 2 : i + 1;
      const next = tokens[nextAt]?.text;
      const infinitive = next === 'to' && INFINITIVE_STANCE_NOUNS.has(token.text) && classes.at(nextAt + 1) === 'VERB';
      // "Putin’s demand for an end to mobilization": what it asks for. Not "Trump’s call with Putin", "Russia’s demand of Kyiv".
      const prepositional = preposition !== undefined && next === preposition;
      return next === 'that' || infinitive || prepositional ? { index: i, speaker: subject, coordinated: [] } : null;
    }
    if (token.punctuation) return null;
  }
  return null;
}

/**
 * Whether the stance word at `index` reads as the verb of the subject ending at `subjectEnd`
 * rather than as a noun; after an adverb ("Trump later said", "Moscow has long insisted") the
 * tagger decides.
 */
function isVerbPosition(tokens: readonly Token[], classes: SentenceWordClasses, index: number, subjectEnd: number, inOfPhrase: boolean): boolean {
  const previous = tokens[index - 1];
  // No verb follows a determiner or "of": "the proposed truce", "Secretary of State".
  if (!previous || DETERMINERS.has(previous.text) || previous.text === 'of') return false;
  if (inOfPhrase || index === subjectEnd || SPEAKER_NOUNS.has(previous.text)) return true;
  if (VERB_PRECEDERS.has(previous.text) || (previous.text.endsWith('ly') && !previous.punctuation)) return true;
  if (previous.text === 'as' && tokens[index]!.text === 'saying') return true; // "RIA quoted Peskov as saying …"
  return !previous.punctuation && classes.at(index - 1) === 'ADV' && classes.at(index) === 'VERB';
}

/**
 * "…,” Putin said.", "according to the Kremlin" and "rejected by Kyiv": the speaker follows
 * the verb or the phrase.
 */
function invertedSpeech(
  tokens: readonly Token[],
  classes: SentenceWordClasses,
  candidates: readonly Candidate[],
  governedVerbs: ReadonlySet<number>,
): Attribution[] {
  const out: Attribution[] = [];
  const named = (speaker: Candidate): Omit<Attribution, 'cue'> => {
    if (!speaker.adjective) return attributionOf(speaker);
    const nounAt = findSpeakerNoun(tokens, classes, speaker.end, true);
    return attributionOf(nounAt === null ? speaker : { ...speaker, label: adjectiveSpeakerLabel(tokens, speaker, nounAt) });
  };
  tokens.forEach((token, i) => {
    if (governedVerbs.has(i)) return;
    if (token.text === 'according' && tokens[i + 1]?.text === 'to') {
      const speaker = candidates.find((c) => c.start > i + 1 && c.start <= i + 4 && !c.possessive);
      // "According to the Ukrainian foreign ministry, 175 prisoners were exchanged": a count of events, not a position.
      const phraseEnd = speaker ? tokens.findIndex((t, k) => k >= speaker.end && t.punctuation) : -1;
      const reportsEvents = i === 0 && phraseEnd > 0 && tokens[phraseEnd]!.text === ',' && passiveEventFirst(tokens, classes, phraseEnd + 1);
      if (speaker && !reportsEvents) out.push({ ...named(speaker), cue: 'according-to' });
    }
    if (INVERTED_SPEECH_VERBS.has(token.text) && [',', '”', '"'].includes(tokens[i - 1]?.text ?? '')) {
      const speaker = candidates.find((c) => c.start > i && isSpeakerAfterVerb(tokens, classes, i + 1, c));
      // "…, said Moscow was in no hurry": a name before its own verb is the subject of what is said.
      const ownVerb = speaker && tokens[speaker.end] && ['VERB', 'AUX'].includes(classes.at(speaker.end) ?? 'X');
      if (speaker && !ownVerb) out.push({ ...named(speaker), cue: 'stance' });
      // "…,” said Mykhailo Podolyak, an adviser to Zelensky’s office.
      const appositive = speaker ? null : appositiveSpeaker(tokens, classes, candidates, i + 1);
      if (appositive) out.push({ ...attributionOf(appositive), cue: 'stance' });
    }
    // "The strategy, transmitted via envoy Steve Witkoff …, is modular: …": the one who conveys it states it, unless
    // the text names whose it is ("Putin’s offer, relayed through Witkoff, …": Putin's).
    if (CONVEYING_VERBS.has(token.text) && ['via', 'through', 'by'].includes(tokens[i + 1]?.text ?? '')) {
      const between = (c: Candidate) => tokens.slice(i + 2, c.start).every((t) => NAME_PREFIXES.has(t.text));
      const ownsIt = (c: Candidate) => c.possessive && c.end < i && i - c.end <= 4 && tokens.slice(c.end, i - 1).every((t) => !t.punctuation);
      const owner = candidates.find(ownsIt);
      const conveyor = candidates.find((c) => c.start >= i + 2 && c.start <= i + 4 && between(c) && !c.possessive && !c.adjective);
      const stating = owner ?? conveyor;
      if (stating) out.push({ ...attributionOf(stating), cue: 'stance' });
    }
    if (token.text === 'by' && isPassiveStanceBefore(tokens, classes, i)) {
      const speaker = candidates.find((c) => (c.start === i + 1 || (c.start === i + 2 && tokens[i + 1]!.text === 'the')) && !c.possessive);
      const agent = speaker && !speaker.adjective ? speaker : speaker && findSpeakerNoun(tokens, classes, speaker.end, true) !== null ? speaker : null;
      if (agent) out.push({ ...named(agent), cue: 'stance' });
    }
  });
  return out;
}

/**
 * Whether the first verb from `from` is a passive of events ("175 prisoners were exchanged", "two people were
 * killed"), which tells what happened; not an active verb ("Putin has not yet decided") nor a passive stance.
 */
function passiveEventFirst(tokens: readonly Token[], classes: SentenceWordClasses, from: number): boolean {
  for (let k = from; k < tokens.length && !tokens[k]!.punctuation; k++) {
    if (PASSIVE_AUXILIARIES.has(tokens[k]!.text)) {
      const participle = tokens[k + 1]?.text.endsWith('ly') ? k + 2 : k + 1;
      return classes.at(participle) === 'VERB' && !STANCE_VERBS.has(tokens[participle]!.text);
    }
    if (['VERB', 'AUX'].includes(classes.at(k) ?? 'X')) return false;
  }
  return false;
}

/**
 * Whether the candidate is what follows an inverted speech verb from `from`: "said Peskov", "said
 * the Kremlin", "said a senior Ukrainian official" (an article and a few lower-case modifiers
 * before it). A nationality adjective must come with its speaker noun ("Ukrainian official").
 */
function isSpeakerAfterVerb(tokens: readonly Token[], classes: SentenceWordClasses, from: number, candidate: Candidate): boolean {
  const between = tokens.slice(from, candidate.start);
  if (between.length > 3) return false;
  const modifiers = ['the', 'a', 'an'].includes(between[0]?.text ?? '') ? between.slice(1) : between;
  if (between.length > 0 && !['the', 'a', 'an'].includes(between[0]!.text)) return false;
  if (!modifiers.every((t, k) => !t.punctuation && /^\p{Ll}/u.test(t.raw) && classes.at(from + between.length - modifiers.length + k) === 'ADJ')) return false;
  return !candidate.adjective || findSpeakerNoun(tokens, classes, candidate.end, true) !== null;
}

/** "The proposal was rejected by …", "has been dismissed by …": a passive stance verb right before "by". */
function isPassiveStanceBefore(tokens: readonly Token[], classes: SentenceWordClasses, byAt: number): boolean {
  let verb = byAt - 1;
  if (tokens[verb]?.text.endsWith('ly')) verb--;
  const word = tokens[verb]?.text ?? '';
  if (!STANCE_VERBS.has(word) || !word.endsWith('ed') || NOT_PASSIVE_STANCES.has(word)) return false;
  let auxiliary = verb - 1;
  if (tokens[auxiliary]?.text.endsWith('ly')) auxiliary--;
  return PASSIVE_AUXILIARIES.has(tokens[auxiliary]?.text ?? '') && classes.at(verb) === 'VERB';
}

/**
 * The name of a person the config does not know, right after their title: "… Foreign Ministry
 * spokeswoman Maria Zakharova", "Kremlin aide Yuri Ushakov". Further title words may come first;
 * the name is one to three capitalised proper nouns, none of them a party's name.
 */
function nameAfterTitle(
  tokens: readonly Token[],
  classes: SentenceWordClasses,
  from: number,
  candidatesAt: ReadonlyMap<number, unknown>,
): { label: string; end: number } | null {
  let start = from;
  while (tokens[start] && (SPEAKER_NOUNS.has(tokens[start]!.text) || NAME_PREFIXES.has(tokens[start]!.text)) && start - from < 3) start++;
  if (!PERSON_TITLES.has(tokens[start - 1]?.text ?? '')) return null;
  const end = unknownNameEnd(tokens, classes, start, candidatesAt);
  return end === null ? null : { label: tokens.slice(start, end).map((t) => t.raw).join(' '), end };
}

/** Where a run of one to three capitalised proper nouns from `start`, none of them a party's name, ends; or null. */
function unknownNameEnd(
  tokens: readonly Token[],
  classes: SentenceWordClasses,
  start: number,
  candidatesAt: ReadonlyMap<number, unknown>,
  minWords = 1,
): number | null {
  let end = start;
  const isNameWord = (t: Token | undefined, at: number) => t && !t.punctuation && /^\p{Lu}/u.test(t.raw) && !candidatesAt.has(at) && !t.possessive;
  while (end - start < 3 && isNameWord(tokens[end], end)) end++;
  // The words alone decide most sentences; the tagger, which costs more, only confirms a likely name.
  if (end - start < minWords || end === start) return null;
  return tokens.slice(start, end).every((_, k) => classes.at(start + k) === 'PROPN') ? end : null;
}

/** "the Russian defence ministry", "Ukraine’s military": a body that reports the fighting, not a position. */
function isMilitaryBody(tokens: readonly Token[], from: number, nounAt: number): boolean {
  return tokens[nounAt]!.text === 'ministry' && tokens.slice(from, nounAt).some((t) => MILITARY_MODIFIERS.has(t.text));
}

/** "the Russian defence ministry": the adjective's party named with the words up to its speaker noun. */
function adjectiveSpeakerLabel(tokens: readonly Token[], adjective: Candidate, nounAt: number): string {
  // A sentence's full stop is not part of the label ("… said the Russian foreign ministry.").
  return [adjective.label, ...tokens.slice(adjective.end, nounAt + 1).map((t) => t.raw.replace(/^([^.]+)\.$/u, '$1'))].join(' ');
}

const INVERTED_SPEECH_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'added', 'wrote', 'asked', 'insisted']);

/**
 * The speaker noun within three words: "the Kremlin’s press release", "His post-call
 * statements". After a nationality adjective only nouns and adjectives may come between
 * ("the Russian defence ministry", not "Russian troops attacked officials").
 */
function findSpeakerNoun(tokens: readonly Token[], classes: SentenceWordClasses, from: number, onlyModifiersBetween: boolean): number | null {
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) {
    const token = tokens[i]!;
    if (token.punctuation) return null;
    if (!SPEAKER_NOUNS.has(token.text)) continue;
    // "a Russian television presenter": an outlet's person, not the outlet, speaks (and for no party).
    if (MEDIA_NOUNS.has(token.text) && classes.at(i + 1) === 'NOUN') continue;
    if (!onlyModifiersBetween) return i;
    for (let k = from; k < i; k++) if (!NOMINAL_MODIFIERS.has(classes.at(k) ?? 'X')) return null;
    return i;
  }
  return null;
}

const NOMINAL_MODIFIERS: ReadonlySet<PartOfSpeech> = new Set(['NOUN', 'PROPN', 'ADJ']);

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
    // "“…,” said Oleksiy Goncharenko, a lawmaker.": a speaker of no party is still not the one before.
    const before = span.some((s) => namesOwnSpeaker(s.tokens)) ? undefined : states[start - 1];
    const inherited = credited ?? before?.attributions.map((a) => ({ ...a, cue: 'quote' as const }));
    for (const state of span) if (state.attributions.length === 0 && inherited) state.attributions = inherited;
    start = end;
  }
}

/** Whether a quotation's closing mark is followed by its speech verb: "“…,” one analyst said.", "“…,” said X." */
function namesOwnSpeaker(tokens: readonly Token[]): boolean {
  return tokens.some((t, k) => {
    const closes = t.text === '”' || (t.text === '"' && tokens[k - 1]?.text === ',');
    return closes && tokens.slice(k + 1, k + 1 + SPEECH_VERB_REACH).some((w) => INVERTED_SPEECH_VERBS.has(w.text) || STANCE_VERBS.has(w.text));
  });
}

/** How many words after a closing quotation mark its speech verb may come: "“…,” a senior Western diplomat told reporters." */
const SPEECH_VERB_REACH = 6;

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
