import { spawn } from 'node:child_process';
import { ROOT, temporaryDir } from './fixtures';

export interface BotRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm start`'s entry point as a real process, with its own data folder and no tokens. */
export function runBot(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<BotRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PARLEY_DATA_DIR: temporaryDir('parley-bot-data-'), ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A bot process that keeps running: JSON lines in on stdin, one JSON reply a line out. */
export interface RunningBot {
  /** Sends one command line and resolves with its reply (replies come in order). */
  send(line: string): Promise<Record<string, unknown>>;
  /** Everything the bot has logged so far. */
  stderr(): string;
  /** Closes stdin, as Ctrl-D would, and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the real entry point in piped `--json` mode, for the whole test file (start it in `beforeAll`). */
export function startBot(env: Record<string, string>): RunningBot {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--json'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PARLEY_DATA_DIR: temporaryDir('parley-bot-data-', 'file'), ...env },
  });
  const waiting: ((reply: Record<string, unknown>) => void)[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    send: (line) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${line}\n`);
      }),
    stderr: () => stderr,
    stop: () => {
      child.stdin.end();
      return exited;
    },
  };
}
