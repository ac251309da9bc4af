import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command';
import { CommandError } from '../../src/core/errors';
import { invokeCommand as invokeWithoutRefs, type Outcome } from '../../src/core/invoke';
import { CommandRegistry } from '../../src/core/registry';
import { createLogger } from '../../src/log';
import { asTyped, CONSOLE_CALLER, seedCorpusLibrary, seedParley } from '../helpers/fixtures';

const reply = (command: string) => ({ command, text: 'ok', citations: [] });
const registry = new CommandRegistry([
  defineCommand({
    name: 'echo',
    description: 'Echo',
    options: z.object({ word: z.string().max(5, { error: 'word: at most 5 characters' }).describe('A word') }),
    positional: ['word'],
    handler: ({ word }) => ({ ...reply('echo'), text: word }),
  }),
  defineCommand({ name: 'explode', description: 'Fails', options: z.object({}), handler: () => { throw new Error('boom: secret-token-123456'); } }),
  defineCommand({ name: 'refuse', description: 'Refuses', options: z.object({}), handler: () => { throw new CommandError('forbidden', 'Only channel managers may do that.'); } }),
]);

/** Runs a command as the console shows its outcome: with references to commands written `/name`. */
async function invokeCommand(commands: CommandRegistry<unknown>, command: string, options: Record<string, unknown>, given: ReturnType<typeof context>): Promise<Outcome> {
  return asTyped(await invokeWithoutRefs(commands, { command, options }, given, given.log));
}

function context(lines: string[] = []) {
  return { library: seedCorpusLibrary(), caller: CONSOLE_CALLER, now: () => new Date(), ingester: null, log: createLogger('debug', ['secret-token-123456'], (l) => lines.push(l)) };
}

describe('invokeCommand', () => {
  it('runs a command with validated options', async () => {
    expect(await invokeCommand(registry, 'echo', { word: 'hi' }, context())).toEqual({ ok: true, reply: { ...reply('echo'), text: 'hi' } });
  });

  it('accepts the name with its slash and in any case', async () => {
    expect((await invokeCommand(registry, '/ECHO', { word: 'hi' }, context())).ok).toBe(true);
  });

  it('names an unknown command, suggests the closest and lists the others', async () => {
    expect(await invokeCommand(registry, 'ecko', {}, context())).toEqual({
      ok: false,
      error: { code: 'unknown_command', message: 'Unknown command "ecko". Did you mean "echo"? Commands: echo, explode, refuse.' },
    });
  });

  it('explains invalid input with the usage line', async () => {
    const outcome = await invokeCommand(registry, 'echo', { word: 'toolong' }, context());
    expect(outcome).toEqual({ ok: false, error: { code: 'invalid_input', message: 'word: “toolong” — word: at most 5 characters. Usage: /echo <word>' } });
    expect(await invokeCommand(registry, 'echo', {}, context())).toMatchObject({ error: { message: 'word is required. Usage: /echo <word>' } });
  });

  it('rejects unexpected arguments', async () => {
    expect(await invokeCommand(registry, 'refuse', { _extra: ['x'] }, context())).toMatchObject({
      error: { code: 'invalid_input', message: 'Unexpected argument "x". Usage: /refuse' },
    });
  });

  it('passes a command’s own error to the user', async () => {
    expect(await invokeCommand(registry, 'refuse', {}, context())).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only channel managers may do that.' } });
  });

  it('turns a crash into an apology, logs it without secrets, and keeps serving', async () => {
    const lines: string[] = [];
    const outcome = await invokeCommand(registry, 'explode', {}, context(lines));
    expect(outcome).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('Sorry, /explode failed') } });
    expect(lines.join('\n')).toContain('command /explode failed');
    expect(lines.join('\n')).toContain('boom: [redacted]');
    expect(lines.join('\n')).not.toContain('secret-token-123456');
    expect((await invokeCommand(registry, 'echo', { word: 'still' }, context())).ok).toBe(true);
  });
});

const parley = await seedParley();

