import { describe, expect, it } from 'vitest';
import { asTyped, CONSOLE_CALLER, seedParley } from '../helpers/fixtures';

const parley = await seedParley();

describe('/digest in the console', () => {
  it('previews the digest a channel would get now, for the caller only', async () => {
    const outcome = await parley.runText('/digest preview', CONSOLE_CALLER);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply).toMatchObject({ command: 'digest', ephemeral: true, title: expect.stringMatching(/^Preview — Parley daily digest — \d{4}-\d\d-\d\d$/u) });
    expect(outcome.reply.text).toBe('1 new article in the most recent day of coverage (2025-03-20).');
  });

  it('explains that subscriptions belong to chat channels', async () => {
    expect(asTyped(await parley.runText('/digest subscribe', CONSOLE_CALLER))).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Digests are posted into Discord or Slack channels; in the console, /digest preview shows one.' },
    });
  });

  it('names a wrong action', async () => {
    expect(await parley.runText('/digest sometimes', CONSOLE_CALLER)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Choose subscribe, unsubscribe, show or preview') },
    });
  });
});
