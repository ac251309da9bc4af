import type { Logger } from '../log';
import type { ArticleStore } from './articleStore';
import type { FetchPolicy } from './fetch';
import type { Ingester, IngestOptions, IngestReport, IngestRunOptions } from './ingest';

/** What the commands and the feed poller need of the ingester. */
export type ArticleIngester = Pick<Ingester, 'ingest'>;

/**
 * An ingester whose fetching and extraction stack (linkedom, Readability, feedsmith) is
 * imported by the first ingest, not at start-up: most runs never ingest anything.
 */
export function lazyIngester(
  /** The corpus folder, or another store (the shared corpus). */
  corpus: string | ArticleStore,
  policy: FetchPolicy,
  log: Logger,
  now: () => Date,
  options: Partial<IngestOptions> = {},
): ArticleIngester {
  let loaded: Promise<Ingester> | null = null;
  return {
    async ingest(source: string, runOptions: IngestRunOptions): Promise<IngestReport> {
      loaded ??= import('./ingest').then(({ DEFAULT_INGEST_OPTIONS, Ingester }) => new Ingester(corpus, policy, log, now, { ...DEFAULT_INGEST_OPTIONS, ...options }));
      return (await loaded).ingest(source, runOptions);
    },
  };
}
