import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { CommandDefinition } from './command';

/**
 * Where the command files live: the nearest `commands/` folder above this module, which is
 * the project's own when run from source and `dist/commands/` when run from the build
 * (where this code may sit in `dist/src/` or in a shared chunk in `dist/chunks/`).
 */
export const COMMANDS_DIR = nearestCommandsDir(dirname(fileURLToPath(import.meta.url)));

function nearestCommandsDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'commands'))) return join(dir, 'commands');
    if (dirname(dir) === dir) throw new Error(`no commands/ folder above ${from}`);
  }
}

const commandModuleSchema = z.object({
  default: z.object({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/u, 'must be 1–32 lower-case letters, digits or dashes'),
    description: z.string().min(1).max(100, 'must be at most 100 characters (Discord limit)'),
    options: z.instanceof(z.ZodObject, { message: 'must be a zod object schema' }),
    positional: z.array(z.string()).optional(),
    examples: z.array(z.string()).optional(),
    managesChannel: z.boolean().optional(),
    repliesPrivately: z.custom<CommandDefinition['repliesPrivately']>((value) => value === undefined || typeof value === 'function', 'must be a function').optional(),
    handler: z.custom<CommandDefinition['handler']>((value) => typeof value === 'function', 'must be a function'),
  }),
});

/** The loaded commands of an application whose commands are given `Context`. */
export class CommandRegistry<Context = never> {
  readonly #commands: Map<string, CommandDefinition<Context>>;

  constructor(commands: readonly CommandDefinition<Context>[]) {
    this.#commands = new Map();
    for (const command of commands) {
      if (this.#commands.has(command.name)) throw new Error(`two commands are named "${command.name}"`);
      for (const name of command.positional ?? []) {
        if (!(name in command.options.shape)) throw new Error(`command ${command.name}: positional "${name}" is not an option`);
      }
      this.#commands.set(command.name, command);
    }
  }

  get(name: string): CommandDefinition<Context> | undefined {
    return this.#commands.get(name);
  }

  list(): CommandDefinition<Context>[] {
    return [...this.#commands.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

/**
 * Imports every module in `commands/` and validates its default export, so that adding a
 * command is adding a file: no adapter or list needs to change. The folder's commands are
 * the application's, written for its `Context`, which a file cannot be checked for.
 */
export async function loadCommands<Context = never>(dir: string = COMMANDS_DIR): Promise<CommandRegistry<Context>> {
  const files = readdirSync(dir).filter((file) => /\.(ts|js|mjs)$/u.test(file) && !file.endsWith('.d.ts')).sort();
  const commands: CommandDefinition<Context>[] = [];
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(join(dir, file)).href);
    const parsed = commandModuleSchema.safeParse(module);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`commands/${file}: ${issue.path.slice(1).join('.') || 'default export'} ${issue.message}`);
    }
    commands.push((module as { default: CommandDefinition<Context> }).default);
  }
  return new CommandRegistry(commands);
}
