import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command';
import { CommandRegistry, loadCommands } from '../../src/core/registry';
import { temporaryDir } from '../helpers/fixtures';

describe('loadCommands', () => {
  it('loads every command in commands/', async () => {
    const names = (await loadCommands()).list().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'help', 'sources']));
  });

  it('names the file and the field of an invalid command module', async () => {
    const dir = temporaryDir();
    writeFileSync(join(dir, 'Bad.mjs'), "export default { name: 'Bad Name', description: 'x', options: {}, handler() {} };");
    await expect(loadCommands(dir)).rejects.toThrow(/commands\/Bad\.mjs: name must be 1–32 lower-case/u);
  });

  it('refuses two commands with one name, and a positional that is not an option', () => {
    const base = { description: 'd', options: z.object({ a: z.string() }), handler: () => ({ command: 'x', text: '', citations: [] }) };
    expect(() => new CommandRegistry([defineCommand({ ...base, name: 'x' }), defineCommand({ ...base, name: 'x' })])).toThrow(/two commands/u);
    expect(() => new CommandRegistry([defineCommand({ ...base, name: 'y', positional: ['b' as 'a'] })])).toThrow(/positional "b"/u);
  });
});
