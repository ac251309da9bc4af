import { describe, expect, it } from 'vitest';
import { CommandNames } from '../../../src/adapters/slack/commandNames';

const names = new CommandNames('parley');

describe('CommandNames', () => {
  it('names Slack commands with the prefix, and the entry point after it', () => {
    expect(names.entryPoint).toBe('/parley');
    expect(names.slashCommand('ask')).toBe('/parley-ask');
    expect(names.pattern.test('/parley')).toBe(true);
    expect(names.pattern.test('/parley-ask')).toBe(true);
    expect(names.pattern.test('/parleyask')).toBe(false);
    expect(names.pattern.test('/ask')).toBe(false);
  });

  it('reads the Parley command a Slack command names; the entry point names none', () => {
    expect(names.commandOf('/parley-ask')).toBe('ask');
    expect(names.commandOf('/parley-sources')).toBe('sources');
    expect(names.commandOf('/parley')).toBeUndefined();
  });
});
