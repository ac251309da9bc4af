import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a command ended as, for the metrics: a reply, or the failure's code. */
export type CommandResult = 'ok' | string;

/**
 * The figures Parley exposes on `/metrics` (Prometheus text format), one registry per
 * process so tests can run several bots side by side. Names follow Prometheus's
 * conventions: a `parley_` prefix, `_total` for counters, base units (seconds).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #commands = new Counter({
    name: 'parley_commands_total',
    help: 'Commands served, by command name, platform and outcome (ok or the error code).',
    labelNames: ['command', 'platform', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: 'parley_command_duration_seconds',
    help: 'Time from receiving a command to its reply being ready, by command name.',
    labelNames: ['command'] as const,
    // From a cached /ask (a few ms) to a /position that waits for the warm-up (seconds).
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly #digests = new Counter({
    name: 'parley_digests_total',
    help: 'Daily digests by outcome: posted, skipped (nothing new) or failed.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly #feedPolls = new Counter({
    name: 'parley_feed_polls_total',
    help: 'Feed polls by outcome: ok or failed.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly #articlesIngested = new Counter({
    name: 'parley_articles_ingested_total',
    help: 'Articles added to the corpus by /ingest, `npm run ingest` and feed polling.',
    registers: [this.registry],
  });
  #corpusSize: () => number = () => 0;
  readonly #corpusArticles: Gauge = new Gauge({
    name: 'parley_corpus_articles',
    help: 'Articles in the index, read at each scrape (the live corpus changes it).',
    registers: [this.registry],
    collect: (): void => this.#corpusArticles.set(this.#corpusSize()),
  });
  readonly #indexBuild = new Gauge({
    name: 'parley_index_load_seconds',
    help: 'Time to load the index at start-up, by where it came from (snapshot or corpus).',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly #warmUp = new Gauge({
    name: 'parley_warmup_seconds',
    help: 'Time the background warm-up (positions and events for every article) took; absent until it ends.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'parley_' });
  }

  commandServed(command: string, platform: string, outcome: CommandResult, seconds: number): void {
    this.#commands.inc({ command, platform, outcome });
    this.#latency.observe({ command }, seconds);
  }

  digest(outcome: 'posted' | 'skipped' | 'failed'): void {
    this.#digests.inc({ outcome });
  }

  feedPolled(outcome: 'ok' | 'failed', articlesAdded: number): void {
    this.#feedPolls.inc({ outcome });
    this.#articlesIngested.inc(articlesAdded);
  }

  articlesIngested(count: number): void {
    this.#articlesIngested.inc(count);
  }

  /** Where the corpus size is read at each scrape. */
  corpusSizeFrom(read: () => number): void {
    this.#corpusSize = read;
  }

  indexLoaded(source: 'snapshot' | 'corpus', seconds: number): void {
    this.#indexBuild.set({ source }, seconds);
  }

  warmedUp(seconds: number): void {
    this.#warmUp.set(seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
