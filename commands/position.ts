import { z } from 'zod';
import { CitationList } from '../src/answer/citations';
import { defineCommand } from '../src/core/command';
import type { Position, Reply, Section } from '../src/core/reply';
import { resolveParty, resolveTopic } from '../src/positions/resolve';
import { presentStatement, statementsOf } from '../src/positions/statements';

/** Statements shown per topic in the overview; a single topic shows them all. */
const PER_TOPIC_IN_OVERVIEW = 4;

export default defineCommand({
  name: 'position',
  description: 'A party’s stated positions, grouped by topic, each a cited verbatim sentence',
  options: z.object({
    party: z
      .string({ error: 'Name a party, e.g. /position russia or /position putin' })
      .trim()
      .min(1, { error: 'Name a party, e.g. /position russia or /position putin' })
      .max(60, { error: 'The party name is too long: at most 60 characters.' })
      .meta({ description: 'A party or one of its leaders: russia, ukraine, united-states, europe, putin, zelensky, trump…', autocomplete: 'party' }),
    topic: z
      .string()
      .trim()
      .max(60, { error: 'The topic is too long: at most 60 characters.' })
      .optional()
      .meta({ description: 'Only this topic: ceasefire, energy, black-sea, kursk, arms, nato-guarantees…', autocomplete: 'topic' }),
  }),
  positional: ['party', 'topic'],
  examples: ['position putin', 'position russia kursk', 'position ukraine'],
  handler: async ({ party: partyInput, topic: topicInput }, { library }): Promise<Reply> => {
    const { parties, topics: allTopics } = library.vocabulary;
    const party = resolveParty(partyInput, parties);
    const onlyTopic = topicInput ? resolveTopic(topicInput, allTopics) : undefined;
    const statements = await statementsOf(library, party, onlyTopic);
    const citations = new CitationList();
    const positions: Position[] = [];
    const sections: Section[] = [];

    for (const topic of onlyTopic ? [onlyTopic] : allTopics) {
      const onTopic = statements.filter((s) => s.topics.includes(topic));
      if (onTopic.length === 0) continue;
      const shown = onlyTopic ? onTopic : onTopic.slice(0, PER_TOPIC_IN_OVERVIEW);
      const lines = shown.map((s) => presentStatement(s, topic, citations));
      positions.push(...lines.map((l) => l.position));
      const more = onTopic.length - shown.length;
      const moreLine = more > 0 ? [`… and ${more} more: /position ${party.id} ${topic.id}`] : [];
      sections.push({ title: `${topic.name} (${onTopic.length})`, body: [...lines.map((l) => l.line), ...moreLine].join('\n') });
    }

    const speakers = [...new Set(statements.map((s) => s.speaker))];
    const via = partyInput.trim().toLowerCase() === party.id ? '' : ` (“${partyInput.trim()}” is ${party.name})`;
    const text =
      sections.length === 0
        ? `No stated position of ${party.name}${onlyTopic ? ` on ${onlyTopic.name}` : ''} in the corpus${via}.`
        : `${possessive(party.name)} stated positions${onlyTopic ? ` on ${onlyTopic.name}` : ', by topic'}${via}, newest coverage first. ` +
          `Each is a verbatim sentence naming who said it (${speakers.join(', ')}).`;
    return { command: 'position', title: `${party.name} — stated positions`, text, citations: citations.all(), sections, positions };
  },
});

/** "Russia’s", but "United States’". */
const possessive = (name: string): string => (name.endsWith('s') ? `${name}’` : `${name}’s`);
