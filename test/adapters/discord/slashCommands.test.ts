import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { optionsFromInteraction, slashCommandDefinitions } from '../../../src/adapters/discord/slashCommands';
import { defineCommand } from '../../../src/core/command';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const digest = defineCommand({
  name: 'digest',
  description: 'Test command',
  options: z.object({
    format: z.enum(['short', 'long']).optional().describe('How long'),
    day: z.enum(Array.from({ length: 31 }, (_, i) => `day-${i + 1}`) as [string, ...string[]]).describe('Which day'),
    maxResults: z.number().min(0.5).optional().describe('At most this many'),
    topics: z.array(z.enum(months)).optional().describe('x'.repeat(120)),
  }),
  handler: () => ({ command: 'digest', text: '', citations: [] }),
});

describe('slash command definitions', () => {
  const [definition] = slashCommandDefinitions([digest]);

  it('puts required options first, lists up to 25 choices, and completes longer ones', () => {
    expect(definition!.options!.map((o) => o.name)).toEqual(['day', 'format', 'max_results', 'topics']);
    expect(definition!.options![0]).toEqual({ type: 3, name: 'day', description: 'Which day', required: true, autocomplete: true });
    expect(definition!.options![1]).toMatchObject({ choices: [{ name: 'short', value: 'short' }, { name: 'long', value: 'long' }] });
    expect(definition!.options![2]).toEqual({ type: 10, name: 'max_results', description: 'At most this many', required: false, min_value: 0.5 });
  });

  it('keeps descriptions within 100 characters, with the list hint', () => {
    const topics = definition!.options![3]!;
    expect(topics.description).toHaveLength(100);
    expect(topics.description).toMatch(/… \(separate several with commas\)$/u);
  });
});

describe('options from an interaction', () => {
  it('maps names back and splits lists on commas', () => {
    expect(
      optionsFromInteraction(digest, [
        { name: 'max_results', value: 3 },
        { name: 'topics', value: 'jan, feb;; mar ,' },
        { name: 'unknown', value: 'ignored' },
      ]),
    ).toEqual({ maxResults: 3, topics: ['jan', 'feb', 'mar'] });
  });
});
