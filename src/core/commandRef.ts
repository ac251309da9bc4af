import type { Reply } from './reply';

/**
 * Replies and errors name other commands ("try /recent 31", "Usage: /ask <question>"), and
 * each platform writes a command its own way: `/ask` on Discord and the console, `/parley-ask`
 * on Slack. So text refers to a command through a reference, and each platform's renderer
 * writes the references in its syntax; verbatim quotes hold none, and stay as they are.
 */

/** How a platform writes a command for its users to type. */
export type CommandSyntax = (name: string) => string;

/** The slash command of the same name, as on Discord and the console. */
export const SLASH_COMMAND: CommandSyntax = (name) => `/${name}`;

// Private-use characters, which no article or user input is read for.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const REFERENCE = /\uE000([a-z][a-z0-9-]{0,31})\uE001/gu;

/** A reference to a command, to be written in a platform's syntax by its renderer. */
export const commandRef = (name: string): string => `${OPEN}${name}${CLOSE}`;

/** The text with its command references written in the platform's syntax. */
export const writeCommandRefs = (text: string, syntax: CommandSyntax): string => text.replace(REFERENCE, (_match, name: string) => syntax(name));

/** A command's outcome, its reply or its error, with the command references written in the platform's syntax. */
export function writeOutcomeRefs<Failure extends { message: string }>(
  outcome: { ok: true; reply: Reply } | { ok: false; error: Failure },
  syntax: CommandSyntax,
): { ok: true; reply: Reply } | { ok: false; error: Failure } {
  if (outcome.ok) return { ok: true, reply: writeReplyRefs(outcome.reply, syntax) };
  return { ok: false, error: { ...outcome.error, message: writeCommandRefs(outcome.error.message, syntax) } };
}

/** The reply with the command references of its title, text and sections written in the platform's syntax. */
export function writeReplyRefs(reply: Reply, syntax: CommandSyntax): Reply {
  const write = (text: string) => writeCommandRefs(text, syntax);
  return {
    ...reply,
    ...(reply.title === undefined ? {} : { title: write(reply.title) }),
    text: write(reply.text),
    ...(reply.sections === undefined ? {} : { sections: reply.sections.map((s) => ({ ...s, title: write(s.title), body: write(s.body) })) }),
  };
}
