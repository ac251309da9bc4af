import { EventEmitter } from 'node:events';
import { createLogger, type Logger, type LogLevel } from '../../src/log';

export interface CapturedLog {
  log: Logger;
  lines: string[];
  /** Waits for a line matching the pattern (the test fails after a while if none comes). */
  waitFor(pattern: RegExp): Promise<string>;
}

/** A real Parley logger whose lines are kept for the test to read instead of going to stderr. */
export function captureLog(level: LogLevel = 'debug', secrets: readonly string[] = []): CapturedLog {
  const lines: string[] = [];
  const events = new EventEmitter();
  const log = createLogger(level, secrets, (line) => {
    lines.push(line);
    events.emit('line');
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const find = () => lines.find((line) => pattern.test(line));
      const found = find();
      if (found !== undefined) return resolve(found);
      const timer = setTimeout(() => {
        events.off('line', check);
        reject(new Error(`no log line matched ${pattern}`));
      }, 15_000);
      const check = () => {
        const line = find();
        if (line === undefined) return;
        clearTimeout(timer);
        events.off('line', check);
        resolve(line);
      };
      events.on('line', check);
    });
  return { log, lines, waitFor };
}
