import type { Workload } from './workload';

/** A command under benchmark, and the options of each request sent to it. */
export interface BenchmarkedCommand {
  name: string;
  requests: (workload: Workload) => Record<string, unknown>[];
}

/** One line per command: a new command joins the benchmark by adding its line here. */
export const BENCHMARKED_COMMANDS: readonly BenchmarkedCommand[] = [
  { name: 'ask', requests: (workload) => workload.questions.map((question) => ({ question })) },
  {
    name: 'position',
    requests: (workload) => [
      ...[...workload.parties, ...workload.people.slice(0, 8)].map((party) => ({ party })),
      ...workload.parties.flatMap((party) => POSITION_TOPICS.map((topic) => ({ party, topic }))),
    ],
  },
  { name: 'compare', requests: () => [{}, ...POSITION_TOPICS.map((topic) => ({ topic }))] },
  { name: 'recent', requests: () => [{}, { days: 7 }, { days: 90 }, { days: 365 }] },
];

/** Topics asked about in /position and /compare requests. */
const POSITION_TOPICS = ['ceasefire', 'energy', 'black-sea', 'kursk', 'arms', 'territory', 'nato-guarantees', 'sanctions'];
