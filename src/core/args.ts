import type { CommandDefinition, CommandRequest } from './command';
import { optionSpecs } from './optionSpec';

/**
 * The text syntax of commands, one parser for every place a command is typed as text: the
 * console's lines, and the text after a Slack slash command.
 */

/** Where a command line finds the command it names (a CommandRegistry). */
export interface CommandLookup {
  get(name: string): CommandDefinition | undefined;
}

/**
 * A typed command line as a request's command and options, read once. The first word names
 * the command, unless the platform's own slash command named it already (`/parley-ask`, whose
 * text holds only the arguments): then `named` is that command.
 */
export function readCommandLine(commands: CommandLookup, text: string | readonly string[], named?: string): Omit<CommandRequest, 'caller'> {
  const tokens = typeof text === 'string' ? tokenizeLine(text) : text;
  const { name, args } = named === undefined ? splitCommandLine(tokens) : { name: named, args: [...tokens] };
  const command = commands.get(name);
  // An unknown name still makes a request, which is answered with the list of commands.
  return { command: name, options: command ? parseTextArguments(command, args) : {} };
}

/**
 * Reads a command's options from plain-text arguments, as typed in the console or after a
 * Slack slash command: positional values in the command's declared order, the last one
 * taking the rest of the line, and `--name value`, `--name=value` or `name:value` anywhere.
 * Values stay strings; the command's zod schema coerces and validates them.
 */
export function parseTextArguments(command: CommandDefinition, tokens: readonly string[]): Record<string, unknown> {
  const specs = new Map(optionSpecs(command).map((spec) => [spec.name, spec]));
  const named: Record<string, unknown> = {};
  const rest: string[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flag = /^--([a-z][\w-]*)(?:=(.*))?$/su.exec(token);
    const colon = /^([a-z][\w-]*):(.+)$/su.exec(token);
    const [name, inlineValue] = flag ? [flag[1]!, flag[2]] : colon && specs.has(colon[1]!) ? [colon[1]!, colon[2]] : [null, undefined];
    const spec = name === null ? undefined : specs.get(name);
    if (!spec) {
      rest.push(token);
      continue;
    }
    let value: string | true;
    if (inlineValue !== undefined) value = inlineValue;
    else if (spec.type === 'boolean') value = true;
    else value = tokens[++i] ?? '';
    named[spec.name] = spec.list ? [...((named[spec.name] as string[] | undefined) ?? []), value] : value;
  }

  const positional = (command.positional ?? []).filter((name) => !(name in named));
  positional.forEach((name, index) => {
    if (rest.length === 0) return;
    const spec = specs.get(name);
    const isLast = index === positional.length - 1;
    if (!isLast) named[name] = rest.shift();
    else if (spec?.list) named[name] = rest.splice(0);
    else named[name] = rest.splice(0).join(' ');
  });
  if (rest.length > 0) named['_extra'] = rest; // rejected by the strict schema with a clear message
  return named;
}

/**
 * The command a typed line names, and the tokens after it. The name may carry slashes, as
 * typed out of habit or doubled by a chat client ("/ask", "//ask"), or stand apart from a lone
 * slash ("/ ask"); it is lower-cased. An empty line names help.
 */
export function splitCommandLine(tokens: readonly string[]): { name: string; args: string[] } {
  const [first = '', ...rest] = tokens;
  const name = first.replace(/^\/+/u, '');
  if (name === '' && rest.length > 0) return splitCommandLine(rest);
  return { name: (name || 'help').toLowerCase(), args: rest };
}

/** Splits a line into tokens the way a shell would for simple cases: spaces, "double" and 'single' quotes. */
export function tokenizeLine(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let inToken = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'" ) {
      // An apostrophe inside a word ("Putin's") is text, not a quote.
      if (char === "'" && inToken && current.length > 0) current += char;
      else {
        quote = char;
        inToken = true;
      }
    } else if (/\s/u.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += char;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens;
}
