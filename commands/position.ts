import { z } from 'zod';
import { partyCompletions, topicCompletions } from '../src/app/completions';
import { defineCommand } from '../src/app/context';
import { commandRef } from '../src/core/commandRef';
import type { Reply } from '../src/core/reply';
import { composePositionReply } from '../src/positions/positionReply';
import { resolveSpeaker, resolveTopic } from '../src/positions/resolve';
import { statementsOf } from '../src/positions/statements';

export default defineCommand({
  name: 'position',
  description: 'A party’s stated positions, grouped by topic, each a cited verbatim sentence',
  options: z.object({
    party: z
      .string({ error: `Name a party, e.g. ${commandRef('position')} russia or ${commandRef('position')} putin` })
      .trim()
      .min(1, { error: `Name a party, e.g. ${commandRef('position')} russia or ${commandRef('position')} putin` })
      .max(60, { error: 'The party name is too long: at most 60 characters.' })
      .meta({ description: 'A party or one of its leaders: russia, ukraine, united-states, europe, putin, zelensky, trump…', autocomplete: partyCompletions }),
    topic: z
      .string()
      .trim()
      .max(60, { error: 'The topic is too long: at most 60 characters.' })
      .optional()
      .meta({ description: 'Only this topic: ceasefire, energy, black-sea, kursk, arms, nato-guarantees…', autocomplete: topicCompletions }),
  }),
  positional: ['party', 'topic'],
  examples: ['position putin', 'position russia kursk', 'position ukraine'],
  handler: async ({ party: partyInput, topic: topicInput }, { library }): Promise<Reply> => {
    const { parties, topics } = library.vocabulary;
    const { party, person } = resolveSpeaker(partyInput, parties);
    const topic = topicInput ? resolveTopic(topicInput, topics) : undefined;
    const statements = await statementsOf(library, party, topic);
    return composePositionReply(statements, { party, person, topic, asked: partyInput }, topics);
  },
});
