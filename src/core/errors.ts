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

export interface CommandFailure {
  code: ErrorCode;
  message: string;
}
