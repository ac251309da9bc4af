import { z } from 'zod';
import { partyCompletions } from '../../src/app/completions';
import { defineCommand, type CommandContext, type ParleyCommand } from '../../src/app/context';
import type { Parley } from '../../src/app/parley';
import { CommandError } from '../../src/core/errors';
import { CommandRegistry, loadCommands } from '../../src/core/registry';
import type { Citation, Reply } from '../../src/core/reply';
import { createLogger, silentLogger, type Logger } from '../../src/log';
import { seedCorpusLibrary, testParley } from './fixtures';

/**
 * The one set of test commands, for every adapter suite: commands that exercise what the
 * real ones rarely do — a crash, a reply that breaks the Reply contract, an over-long reply,
 * a private reply, mentions in article text, a list option with autocompletion — for testing
 * adapters, which must serve any command file without knowing it.
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

/**
 * Longer than one message holds on every platform, in every part: text, sections (some
 * longer than a Discord field, more than one Slack message's blocks) and sources; yet within
 * the messages one reply may take.
 */
export const LONG_REPLY: Reply = {
  command: 'overlong',
  title: `A title that is far too long ${'for a Discord embed title '.repeat(20)}`,
  text: Array.from({ length: 25 }, (_, i) => `Paragraph ${i + 1}: ${'the talks in Riyadh went on into the night. '.repeat(5)}[${(i % 10) + 1}] @everyone`).join('\n\n'),
  citations: Array.from({ length: 10 }, (_, i) => citation(i + 1)),
  sections: Array.from({ length: 60 }, (_, i) => ({
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

/**
 * Every way of mentioning people, in Discord's, Slack's and plain syntax, as an article or a
 * user may write them; shown by any adapter, none may notify anyone.
 */
export const MENTIONS = '@everyone @here <@1300000000000000042> <@!1300000000000000042> <@&1300000000000000043> <!channel> <!here> <!everyone> <@U0BOSS> <!subteam^S0TEAM>';

/** A reply carrying the mentions where article text goes: title, text, a section, a citation. */
const MISCHIEF_REPLY: Reply = {
  command: 'mischief',
  title: `Moscow ${MENTIONS} Digest`,
  text: `The spokesman told ${MENTIONS} that the withdrawal was complete. [1]`,
  citations: [{ ...citation(1), title: `Talks ${MENTIONS}`, source: `Wire ${MENTIONS}`, quote: `He told ${MENTIONS} it was over.` }],
  sections: [{ title: `Section ${MENTIONS}`, body: `Said to ${MENTIONS}.` }],
};

export const TEST_COMMANDS: readonly ParleyCommand[] = [
  defineCommand({
    name: 'explode',
    description: 'Fails with an unexpected error',
    options: z.object({}),
    handler: () => {
      throw new Error('database on fire');
    },
  }),
  defineCommand({
    name: 'malformed',
    description: 'Answers with a reply that breaks the Reply contract (no citations)',
    options: z.object({}),
    handler: () => ({ command: 'malformed', text: 'no citations field' }) as unknown as Reply,
  }),
  defineCommand({
    name: 'mischief',
    description: 'Answers with mentions in every field that carries article text',
    options: z.object({}),
    handler: () => MISCHIEF_REPLY,
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
      parties: z.array(z.string()).min(2).max(4).meta({ autocomplete: partyCompletions }).describe('The parties to set side by side'),
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
  const real = (await loadCommands<CommandContext>()).list();
  return testParley(new CommandRegistry([...real, ...TEST_COMMANDS]), seedCorpusLibrary(), log);
}

/** A logger that keeps its lines, for asserting what was logged. */
export function recordingLogger(secrets: readonly string[] = []): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger('debug', secrets, (line) => lines.push(line)), { lines });
}
