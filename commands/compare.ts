import { z } from 'zod';
import { CitationList } from '../src/answer/citations';
import { partyCompletions, topicCompletions } from '../src/app/completions';
import { defineCommand } from '../src/app/context';
import { commandRef } from '../src/core/commandRef';
import type { Comparison, Position, Reply, Section } from '../src/core/reply';
import type { CorpusStatements } from '../src/positions/corpusStatements';
import type { Statement } from '../src/positions/positionIndex';
import { resolveParty, resolveTopic } from '../src/positions/resolve';
import { currentFirst, groupStatements, prepareGroups } from '../src/positions/entries';
import { presentEntry } from '../src/positions/statements';
import type { Party, Topic } from '../src/vocabulary/vocabulary';

const NO_POSITION = 'No stated position in the corpus.';
/** Statements per cell: three for one topic; two each when several topics are shown. */
const PER_CELL = { oneTopic: 3, overview: 2 };
const OVERVIEW_TOPICS = 3;

export default defineCommand({
  name: 'compare',
  description: 'The parties side by side on a topic, each statement cited',
  options: z.object({
    topic: z
      .string()
      .trim()
      .max(60, { error: 'The topic is too long: at most 60 characters.' })
      .optional()
      .meta({ description: 'The topic: ceasefire, energy, black-sea, kursk, arms, territory… (default: where they differ most)', autocomplete: topicCompletions }),
    parties: z
      .array(z.string().trim().min(1).max(60))
      .max(6, { error: 'Compare at most 6 parties at once.' })
      .optional()
      .meta({ description: 'Parties to set side by side (default: Russia, Ukraine, United States, Europe)', autocomplete: partyCompletions }),
  }),
  positional: ['topic', 'parties'],
  examples: ['compare ceasefire', 'compare energy russia ukraine', 'compare'],
  handler: async ({ topic: topicInput, parties: partyInputs = [] }, { library }): Promise<Reply> => {
    const { parties: allParties, topics: allTopics } = library.vocabulary;
    let inputs = partyInputs;
    let topic: Topic | undefined;
    if (topicInput) {
      // "/compare russia ukraine": the first word is a party, not a topic.
      const isTopic = tryResolve(() => resolveTopic(topicInput, allTopics));
      if (!isTopic && tryResolve(() => resolveParty(topicInput, allParties))) inputs = [topicInput, ...inputs];
      else topic = resolveTopic(topicInput, allTopics);
    }
    const parties = inputs.length > 0 ? unique(inputs.map((p) => resolveParty(p, allParties))) : allParties;
    const statements = await library.positions.corpusStatements(library.engine.articles());
    const topics = topic ? [topic] : mostContested(statements, parties, allTopics);
    const perCell = topic ? PER_CELL.oneTopic : PER_CELL.overview;
    // Grouped a slice at a time first, so that the cells of large parties hold up no other request.
    await prepareGroups(topics.flatMap((t) => parties.map((party) => statements.of(party, t))));

    const citations = new CitationList();
    const positions: Position[] = [];
    const sections: Section[] = [];
    const comparison: Comparison = {
      parties: parties.map((p) => ({ id: p.id, name: p.name })),
      topics: topics.map((t) => ({ id: t.id, name: t.name })),
      cells: [],
    };
    for (const t of topics) {
      for (const party of parties) {
        // Current positions first, each strongest first; earlier ones (former officials, old dates) only after them, labelled.
        const cell = currentFirst(groupStatements(statements.of(party, t))).slice(0, perCell);
        const lines = cell.map((e) => presentEntry(e, t, citations));
        positions.push(...lines.map((l) => l.position));
        comparison.cells.push({ topic: t.id, party: party.id, stated: cell.length > 0, citations: lines.map((l) => l.position.citations[0]!.n) });
        sections.push({
          title: topic ? party.name : `${party.name} — ${t.name}`,
          body: cell.length > 0 ? lines.map((l) => l.line).join('\n') : NO_POSITION,
          inline: true,
        });
      }
    }

    const text = topic
      ? `${topic.name}: what each party has stated, current positions first, strongest first (reported by the most articles, then the newest).`
      : topics.length === 0
        ? 'No party has a stated position in the corpus yet.'
        : `The topics on which the most parties have stated positions: ${topics.map((t) => t.name).join('; ')}. For one topic in full: ${commandRef('compare')} <topic>.`;
    return {
      command: 'compare',
      title: topic ? `${topic.name} — side by side` : 'Where the parties stand',
      text,
      citations: citations.all(),
      sections,
      positions,
      comparison,
    };
  },
});

/**
 * Without a topic, the topics where the most of the parties have stated positions (so they
 * can be set against each other), then the most statements.
 */
function mostContested(statements: CorpusStatements<Statement>, parties: readonly Party[], topics: readonly Topic[]): Topic[] {
  return topics
    .map((topic) => {
      const counts = parties.map((party) => statements.of(party, topic).length);
      return { topic, parties: counts.filter((count) => count > 0).length, count: counts.reduce((sum, count) => sum + count, 0) };
    })
    .filter((t) => t.parties > 0)
    .sort((a, b) => b.parties - a.parties || b.count - a.count)
    .slice(0, OVERVIEW_TOPICS)
    .map((t) => t.topic);
}

function tryResolve(resolve: () => unknown): boolean {
  try {
    resolve();
    return true;
  } catch {
    return false;
  }
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
