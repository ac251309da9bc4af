import type { Logger } from '../log';
import { closest } from '../text/closest';
import type { CommandDefinition, CommandRequest } from './command';
import { commandRef } from './commandRef';
import { CommandError, echoInput, type CommandFailure } from './errors';
import { describeIssues } from './inputErrors';
import { optionSpecs, usage } from './optionSpec';
import type { CommandRegistry } from './registry';
import type { Reply } from './reply';

export type Outcome = { ok: true; reply: Reply } | { ok: false; error: CommandFailure };

/** A request checked once: its command with the options its schema accepted, or what was wrong with it. */
export type Validated<Context> = { ok: true; command: CommandDefinition<Context>; options: Record<string, unknown> } | { ok: false; error: CommandFailure };

/** The command a request names and the options it gives, validated with the command's schema. */
export function validateRequest<Context>(registry: CommandRegistry<Context>, request: Omit<CommandRequest, 'caller'>): Validated<Context> {
  const name = request.command;
  const command = registry.get(name.replace(/^\/+/u, '').toLowerCase());
  if (!command) {
    const names = registry.list().map((c) => c.name);
    const suggestion = closest(name, names);
    return failure(
      'unknown_command',
      `Unknown command "${echoInput(name)}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Commands: ${names.join(', ')}.` +
        (names.includes('ask') ? ` To ask a question: ${commandRef('ask')} <question>.` : ''),
    );
  }

  const { _extra: extra, ...options } = request.options;
  if (Array.isArray(extra) && extra.length > 0) {
    return failure('invalid_input', `Unexpected argument "${echoInput(extra.join(' '))}". Usage: ${usage(command)}`);
  }
  // The input in the issues lets zod's own messages be told from the command's (see describeIssues).
  const parsed = command.options.safeParse(options, { reportInput: true });
  if (!parsed.success) {
    return failure('invalid_input', `${describeIssues(parsed.error.issues, options, optionSpecs(command))} Usage: ${usage(command)}`);
  }
  return { ok: true, command, options: parsed.data };
}

/**
 * Runs a validated command and turns every failure into a message for the user. It never
 * throws, so one failing command never takes an adapter down; a crash is logged on `log`.
 */
export async function runCommand<Context>(command: CommandDefinition<Context>, options: Record<string, unknown>, context: Context, log: Logger): Promise<Outcome> {
  try {
    return { ok: true, reply: await command.handler(options, context) };
  } catch (error) {
    if (error instanceof CommandError) return failure(error.code, error.message);
    log.error(`command /${command.name} failed`, error);
    return failure('internal', `Sorry, ${commandRef(command.name)} failed on our side. The error has been logged; please try again later.`);
  }
}

/** Validates a request and runs it: `validateRequest`, then `runCommand`. */
export async function invokeCommand<Context>(
  registry: CommandRegistry<Context>,
  request: Omit<CommandRequest, 'caller'>,
  context: Context,
  log: Logger,
): Promise<Outcome> {
  const validated = validateRequest(registry, request);
  return validated.ok ? runCommand(validated.command, validated.options, context, log) : validated;
}

const failure = (code: CommandFailure['code'], message: string): { ok: false; error: CommandFailure } => ({ ok: false, error: { code, message } });
