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
