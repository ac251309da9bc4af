import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger, LogLevel as ParleyLogLevel } from '../../log';

/**
 * Bolt, its Web API client and its Socket Mode client log through Parley's logger, so that
 * their lines share its level, its stream and its masking of tokens and secrets.
 */
export function boltLogger(log: Logger, level: LogLevel): BoltLogger {
  let name = 'slack';
  const line = (parts: unknown[]) => `${name}: ${parts.map(describe).join(' ')}`;
  return {
    debug: (...parts: unknown[]) => log.debug(line(parts)),
    info: (...parts: unknown[]) => log.info(line(parts)),
    warn: (...parts: unknown[]) => log.warn(line(parts)),
    error: (...parts: unknown[]) => log.error(line(parts)),
    // Parley's logger filters by level itself; Bolt only asks, to skip building debug output.
    setLevel: () => undefined,
    getLevel: () => level,
    setName: (newName: string) => {
      name = `slack ${newName}`;
    },
  };
}

/** Parley's log level in Bolt's terms ("silent" has none: Bolt then logs errors, which Parley drops). */
export function boltLogLevel(level: ParleyLogLevel): LogLevel {
  return level === 'debug' ? LogLevel.DEBUG : level === 'info' ? LogLevel.INFO : level === 'warn' ? LogLevel.WARN : LogLevel.ERROR;
}

function describe(part: unknown): string {
  if (part instanceof Error) return part.stack ?? part.message;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
