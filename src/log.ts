/** A small levelled logger on stderr (stdout belongs to replies), with secrets masked. */

import { redactUrls } from './util/redactUrls';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(
  level: LogLevel,
  secrets: readonly string[] = [],
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const masked = secrets.filter((secret) => secret.length >= 8);
  // The configured secrets, and the credentials any URL carries (a Socket Mode ticket, a feed's `?token=`).
  const redact = (text: string): string => redactUrls(masked.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text));
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string): void => {
    if (RANK[at] >= RANK[level]) write(redact(`[${at}] ${message}`));
  };
  return {
    debug: (message) => emit('debug', message),
    info: (message) => emit('info', message),
    warn: (message) => emit('warn', message),
    error: (message, error) => {
      const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : error === undefined ? '' : ` ${String(error)}`;
      emit('error', `${message}${detail}`);
    },
  };
}

export const silentLogger: Logger = createLogger('silent');
