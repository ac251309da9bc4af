import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log';
import { withLease } from '../store/heldLease';
import type { LeaseStore } from '../store/leases';
import type { IngestReport, IngestRunOptions } from './ingest';
import type { ArticleIngester } from './lazyIngester';

/** How often at most a replica waiting on another's ingestion of the same source looks again (sooner when its lease ends sooner). */
const WAIT_STEP_MS = 1000;

/**
 * Ingestion by replicas on one database: a source (a page, a feed) is ingested by one replica
 * at a time, under the lease `ingest:<source>`, as one process queues its own runs. A replica
 * asked for a source another is ingesting waits for it, then ingests, finding what the other
 * added already in the corpus; a replica that died mid-ingestion is waited for until its
 * lease ends. A run cancelled (shutdown) while it waits ends as `failed`, as one cancelled mid-fetch does.
 */
export function leasedIngester(ingester: ArticleIngester, leases: LeaseStore, log: Logger): ArticleIngester {
  return {
    async ingest(source: string, options: IngestRunOptions): Promise<IngestReport> {
      const name = `ingest:${source.trim()}`;
      let said = false;
      for (;;) {
        if (options.signal?.aborted) return cancelled(source);
        const leased = await withLease(leases, name, log, () => ingester.ingest(source, options));
        if (leased.done) return leased.value;
        if (!said) log.info(`ingest: ${source.slice(0, 100)} is being ingested by ${leased.holder}; this one waits for it`);
        said = true;
        await sleep(Math.min(WAIT_STEP_MS, leased.expiresInMs + 50), undefined, options.signal ? { signal: options.signal } : {}).catch(() => undefined);
      }
    },
  };
}

function cancelled(source: string): IngestReport {
  const reason = 'cancelled: the bot is shutting down (while another replica ingested it)';
  return { source, kind: 'unknown', feedTitle: null, notModified: false, validators: null, items: [{ source, outcome: 'failed', reason, file: null, article: null, entryId: null }], left: 0 };
}
