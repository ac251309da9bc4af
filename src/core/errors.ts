import type { z } from 'zod';
import type { errorLineSchema } from './reply';

/** Why a command did not produce a reply. */
export type ErrorCode = z.infer<typeof errorLineSchema>['error']['code'];

/** An error whose message is written for the chat user and is safe to show them. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A setting with a bad or missing value, written for the operator: the message names it. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export interface CommandFailure {
  code: ErrorCode;
  message: string;
}

/** How much of a user's input an error message repeats: enough to recognise it, never a wall of text. */
export const ECHO_LIMIT = 100;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * User input as an error message repeats it: cut after ECHO_LIMIT characters (never inside
 * an emoji or an accented letter), with an ellipsis.
 */
export function echoInput(input: string): string {
  let shown = '';
  let count = 0;
  for (const { segment } of graphemes.segment(input)) {
    if (count === ECHO_LIMIT) return `${shown.trimEnd()}…`;
    shown += segment;
    count++;
  }
  return shown;
}
