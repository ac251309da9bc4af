import type { CompletionSource } from '../core/completion';
import type { Services } from './context';

/** Completions for an option naming a party: the parties, and their people by any of their names. */
export const partyCompletions: CompletionSource<Services> = ({ library }) =>
  library.vocabulary.parties.flatMap((party) => [
    { label: party.name, value: party.id, keys: keysOf(party.name, party.id, ...party.names) },
    ...party.people.map((person) => ({
      label: `${person.name} (${party.name})`,
      value: person.aliases[0] ?? person.name,
      keys: keysOf(person.name, ...person.aliases, ...person.name.split(' ')),
    })),
  ]);

/** Completions for an option naming a topic. */
export const topicCompletions: CompletionSource<Services> = ({ library }) =>
  library.vocabulary.topics.map((topic) => ({ label: topic.name, value: topic.id, keys: keysOf(topic.id, topic.name, ...topic.aliases) }));

const keysOf = (...names: string[]): string[] => names.map((n) => n.toLowerCase());
