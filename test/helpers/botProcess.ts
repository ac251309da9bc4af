import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { ROOT, temporaryDir } from './fixtures';

export interface BotProcess {
  /** Everything written to stderr (the log) so far. */
  stderr(): string;
  /** Waits for a stderr line matching the pattern and returns its match. */
  waitForLog(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Sends SIGTERM, as a service manager would, and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `npm start`'s entry point as a long-running bot (no arguments), with its own data folder. */
export function startBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PARLEY_DATA_DIR: temporaryDir('parley-bot-data-'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const events = new EventEmitter();
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    events.emit('output');
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  child.on('close', () => events.emit('output'));

  const waitForLog = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stderr);
        if (match) {
          events.off('output', check);
          resolve(match);
        } else if (child.exitCode !== null) {
          events.off('output', check);
          reject(new Error(`the bot exited (${child.exitCode}) before logging ${pattern}:\n${stderr}`));
        }
      };
      events.on('output', check);
      check();
    });

  return {
    stderr: () => stderr,
    waitForLog,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
