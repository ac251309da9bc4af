import { spawn } from 'node:child_process';

/**
 * Runs a benchmark script in a fresh Node process and returns the JSON object it prints on
 * its last line. A fresh process per measurement keeps figures clean: no JIT warm-up, heap
 * or cache left over from what was measured before. The child inherits this process's
 * TypeScript loader (tsx) and gets `--expose-gc`, so it can start from a collected heap, and
 * `nodeFlags` (those the bot serves with, see servingFlags.ts).
 */
export function runChild<T>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, '--expose-gc', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${script} ${args.join(' ')} exited with ${code}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result: ${last.slice(0, 200)}`));
      }
    });
  });
}

/** Collects garbage when the process was started with --expose-gc (runChild does so). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
