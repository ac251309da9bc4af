import { describe, expect, it } from 'vitest';
import { partyCompletions } from '../../src/app/completions';
import type { Services } from '../../src/app/context';
import type { CompletionSource } from '../../src/core/completion';
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
    expect(parley.suggestions(partyCompletions, 'pu')).toEqual([{ label: 'Vladimir Putin (Russia)', value: 'Putin' }]);
    expect(parley.suggestions(partyCompletions, 'rus').map((s) => s.value)).toEqual(['russia', 'Putin', 'Umerov', 'europe']);
    expect(parley.suggestions(partyCompletions, 'kreml').map((s) => s.value)).toEqual(['russia']);
    expect(parley.suggestions(partyCompletions, '', 3)).toHaveLength(3);
  });

  it('checks a request once, before it runs: whether it will run, and whether its reply is private', async () => {
    const manager = { ...CONSOLE_CALLER, platform: 'slack' as const, channelId: 'C1', userId: 'U1' };
    const preview = parley.prepare({ command: 'digest', options: { action: 'preview' }, caller: manager });
    expect(preview).toMatchObject({ runs: true, repliesPrivately: true });
    const outcome = await preview.outcome();
    expect(outcome).toMatchObject({ ok: true, reply: { command: 'digest', ephemeral: true } });
    expect(await preview.outcome()).toBe(outcome);
    expect(parley.prepare({ command: 'sources', options: {}, caller: manager })).toMatchObject({ runs: true, repliesPrivately: false });
    const invalid = parley.prepare({ command: 'recent', options: { days: 'abc' }, caller: manager });
    expect(invalid).toMatchObject({ runs: false, repliesPrivately: false });
    expect(await invalid.outcome()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(parley.prepare({ command: 'nope', options: {}, caller: manager }).runs).toBe(false);
  });

  it('completes from the source an option declares, with what the application gives its commands', () => {
    const articles: CompletionSource<Services> = ({ library }) => [{ label: `${library.engine.articleCount} articles`, value: 'n', keys: ['articles'] }];
    expect(parley.suggestions(articles, 'art')).toEqual([{ label: `${parley.services.library.engine.articleCount} articles`, value: 'n' }]);
    expect(parley.suggestions(() => [], 'x')).toEqual([]);
  });
});
