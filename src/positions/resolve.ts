import { CommandError } from '../core/errors';
import { closest } from '../text/closest';
import type { Party, Person, Topic } from '../vocabulary/vocabulary';

/**
 * Reads a party as users type it: its id or name, a name that stands for it (the Kremlin,
 * Kyiv) or one of its people (putin, zelensky). Unknown input is an error that lists the
 * known parties and suggests the nearest.
 */
export function resolveParty(input: string, parties: readonly Party[]): Party {
  return resolveSpeaker(input, parties).party;
}

/** As `resolveParty`, and the person asked for when the input names one of the party's people. */
export function resolveSpeaker(input: string, parties: readonly Party[]): { party: Party; person: Person | null } {
  const keys = parties.flatMap((party) => [
    ...[party.id, party.name, ...party.names].map((key) => ({ key: normalise(key), party, person: null })),
    ...party.people.flatMap((person) => [person.name, ...person.aliases].map((key) => ({ key: normalise(key), party, person }))),
  ]);
  const wanted = normalise(input);
  const found = keys.find((k) => k.key === wanted);
  if (found) return { party: found.party, person: found.person };
  const suggestion = closest(wanted, keys.map((k) => k.key));
  const known = parties.map((p) => `${p.id} (${p.name})`).join(', ');
  throw new CommandError(
    'not_found',
    `Unknown party "${input}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Known parties: ${known}; leaders such as ${leaders(parties)} also work.`,
  );
}

/** Reads a topic by id, name or alias; unknown input lists the topics and suggests the nearest. */
export function resolveTopic(input: string, topics: readonly Topic[]): Topic {
  const keys = topics.flatMap((topic) => [topic.id, topic.name, ...topic.aliases].map((key) => ({ key: normalise(key), topic })));
  const wanted = normalise(input);
  const found = keys.find((k) => k.key === wanted)?.topic;
  if (found) return found;
  const suggestion = closest(wanted, keys.map((k) => k.key));
  throw new CommandError(
    'not_found',
    `Unknown topic "${input}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Topics: ${topics.map((t) => t.id).join(', ')}.`,
  );
}

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[’']/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();

const leaders = (parties: readonly Party[]): string =>
  parties
    .map((p) => p.people[0]?.aliases[0]?.toLowerCase())
    .filter((name): name is string => name !== undefined)
    .join(', ');
