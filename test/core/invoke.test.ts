import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command';
import { CommandError } from '../../src/core/errors';
import { invokeCommand } from '../../src/core/invoke';
import { CommandRegistry } from '../../src/core/registry';
import { createLogger } from '../../src/log';
import { CONSOLE_CALLER, seedCorpusLibrary } from '../helpers/fixtures';

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
    expect(outcome).toEqual({ ok: false, error: { code: 'invalid_input', message: 'word: word: at most 5 characters Usage: /echo <word>' } });
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
