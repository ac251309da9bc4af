import { z } from 'zod';
import { closest } from '../text/closest';
import { echoInput } from './errors';
import type { OptionSpec } from './optionSpec';

/**
 * What was wrong with each option a user gave, in words: the value as given (quoted, cut to
 * about 100 characters) and what the option takes, read off its spec ("“abc” is not a whole
 * number from 1 to 3650"). A command's own message for a rule (zod's `error`) is kept, after
 * the value; zod's generic wording, which never shows the value, is replaced.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], given: Record<string, unknown>, specs: readonly OptionSpec[]): string {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  return issues.map((issue) => describeIssue(issue, given, byName.get(String(issue.path[0])))).join(' ');
}

function describeIssue(issue: z.core.$ZodIssue, given: Record<string, unknown>, spec: OptionSpec | undefined): string {
  if (!spec) return sentence(issue.message);
  const field = spec.name;
  const value = valueAt(given, issue.path);
  if (value === undefined) return `${field} is required.`;
  if (typeof value === 'string' && value.trim() === '') return `${field}: no value was given; it takes ${accepted(spec)}.`;
  if (Array.isArray(value)) {
    const count = `${value.length} given`;
    if (ownMessage(issue)) return `${field}: ${count} — ${sentence(issue.message)}`;
    return `${field}: ${count}; it takes ${spec.maxItems === undefined ? 'fewer' : `at most ${spec.maxItems}`}.`;
  }
  const shown = `“${echoInput(String(value))}”`;
  if (ownMessage(issue)) return `${field}: ${shown} — ${sentence(issue.message)}`;
  return `${field}: ${shown} ${problem(issue, spec, String(value))}`;
}

/** What is wrong with a value, when the command says nothing of its own. */
function problem(issue: z.core.$ZodIssue, spec: OptionSpec, value: string): string {
  if (spec.type === 'integer' || spec.type === 'number') {
    // Past the safe-integer range, a whole number is still refused: say why.
    return issue.code === 'too_big' && !isStated(spec.maximum) ? `is too large: it takes ${accepted(spec)}.` : `is not ${accepted(spec)}.`;
  }
  if (spec.type === 'boolean') return 'is not true or false.';
  if (spec.choices) {
    const suggestion = closest(value, spec.choices);
    return `is not one of ${spec.choices.join(', ')}.${suggestion ? ` Did you mean “${suggestion}”?` : ''}`;
  }
  const length = [...value].length;
  if (issue.code === 'too_big' && spec.maxLength !== undefined) return `is too long: ${length} characters, at most ${spec.maxLength}.`;
  if (issue.code === 'too_small' && spec.minLength !== undefined) return `is too short: ${length} characters, at least ${spec.minLength}.`;
  if (issue.code === 'invalid_format') return 'is not in the expected format.';
  return `is not accepted: ${sentence(issue.message)}`;
}

/** What an option takes: "a whole number from 1 to 3650", "one of show, preview", "text of at most 60 characters". */
function accepted(spec: OptionSpec): string {
  if (spec.type === 'integer' || spec.type === 'number') {
    const kind = spec.type === 'integer' ? 'a whole number' : 'a number';
    // zod's int() bounds every integer to the safe range; that is no limit worth stating.
    const min = isStated(spec.minimum) ? spec.minimum : undefined;
    const max = isStated(spec.maximum) ? spec.maximum : undefined;
    if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
    if (min !== undefined) return `${kind} of at least ${min}`;
    if (max !== undefined) return `${kind} of at most ${max}`;
    return kind;
  }
  if (spec.type === 'boolean') return 'true or false';
  if (spec.choices) return `one of ${spec.choices.join(', ')}`;
  if (spec.maxLength !== undefined) return `text of at most ${spec.maxLength} characters`;
  return 'text';
}

const isStated = (bound: number | undefined): bound is number => bound !== undefined && Math.abs(bound) < Number.MAX_SAFE_INTEGER;

/** The raw value an issue is about: the option as given, or one item of a list option. */
function valueAt(given: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  const option = given[String(path[0])];
  if (path.length > 1 && Array.isArray(option) && typeof path[1] === 'number') return option[path[1]];
  return option;
}

/**
 * Whether the schema's author wrote this message (zod's `error` option) rather than zod's
 * locale: the locale's message, made again from the issue, is the only way to tell.
 */
function ownMessage(issue: z.core.$ZodIssue): boolean {
  const localeError = z.config().localeError;
  if (!localeError) return true;
  const generic = localeError(issue as unknown as z.core.$ZodRawIssue);
  return (typeof generic === 'string' ? generic : generic?.message) !== issue.message;
}

const sentence = (text: string): string => (/[.!?…]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);
