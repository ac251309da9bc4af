import { parseArgs } from 'node:util';
import { Parley } from '../../src/app/parley';
import { warmInsights } from '../../src/app/warmInsights';
import type { Caller } from '../../src/core/command';
import { loadCommands } from '../../src/core/registry';
import { limitHeapGrowth } from '../../src/app/heapGrowth';
import { openLibrary } from '../../src/library/library';
import { silentLogger } from '../../src/log';
import { collectGarbage } from '../common/child';
import { megabytes } from '../common/memory';
import { CONFIG_DIR } from '../common/paths';
import { percentile } from '../common/stats';
import { BENCHMARKED_COMMANDS } from './commands';
import { measureWarmUp } from './warmUpLatency';
import { benchmarkWorkload } from './workload';

/**
 * Child process of run.ts: the bot's start from the snapshot the build wrote, then every
 * benchmarked command through the command layer, as an adapter calls it. Prints one JSON line.
 */
export interface ServeFigures {
  coldStartMs: number;
  /**
   * Making every article's statements and dated events ready, as a serving bot does in the
   * background after a restart (with a /position and a /help every 100 ms arriving
   * meanwhile): read back from the insights snapshot the first start saved.
   */
  insightsMs: number;
  /** Articles whose statements were computed in that warm-up rather than read back (0 when the insights snapshot was whole). */
  insightsComputed: number;
  /** During that warm-up: the longest a cheap request waited for the event loop (what an acknowledgement waits for). */
  warmUpWorstAckMs: number;
  /** The first /position, asked as the warm-up starts: how long until it was answered. */
  warmUpPositionMs: number;
  /** Heap held once started, after a full garbage collection. */
  heapMB: number;
  servePeakRssMB: number;
  commands: Record<string, CommandFigures>;
}

export interface CommandFigures {
  requests: number;
  /** The second pass over the requests, as a bot answers the same requests again until the corpus changes. */
  p50Ms: number;
  p99Ms: number;
  /** The first pass, right after the warm-up: each request's first time (nothing of it computed before). */
  firstP99Ms: number;
  /** Replies that abstained (ask: "Not found in the corpus"). */
  abstained: number;
  failed: number;
}

const { values } = parseArgs({ options: { corpus: { type: 'string' }, data: { type: 'string' } } });
const CALLER: Caller = { platform: 'console', userId: null, channelId: null, canManageChannel: true };

// As the bot runs (src/main.ts).
limitHeapGrowth();
const start = performance.now();
const library = openLibrary({ corpusDir: values.corpus!, configDir: CONFIG_DIR, dataDir: values.data!, useSnapshot: true }, silentLogger);
const coldStartMs = performance.now() - start;
if (library.loadedFrom !== 'snapshot') throw new Error('the snapshot written by the build was not used');
collectGarbage();
const heapMB = megabytes(process.memoryUsage().heapUsed);

const parley = new Parley(await loadCommands(), { library, now: () => new Date() }, silentLogger);
const warmUp = await measureWarmUp(parley, CALLER, () => warmInsights(library, silentLogger));
// The warm-up figures are a restart's only when the statements came back from the insights snapshot.
if (library.positions.counts.computed > 0) throw new Error(`the insights snapshot written by the build was not used (${library.positions.counts.computed} articles' statements computed)`);

const workload = benchmarkWorkload(library.vocabulary);
const commands: Record<string, CommandFigures> = {};
for (const command of BENCHMARKED_COMMANDS) {
  const requests = command.requests(workload);
  // A first pass warms the JIT up (and is timed apart); the second one is timed.
  const firstLatencies: number[] = [];
  for (const options of requests) {
    const started = performance.now();
    await parley.run({ command: command.name, options, caller: CALLER });
    firstLatencies.push(performance.now() - started);
  }
  const latencies: number[] = [];
  let abstained = 0;
  let failed = 0;
  for (const options of requests) {
    const started = performance.now();
    const outcome = await parley.run({ command: command.name, options, caller: CALLER });
    latencies.push(performance.now() - started);
    if (!outcome.ok) failed++;
    else if (outcome.reply.abstained) abstained++;
  }
  commands[command.name] = { requests: requests.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), firstP99Ms: percentile(firstLatencies, 99), abstained, failed };
}

const figures: ServeFigures = {
  coldStartMs,
  insightsMs: warmUp.warmUpMs,
  insightsComputed: library.positions.counts.computed,
  warmUpWorstAckMs: warmUp.worstPingMs,
  warmUpPositionMs: warmUp.firstPositionMs,
  heapMB,
  servePeakRssMB: process.resourceUsage().maxRSS / 1024,
  commands,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
