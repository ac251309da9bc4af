import { EventEmitter } from 'node:events';
import { startBot as startBotProcess } from './runBot';

export interface BotProcess {
  /** The process id, to send it a signal. */
  pid: number;
  /** Everything written to stderr (the log) so far. */
  stderr(): string;
  /** Waits for a stderr line matching the pattern and returns its match. */
  waitForLog(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Sends SIGTERM, as a service manager would, and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Resolves with the exit code when the process ends, however it ends. */
  exited: Promise<number | null>;
}

/** Starts `npm start`'s entry point as a long-running bot (no arguments), with its own data folder unless given one. */
export function startBot(env: Record<string, string>): BotProcess {
  const bot = startBotProcess([], env);
  const events = new EventEmitter();
  bot.child.stderr?.on('data', () => events.emit('output'));
  bot.child.on('close', () => events.emit('output'));
  const exited = bot.exited.then((run) => run.code);

  const waitForLog = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(bot.output().stderr);
        if (match) {
          events.off('output', check);
          resolve(match);
        } else if (bot.child.exitCode !== null || bot.child.signalCode !== null) {
          events.off('output', check);
          reject(new Error(`the bot exited (${bot.child.exitCode ?? bot.child.signalCode}) before logging ${pattern}:\n${bot.output().stderr}`));
        }
      };
      events.on('output', check);
      check();
    });

  return {
    pid: bot.child.pid!,
    stderr: () => bot.output().stderr,
    waitForLog,
    stop: () => {
      bot.child.kill('SIGTERM');
      return exited;
    },
    exited,
  };
}
