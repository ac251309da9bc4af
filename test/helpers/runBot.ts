import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT, temporaryDir } from './fixtures';

export interface BotRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunningBot {
  child: ChildProcess;
  /** What it has printed so far. */
  output(): Omit<BotRun, 'code'>;
  /** Resolves when it exits. */
  exited: Promise<BotRun>;
}

/** Starts `npm start`'s entry point as a real process, with its own data folder and only the environment given. */
export function startBot(args: readonly string[], env: Record<string, string> = {}): RunningBot {
  return startScript('src/main.ts', args, env);
}

/** Starts a TypeScript entry point of the project (`src/main.ts`, `scripts/…`) as a real process. */
export function startScript(entry: string, args: readonly string[], env: Record<string, string> = {}): RunningBot {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    // Readable log lines, which the tests match; a piped stderr would otherwise get JSON.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PARLEY_DATA_DIR: temporaryDir('parley-bot-data-'), PARLEY_LOG_FORMAT: 'text', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<BotRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Runs the entry point to its end, with the given standard input and no tokens. */
export function runBot(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<BotRun> {
  const bot = startBot(args, options.env);
  bot.child.stdin?.end(options.stdin ?? '');
  return bot.exited;
}

/** A bot process that keeps running: JSON lines in on stdin, one JSON reply a line out. */
export interface PipedBot {
  /** Sends one command line and resolves with its reply (replies come in order). */
  send(line: string): Promise<Record<string, unknown>>;
  /** Everything the bot has logged so far. */
  stderr(): string;
  /** Closes stdin, as Ctrl-D would, and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the real entry point in piped `--json` mode, for the whole test file (start it in `beforeAll`). */
export function startPipedBot(env: Record<string, string>): PipedBot {
  const bot = startBot(['--json'], { PARLEY_DATA_DIR: temporaryDir('parley-bot-data-', 'file'), ...env });
  const waiting: ((reply: Record<string, unknown>) => void)[] = [];
  let buffered = '';
  bot.child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
    }
  });
  return {
    send: (line) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        bot.child.stdin?.write(`${line}\n`);
      }),
    stderr: () => bot.output().stderr,
    stop: () => {
      bot.child.stdin?.end();
      return bot.exited.then((run) => run.code);
    },
  };
}
