import { CitationList } from '../answer/citations';
import { commandRef } from '../core/commandRef';
import type { Position, Reply, Section } from '../core/reply';
import type { Party, Person, Topic } from '../vocabulary/vocabulary';
import { personLabel } from './actors';
import { isChangedEntry, statementChanges } from './changes';
import { groupStatements, isCurrent, type PositionEntry } from './entries';
import type { Statement } from './positionIndex';
import type { CoverageWindow } from './since';
import { presentEntry } from './statements';

/** How much one /position reply shows; the rest is counted, with the command that shows it. */
export const POSITION_REPLY_LIMITS = Object.freeze({
  /** Entries per topic in the overview. */
  perTopic: 3,
  /** Entries when one topic is asked for. */
  oneTopic: 8,
  /** Entries of the party's other speakers, when a person is asked for. */
  otherSpeakers: 3,
  /** Earlier statements (former officials, dated well before their article). */
  earlier: 3,
  /**
   * Characters of statement lines in all, so that a reply with its sources stays within a
   * Discord message or two and Slack's blocks, however many articles report the party.
   */
  characters: 4000,
});

export interface PositionRequest {
  party: Party;
  /** The person asked for (`/position trump`), or null for the whole party. */
  person: Person | null;
  topic: Topic | undefined;
  /** As the user typed the party or person. */
  asked: string;
  /** What changed: only the coverage of this window, each statement marked new or unchanged; `asTyped` for the pointers. */
  since?: { window: CoverageWindow; asTyped: string };
}

/** A party's statements split by speaker: the person's own (all of them when no person is asked for), and the other speakers'. */
export interface SpeakerStatements {
  own: readonly Statement[];
  others: readonly Statement[];
}

export function bySpeaker(statements: readonly Statement[], person: Person | null): SpeakerStatements {
  if (!person) return { own: statements, others: [] };
  return { own: statements.filter((s) => s.official === person), others: statements.filter((s) => s.official !== person) };
}

/**
 * The /position reply: the person's (or party's) current statements by topic, strongest
 * first; when a person is asked for, the party's other speakers after them, labelled as
 * such; then earlier statements, labelled with their date or their speaker's former office,
 * never among the current ones. With a `since`, only what the window's coverage reports,
 * new statements first, then unchanged ones (reported before the window too).
 */
