import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseTextArguments, readCommandLine, splitCommandLine, tokenizeLine } from '../../src/core/args';
import { CommandRegistry } from '../../src/core/registry';
import { defineCommand } from '../../src/core/command';

const compare = defineCommand({
  name: 'compare',
  description: 'test',
  options: z.object({
    topic: z.string().optional().describe('Topic'),
    parties: z.array(z.string()).optional().describe('Parties'),
    days: z.coerce.number().optional().describe('Days'),
    brief: z.boolean().optional().describe('Brief'),
  }),
  positional: ['topic', 'parties'],
  handler: () => ({ command: 'compare', text: '', citations: [] }),
});

describe('tokenizeLine', () => {
  it('splits on spaces and honours quotes', () => {
    expect(tokenizeLine(`position "united states"  'black sea'`)).toEqual(['position', 'united states', 'black sea']);
  });
  it('keeps apostrophes inside words', () => {
    expect(tokenizeLine("What was Putin's answer?")).toEqual(['What', 'was', "Putin's", 'answer?']);
  });
});

describe('parseTextArguments', () => {
  it('fills positional options in order, the last taking the rest as a list', () => {
    expect(parseTextArguments(compare, ['energy', 'russia', 'ukraine'])).toEqual({ topic: 'energy', parties: ['russia', 'ukraine'] });
  });
  it('reads --name value, --name=value, name:value and boolean flags anywhere', () => {
    expect(parseTextArguments(compare, ['--days', '7', 'energy', 'topic:ignored?', '--brief'])).toEqual({
      days: '7',
      topic: 'ignored?',
      brief: true,
      parties: ['energy'],
    });
    expect(parseTextArguments(compare, ['--days=3'])).toEqual({ days: '3' });
  });
  it('treats an unknown name: as text', () => {
    const ask = defineCommand({
      name: 'ask',
      description: 'test',
      options: z.object({ question: z.string().describe('Q') }),
      positional: ['question'],
      handler: () => ({ command: 'ask', text: '', citations: [] }),
    });
    expect(parseTextArguments(ask, ['note:', 'what', 'now?'])).toEqual({ question: 'note: what now?' });
  });
  it('returns extra arguments for a command without positional options', () => {
    const help = defineCommand({ name: 'x', description: 't', options: z.object({}), handler: () => ({ command: 'x', text: '', citations: [] }) });
    expect(parseTextArguments(help, ['surplus'])).toEqual({ _extra: ['surplus'] });
  });
});

describe('readCommandLine', () => {
  const commands = new CommandRegistry([compare]);

  it('reads a whole line once: the command its first word names, and its options', () => {
    expect(readCommandLine(commands, '/compare energy russia "united states"')).toEqual({ command: 'compare', options: { topic: 'energy', parties: ['russia', 'united states'] } });
    expect(readCommandLine(commands, ['compare', '--days', '7'])).toEqual({ command: 'compare', options: { days: '7' } });
  });

  it('reads only the arguments when the platform’s slash command named the command (/parley-compare)', () => {
    expect(readCommandLine(commands, 'energy russia', 'compare')).toEqual({ command: 'compare', options: { topic: 'energy', parties: ['russia'] } });
    expect(readCommandLine(commands, '', 'compare')).toEqual({ command: 'compare', options: {} });
  });

  it('names an unknown command with no options, and an empty line help', () => {
    expect(readCommandLine(commands, 'what now?')).toEqual({ command: 'what', options: {} });
    expect(readCommandLine(commands, '')).toEqual({ command: 'help', options: {} });
  });
});

describe('splitCommandLine', () => {
  it.each([
    [['ask', 'x', 'y', 'z']],
    [['/ask', 'x', 'y', 'z']],
    [['//ask', 'x', 'y', 'z']],
    [['/', 'ask', 'x', 'y', 'z']],
    [['/ASK', 'x', 'y', 'z']],
  ])('reads %j as ask with its arguments', (tokens) => {
    expect(splitCommandLine(tokens)).toEqual({ name: 'ask', args: ['x', 'y', 'z'] });
  });
  it('reads an empty line as help', () => {
    expect(splitCommandLine([])).toEqual({ name: 'help', args: [] });
    expect(splitCommandLine(['/'])).toEqual({ name: 'help', args: [] });
  });
});
