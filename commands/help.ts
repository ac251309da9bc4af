import { z } from 'zod';
import { defineCommand } from '../src/app/context';
import { commandRef } from '../src/core/commandRef';
import { CommandError, echoInput } from '../src/core/errors';
import { usage } from '../src/core/optionSpec';
import type { Reply } from '../src/core/reply';

export default defineCommand({
  name: 'help',
  description: 'What Parley can do: every command with its usage and examples',
  options: z.object({
    command: z.string().trim().toLowerCase().optional().describe('Show one command in detail'),
  }),
  positional: ['command'],
  examples: ['help', 'help ask'],
  handler: ({ command }, { commands }): Reply => {
    const shown = command ? commands.filter((c) => c.name === command.replace(/^\//u, '')) : commands;
    if (shown.length === 0) {
      throw new CommandError('not_found', `There is no command "${echoInput(command ?? '')}". Commands: ${commands.map((c) => c.name).join(', ')}.`);
    }
    return {
      command: 'help',
      title: 'Parley — cited answers about the US–Russia–Ukraine ceasefire talks',
      text: command
        ? shown[0]!.description
        : 'Every answer quotes the articles verbatim and cites them; when the articles do not answer, Parley says so.',
      citations: [],
      sections: shown.map((c) => ({
        title: usage(c),
        body: [c.description, ...(c.examples ?? []).map((e) => `e.g. ${example(e)}`)].join('\n'),
      })),
    };
  },
});

/** "ask What did…" as the platform types it: its first word names the command. */
const example = (invocation: string): string => invocation.replace(/^[a-z][a-z0-9-]*/u, (name) => commandRef(name));