export function composePositionReply({ own, others: otherSpeakers }: SpeakerStatements, request: PositionRequest, topics: readonly Topic[]): Reply {
  const { party, person, topic: onlyTopic } = request;
  const window = request.since?.window;
  const entriesOf = (some: readonly Statement[]): PositionEntry[] =>
    window ? statementChanges(some, (article) => article.published >= window.from) : groupStatements(some);
  const entries = entriesOf(own);
  const current = entries.filter(isCurrent);
  const earlier = entries.filter((e) => !isCurrent(e));
  const citations = new CitationList();
  const positions: Position[] = [];
  const sections: Section[] = [];
  let characters = 0;
  const show = (entry: PositionEntry, topic: Topic | null): string => {
    const { line, position } = presentEntry(entry, topic, citations);
    positions.push(position);
    characters += line.length;
    return line;
  };
  const fits = () => characters < POSITION_REPLY_LIMITS.characters;
  const target = `${party.id}`;
  const ownName = person ? personLabel(person) : party.name;
  const sinceArgument = request.since ? ` ${request.since.asTyped}` : '';
  const ownCommand = (topic: Topic) => `${commandRef('position')} ${person ? request.asked.trim().toLowerCase() : target} ${topic.id}${sinceArgument}`;

  const notShown: string[] = [];
  for (const topic of onlyTopic ? [onlyTopic] : topics) {
    const onTopic = current.filter((e) => e.reports[0]!.topics.includes(topic));
    if (onTopic.length === 0) continue;
    if (!fits()) {
      notShown.push(`${topic.name} (${onTopic.length}): ${ownCommand(topic)}`);
      continue;
    }
    const limit = onlyTopic ? POSITION_REPLY_LIMITS.oneTopic : POSITION_REPLY_LIMITS.perTopic;
    const lines: string[] = [];
    for (const entry of onTopic.slice(0, limit)) {
      if (!fits()) break;
      lines.push(show(entry, topic));
    }
    const more = onTopic.length - lines.length;
    if (more > 0) lines.push(onlyTopic ? `… and ${more} more, less reported or older.` : `… and ${more} more: ${ownCommand(topic)}`);
    sections.push({ title: `${topic.name} (${onTopic.length})`, body: lines.join('\n') });
  }
  if (!onlyTopic) {
    // "warning that failure could mean World War Three" is a position on no listed topic, still one.
    const unfiled = current.filter((e) => e.reports[0]!.topics.length === 0);
    const lines: string[] = [];
    for (const entry of unfiled.slice(0, POSITION_REPLY_LIMITS.perTopic)) if (fits()) lines.push(show(entry, null));
    if (unfiled.length > lines.length) lines.push(`… and ${unfiled.length - lines.length} more on no listed topic.`);
    if (lines.length > 0) sections.push({ title: `On no listed topic (${unfiled.length})`, body: lines.join('\n') });
  }
  if (notShown.length > 0) sections.push({ title: 'More topics', body: notShown.join('\n') });

  if (person) {
    const others = entriesOf(otherSpeakers).filter((e) => isCurrent(e) && topicOf(e, onlyTopic));
    const lines = others.slice(0, POSITION_REPLY_LIMITS.otherSpeakers).map((e) => show(e, topicOf(e, onlyTopic)!));
    const pointer = `All of ${possessive(party.name)} positions: ${commandRef('position')} ${target}${onlyTopic ? ` ${onlyTopic.id}` : ''}${sinceArgument}`;
    if (lines.length > 0) sections.push({ title: `Other ${party.name} speakers, not ${ownName}`, body: [...lines, pointer].join('\n') });
  }

  const earlierShown = earlier.filter((e) => topicOf(e, onlyTopic));
  if (earlierShown.length > 0) {
    const lines = earlierShown.slice(0, POSITION_REPLY_LIMITS.earlier).map((e) => show(e, topicOf(e, onlyTopic)!));
    const more = earlierShown.length - lines.length;
    sections.push({
      title: 'Earlier statements, not the current position',
      body: [...lines, ...(more > 0 ? [`… and ${more} more earlier ones.`] : [])].join('\n'),
    });
  }

  const via = request.asked.trim().toLowerCase() === party.id ? '' : ` (“${request.asked.trim()}” is ${person ? `${person.name}, ${person.role ?? party.name}` : party.name})`;
  const on = onlyTopic ? ` on ${onlyTopic.name}` : '';
  const speakers = [...new Set(current.map((e) => e.reports[0]!.speaker))];
  const newCount = current.filter((e) => isChangedEntry(e) && e.change.status === 'new').length;
  const tally = [`${newCount} new`, `${current.length - newCount} unchanged (reported before too)`].filter((part) => !part.startsWith('0 '));
  const ranking = !window
    ? ', strongest first: reported by the most articles, then the newest coverage'
    : tally.length > 0
      ? `: ${tally.join(', ')}; new first, then by corroboration and recency`
      : ': none current, only earlier statements';
  // "on Kursk in the 2 days up to …", "in the 2 days up to …, by topic".
  const what = onlyTopic ? `${on}${window ? ` in ${window.label}` : ''}` : `${window ? ` in ${window.label}` : ''}, by topic`;
  const nothing = window ? ` in ${window.label}${via}.${latestBefore(own, window, request)}` : ` in the corpus${via}.`;
  const text = person
    ? current.length === 0
      ? `No stated position of ${ownName}’s own${on}${nothing}${sections.length > 0 ? ` Other ${party.name} speakers and earlier statements follow.` : ''}`
      : `${ownName}’s own stated positions${what}${via}${ranking}. Other ${party.name} speakers follow, labelled as such.`
    : sections.length === 0
      ? `No stated position of ${party.name}${on}${nothing}`
      : `${possessive(party.name)} stated positions${what}${via}${ranking}. Each is a verbatim sentence naming who said it (${speakers.join(', ')}).`;
  const title = `${person ? ownName : party.name} — stated positions${window ? ` since ${window.from}` : ''}`;
  return { command: 'position', title, text, citations: citations.all(), sections, positions };
}

/** Where to look when a window has nothing: " The latest before it: /position europe 2025-03-19." */
function latestBefore(statements: readonly Statement[], window: CoverageWindow, request: PositionRequest): string {
  let latest = '';
  for (const s of statements) if (s.earlier === null && s.article.published < window.from && s.article.published > latest) latest = s.article.published;
  if (!latest) return '';
  const asked = request.person ? request.asked.trim().toLowerCase() : request.party.id;
  return ` The latest before it: ${commandRef('position')} ${asked}${request.topic ? ` ${request.topic.id}` : ''} ${latest}.`;
}

/** The topic an entry is shown under outside the topic sections: the one asked for, else its first. */
function topicOf(entry: PositionEntry, onlyTopic: Topic | undefined): Topic | undefined {
  const topics = entry.reports[0]!.topics;
  return onlyTopic ? (topics.includes(onlyTopic) ? onlyTopic : undefined) : topics[0];
}

/** "Russia’s", but "United States’". */
const possessive = (name: string): string => (name.endsWith('s') ? `${name}’` : `${name}’s`);
