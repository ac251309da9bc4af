import { z } from 'zod';
import { partyCompletions, topicCompletions } from '../src/app/completions';
import { defineCommand } from '../src/app/context';
import { commandRef } from '../src/core/commandRef';
import { CommandError, echoInput } from '../src/core/errors';
import type { Reply } from '../src/core/reply';
import { prepareGroups } from '../src/positions/entries';
import { bySpeaker, composePositionReply } from '../src/positions/positionReply';
import { resolveSpeaker, resolveTopic } from '../src/positions/resolve';
import { coverageWindow, looksLikeSince, readSince, SINCE_MAX_DAYS } from '../src/positions/since';
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
    since: z
      .string()
      .trim()
      .superRefine((value, context) => {
        const problem = readSince(value);
        if (typeof problem === 'string') context.addIssue({ code: 'custom', message: problem });
      })
      .optional()
      .meta({ description: `What changed: a date (YYYY-MM-DD), or days back from the newest coverage (1 to ${SINCE_MAX_DAYS})` }),
  }),
  positional: ['party', 'topic', 'since'],
  examples: ['position putin', 'position russia kursk', 'position ukraine', 'position trump 2'],
  handler: async ({ party: partyInput, topic: topicSlot, since: sinceSlot }, { library }): Promise<Reply> => {
    const { parties, topics } = library.vocabulary;
    // "/position trump 2" has no topic: a date or a number in the topic's place is the since.
    const [topicInput, sinceInput] = sinceSlot === undefined && topicSlot !== undefined && looksLikeSince(topicSlot) ? [undefined, topicSlot] : [topicSlot, sinceSlot];
    const { party, person } = resolveSpeaker(partyInput, parties);
    const topic = topicInput ? resolveTopic(topicInput, topics) : undefined;
    const since = sinceInput === undefined ? undefined : readSince(sinceInput);
    // The schema has checked a since given in its own place; this one came in the topic's.
    if (typeof since === 'string') throw new CommandError('invalid_input', `since: “${echoInput(sinceInput!)}” — ${since}`);
    const statements = await statementsOf(library, party, topic);
    const newest = library.engine.articles()[0]?.published;
    const window = since && newest ? { window: coverageWindow(since, newest), asTyped: sinceInput!.trim() } : undefined;
    const speakers = bySpeaker(statements, person);
    // Grouped here a slice at a time, so that a large party's first /position holds up no other request.
    if (!window) await prepareGroups([speakers.own, speakers.others]);
    return composePositionReply(speakers, { party, person, topic, asked: partyInput, ...(window ? { since: window } : {}) }, topics);
  },
});
