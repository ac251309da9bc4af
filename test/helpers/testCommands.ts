import { z } from 'zod';
import type { Parley } from '../../src/app/parley';
import { defineCommand, type CommandDefinition } from '../../src/core/command';
import { CommandError } from '../../src/core/errors';
import { CommandRegistry, loadCommands } from '../../src/core/registry';
import type { Citation, Reply } from '../../src/core/reply';
import { createLogger, silentLogger, type Logger } from '../../src/log';
import { seedCorpusLibrary, testParley } from './fixtures';

/**
 * Commands that exercise what the real ones rarely do — a crash, an over-long reply, a
 * private reply, a list option with autocompletion — for testing adapters, which must
 * serve any command file without knowing it.
 */

const citation = (n: number): Citation => ({
  n,
  articleId: `article-${n}`,
  title: `Article ${n}: ${'a long headline about the negotiations '.repeat(3)}`,
  source: 'Test Wire',
  published: '2025-03-20',
  publishedEstimated: false,
  url: `https://example.org/articles/${n}`,
  quote: `Quote ${n}: ${'the delegations met again and disagreed about the monitoring of the energy truce. '.repeat(4)}`,
});

/** Longer than one Discord message holds in every part: text, sections (some longer than a field) and sources. */
export const LONG_REPLY: Reply = {
  command: 'overlong',
  title: `A title that is far too long ${'for a Discord embed title '.repeat(20)}`,
  text: Array.from({ length: 25 }, (_, i) => `Paragraph ${i + 1}: ${'the talks in Riyadh went on into the night. '.repeat(5)}[${(i % 10) + 1}] @everyone`).join('\n\n'),
  citations: Array.from({ length: 10 }, (_, i) => citation(i + 1)),
  sections: Array.from({ length: 30 }, (_, i) => ({
    title: `Section ${i + 1}`,
    body: `Body ${i + 1}: ${'positions shifted on the Black Sea and on Kursk. '.repeat(i % 10 === 0 ? 30 : 2)}`,
    inline: i % 2 === 0,
  })),
};

/** Too long even for the most messages Parley sends for one reply. */
export const GIANT_REPLY: Reply = {
  ...LONG_REPLY,
  text: Array.from({ length: 10 }, () => LONG_REPLY.text).join('\n\n'),
};

export const TEST_COMMANDS: readonly CommandDefinition[] = [
  defineCommand({
    name: 'explode',
    description: 'Fails with an unexpected error',
    options: z.object({}),
    handler: () => {
      throw new Error('database on fire');
    },
  }),
  defineCommand({
    name: 'overlong',
    description: 'Answers with a reply longer than every platform limit',
    options: z.object({}),
    handler: () => LONG_REPLY,
  }),
  defineCommand({
    name: 'secret',
    description: 'Answers privately',
    options: z.object({}),
    handler: () => ({ command: 'secret', text: 'Only you can see this.', citations: [], ephemeral: true }),
  }),
  defineCommand({
    name: 'whoami',
    description: 'Echoes the caller',
    options: z.object({}),
    handler: (_options, { caller }) => ({ command: 'whoami', text: JSON.stringify(caller), citations: [] }),
  }),
  defineCommand({
    name: 'versus',
    description: 'Takes several parties and a day count',
    options: z.object({
      parties: z.array(z.string()).min(2).max(4).meta({ autocomplete: 'party' }).describe('The parties to set side by side'),
      days: z.coerce.number().int().min(1).max(90).optional().describe('How many days back'),
      refuse: z.boolean().optional().describe('Refuse with a not-found error'),
    }),
    positional: ['parties'],
    handler: ({ parties, days, refuse }) => {
      if (refuse) throw new CommandError('not_found', `No statements by ${parties.join(' or ')} in the corpus.`);
      return {
        command: 'versus',
        text: `Comparing ${parties.join(' and ')} over ${days ?? 30} days.`,
        citations: [],
        sections: parties.map((party) => ({ title: party, body: `What ${party} said.`, inline: true })),
      };
    },
  }),
];

/** The application with the real commands plus the test commands, over the seed corpus. */
export async function parleyWithTestCommands(log: Logger = silentLogger): Promise<Parley> {
  const real = (await loadCommands()).list();
  return testParley(new CommandRegistry([...real, ...TEST_COMMANDS]), seedCorpusLibrary(), log);
}

/** A logger that keeps its lines, for asserting what was logged. */
export function recordingLogger(secrets: readonly string[] = []): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger('debug', secrets, (line) => lines.push(line)), { lines });
}