describe('input errors say what was wrong with what was given', () => {
  const errorOf = async (line: string): Promise<string> => {
    const outcome = asTyped(await parley.runText(line, CONSOLE_CALLER));
    if (outcome.ok) throw new Error(`"${line}" was accepted`);
    return outcome.error.message;
  };

  it.each([
    ['recent abc', '“abc” is not a whole number from 1 to 3650.'],
    ['recent 1e309', '“1e309” is not a whole number from 1 to 3650.'],
    ['recent "7 days"', '“7 days” is not a whole number from 1 to 3650.'],
    ['recent 0', '“0” is not a whole number from 1 to 3650.'],
    ['recent 99999', '“99999” is not a whole number from 1 to 3650.'],
    ['sources 1.5', '“1.5” is not a whole number of at least 1.'],
    ['sources two', '“two” is not a whole number of at least 1.'],
    ['sources 1e20', '“1e20” is too large: it takes a whole number of at least 1.'],
  ])('a number: "%s"', async (line, expected) => {
    const message = await errorOf(line);
    expect(message).toContain(expected);
    expect(message).not.toContain('is required');
  });

  it('an option given with no value', async () => {
    expect(await errorOf('recent --days')).toBe('days: no value was given; it takes a whole number from 1 to 3650. Usage: /recent [days]');
  });

  it('a choice, with the command’s own advice', async () => {
    expect(await errorOf('digest sbscribe')).toBe(
      'action: “sbscribe” — Choose subscribe, unsubscribe, show or preview, e.g. /digest show. Usage: /digest [action] [time] [timezone]',
    );
  });

  it('a choice without the command’s own advice, and a format', async () => {
    const choice = defineCommand({
      name: 'pick',
      description: 'Picks',
      options: z.object({ colour: z.enum(['red', 'green']).describe('A colour'), at: z.string().regex(/^\d\d:\d\d$/u).optional().describe('A time') }),
      positional: ['colour', 'at'],
      handler: () => reply('pick'),
    });
    const own = new CommandRegistry([choice]);
    expect(await invokeCommand(own, 'pick', { colour: 'gren' }, context())).toMatchObject({
      error: { message: 'colour: “gren” is not one of red, green. Did you mean “green”? Usage: /pick <colour> [at]' },
    });
    expect(await invokeCommand(own, 'pick', { colour: 'red', at: '8 am' }, context())).toMatchObject({
      error: { message: 'at: “8 am” is not in the expected format. Usage: /pick <colour> [at]' },
    });
  });

  it('strings too short or too long, and lists too long', async () => {
    expect(await errorOf('ask ab')).toBe('question: “ab” — The question is too short: ask about a person, place or topic. Usage: /ask <question>');
    expect(await errorOf(`compare energy russia ${'p'.repeat(70)}`)).toBe(
      `parties: “${'p'.repeat(70)}” is too long: 70 characters, at most 60. Usage: /compare [topic] [parties…]`,
    );
    expect(await errorOf('compare energy a b c d e f g')).toBe('parties: 7 given — Compare at most 6 parties at once. Usage: /compare [topic] [parties…]');
  });

  const huge = 'z'.repeat(10_000);
  it.each([
    ['help', `help ${huge}`],
    ['an unknown command', huge],
    ['an unknown command with arguments', `${huge} and more`],
    ['a question too long', `ask ${huge}`],
    ['a source too long', `ingest ${huge}`],
    ['a number', `recent ${huge}`],
    ['a choice', `digest ${huge}`],
    ['a party', `position ${huge}`],
    ['a topic', `compare ${huge}`],
    ['a list item', `compare energy ${huge}`],
    ['a surplus argument', `digest show 08:00 Europe/Berlin ${huge}`],
  ])('echoes at most about 100 characters of the input: %s', async (_kind, line) => {
    const message = await errorOf(line);
    expect(message).not.toMatch(/z{101}/u);
    expect(message).toMatch(/z{80}…/u);
  });

  it.each(['//ask What did Putin say about Kursk?', '///ask What did Putin say about Kursk?', '/ ask What did Putin say about Kursk?'])(
    'reads "%s" as /ask with its question',
    async (line) => {
      const outcome = await parley.runText(line, CONSOLE_CALLER);
      expect(outcome).toMatchObject({ ok: true, reply: { command: 'ask', title: 'What did Putin say about Kursk?' } });
    },
  );
});
