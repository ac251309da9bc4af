import { describe, expect, it } from 'vitest';
import { CONSOLE_CALLER, seedParley } from '../helpers/fixtures';

const parley = await seedParley();

describe('Parley', () => {
  it('runs a typed line, with or without the slash', async () => {
    expect(await parley.runText('/help ask', CONSOLE_CALLER)).toMatchObject({ ok: true, reply: { command: 'help' } });
    expect(await parley.runText(['help', 'ask'], CONSOLE_CALLER)).toMatchObject({ ok: true, reply: { command: 'help' } });
  });

  it('answers an unknown first word with the list of commands', async () => {
    expect(await parley.runText('What did Putin say?', CONSOLE_CALLER)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('suggests parties and their spokespeople, prefix matches first, at most the limit', () => {
    expect(parley.suggestions('party', 'pu')).toEqual([{ label: 'Vladimir Putin (Russia)', value: 'Putin' }]);
    expect(parley.suggestions('party', 'rus').map((s) => s.value)).toEqual(['russia', 'Putin', 'Umerov', 'europe']);
    expect(parley.suggestions('party', 'kreml').map((s) => s.value)).toEqual(['russia']);
    expect(parley.suggestions('party', '', 3)).toHaveLength(3);
    expect(parley.suggestions('unknown-vocabulary', 'x')).toEqual([]);
  });
});
