import { pino, type Logger as PinoLogger } from 'pino';
import { redactUrls } from './util/redactUrls';

/**
 * Parley's logger: pino underneath, on stderr (stdout belongs to replies), with secrets
 * masked in every line. JSON lines for a log store, or readable `[level] message` lines
 * for a person at a terminal.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** `auto`: JSON unless stderr is a terminal. */
export type LogFormat = 'json' | 'text' | 'auto';

/** What a child logger adds to each of its lines: the platform, the command, a request id. */
export type LogBindings = Record<string, string | number>;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** A logger whose lines also carry these fields, for one request or one component. */
  child(bindings: LogBindings): Logger;
}

export interface LoggerOptions {
  secrets?: readonly string[];
  /** Where each finished line goes (tests capture them); stderr by default. */
  write?: (line: string) => void;
  format?: LogFormat;
}

/** Secrets shorter than this are not masked: replacing "ab" everywhere would garble the log. */
const SHORTEST_MASKED_SECRET = 8;

/**
 * A logger at `level`. With `write`, lines go there instead of stderr. Kept as three
 * positional arguments because that is how every caller and test builds one.
 */
export function createLogger(
  level: LogLevel,
  secrets: readonly string[] = [],
  write?: (line: string) => void,
  format: LogFormat = write ? 'text' : 'auto',
): Logger {
  const json = format === 'json' || (format === 'auto' && !process.stderr.isTTY);
  const masked = secrets.filter((secret) => secret.length >= SHORTEST_MASKED_SECRET);
  // The configured secrets, and the credentials any URL carries (a Socket Mode ticket, a feed's `?token=`).
  const redact = (text: string): string => redactUrls(masked.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text));
  const out = write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const destination = {
    write(serialized: string): void {
      const line = redact(serialized.trimEnd());
      out(json ? line : readableLine(line));
    },
  };
  const root = pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: json ? pino.stdTimeFunctions.isoTime : false,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return wrap(root);
}

function wrap(logger: PinoLogger): Logger {
  return {
    debug: (message) => logger.debug(message),
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message, error) => {
      if (error instanceof Error) logger.error({ err: { type: error.name, message: error.message, stack: error.stack } }, message);
      else if (error === undefined) logger.error(message);
      else logger.error({ err: { message: String(error) } }, message);
    },
    child: (bindings) => wrap(logger.child(bindings)),
  };
}

/** `[level] message (field=value …)`, then an error's stack on the lines below. */
function readableLine(serialized: string): string {
  const { level, msg, err, ...fields } = JSON.parse(serialized) as { level: string; msg?: string; err?: { stack?: string; message?: string } };
  const context = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const detail = err ? (err.stack ? `\n${err.stack}` : ` ${err.message ?? ''}`) : '';
  return `[${level}] ${msg ?? ''}${context.length > 0 ? ` (${context.join(' ')})` : ''}${detail}`;
}

export const silentLogger: Logger = createLogger('silent', [], () => undefined);
