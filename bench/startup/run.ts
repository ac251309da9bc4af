import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMachine } from '../common/machine';
import { percentile } from '../common/stats';
import { formatTable } from '../common/table';

/**
 * `npm run -s bench:startup [-- --runs N] [-- --json]`: the whole-process time of a one-shot
 * `ask` on the seed corpus from the compiled build, with a cold snapshot (a new data folder:
 * the index is built and saved) and a warm one (the snapshot is loaded), next to a bare
 * `node -e 1` measured in the same run. Runs are interleaved, so a busy machine slows every
 * row alike and the ratio stays meaningful.
 */
const QUESTION = 'What did Putin say about Kursk?';
const MAIN = 'dist/src/main.js';
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const json = process.argv.includes('--json');

if (!existsSync(MAIN)) {
  process.stderr.write(`${MAIN} is missing: run \`npm run build\` first (npm ci does it).\n`);
  process.exit(2);
}

const warmDataDir = mkdtempSync(join(tmpdir(), 'parley-startup-warm-'));
const environment = (dataDir: string) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PARLEY_DATA_DIR: dataDir });

function timed(args: readonly string[], env: Record<string, string>): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited with ${run.status}: ${run.stderr.toString().slice(0, 500)}`);
  return ms;
}

const cases = {
  'node -e 1': () => timed(['-e', '1'], environment(warmDataDir)),
  'ask, cold snapshot': () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-startup-cold-'));
    try {
      return timed([MAIN, 'ask', QUESTION], environment(dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  'ask, warm snapshot': () => timed([MAIN, 'ask', QUESTION], environment(warmDataDir)),
};

timed([MAIN, 'ask', QUESTION], environment(warmDataDir)); // writes the warm snapshot
const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(cases)) times[name]!.push(run());
rmSync(warmDataDir, { recursive: true, force: true });

const bare = percentile(times['node -e 1']!, 50);
const rows = Object.entries(times).map(([name, values]) => ({
  name,
  medianMs: Math.round(percentile(values, 50)),
  p90Ms: Math.round(percentile(values, 90)),
  timesBare: Number((percentile(values, 50) / bare).toFixed(1)),
}));
if (json) {
  process.stdout.write(`${JSON.stringify({ machine: describeMachine(), runs, rows })}\n`);
} else {
  const { cpu, cores, node } = describeMachine();
  process.stdout.write(`One-shot \`ask\` from the compiled build, ${runs} interleaved runs each (${cpu}, ${cores} cores, Node ${node})\n\n`);
  const table = rows.map((r) => [r.name, String(r.medianMs), String(r.p90Ms), `${r.timesBare}×`]);
  process.stdout.write(`${formatTable(['process', 'median ms', 'p90 ms', 'vs node -e 1'], table)}\n`);
}
