import { closest } from '../text/closest';
import type { CommandContext } from './command';
import { CommandError, echoInput, type CommandFailure } from './errors';
import { describeIssues } from './inputErrors';
import { optionSpecs, usage } from './optionSpec';
import type { CommandRegistry } from './registry';
import type { Reply } from './reply';

export type Outcome = { ok: true; reply: Reply } | { ok: false; error: CommandFailure };

/**
 * Runs one command: validates the options with the command's schema, calls the handler,
 * and turns every failure into a message for the user. It never throws, so one failing
 * command never takes an adapter down.
 */
export async function invokeCommand(
  registry: CommandRegistry,
  name: string,
  rawOptions: Record<string, unknown>,
  context: Omit<CommandContext, 'commands'>,
): Promise<Outcome> {
  const command = registry.get(name.replace(/^\/+/u, '').toLowerCase());
  if (!command) {
    const names = registry.list().map((c) => c.name);
    const suggestion = closest(name, names);
    return failure(
      'unknown_command',
      `Unknown command "${echoInput(name)}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Commands: ${names.join(', ')}.` +
        (names.includes('ask') ? ' To ask a question: /ask <question>.' : ''),
    );
  }

  const { _extra: extra, ...options } = rawOptions;
  if (Array.isArray(extra) && extra.length > 0) {
    return failure('invalid_input', `Unexpected argument "${echoInput(extra.join(' '))}". Usage: /${usage(command)}`);
  }
  // The input in the issues lets zod's own messages be told from the command's (see describeIssues).
  const parsed = command.options.safeParse(options, { reportInput: true });
  if (!parsed.success) {
    return failure('invalid_input', `${describeIssues(parsed.error.issues, options, optionSpecs(command))} Usage: /${usage(command)}`);
  }

  try {
    const reply = await command.handler(parsed.data, { ...context, commands: registry.list() });
    return { ok: true, reply };
  } catch (error) {
    if (error instanceof CommandError) return failure(error.code, error.message);
    context.log.error(`command /${command.name} failed`, error);
    return failure('internal', `Sorry, /${command.name} failed on our side. The error has been logged; please try again later.`);
  }
}

const failure = (code: CommandFailure['code'], message: string): Outcome => ({ ok: false, error: { code, message } });
