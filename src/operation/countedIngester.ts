import type { ArticleIngester } from '../ingest/lazyIngester';
import type { Metrics } from './metrics';

/**
 * Counts what the ingester does, for the metrics: articles added, and feed polls (an
 * ingest with feed state is a poll) with their outcome. The ingester itself stays unaware.
 */
export function countedIngester(inner: ArticleIngester, metrics: Pick<Metrics, 'feedPolled' | 'articlesIngested'>): ArticleIngester {
  return {
    async ingest(source, options) {
      const poll = options.feedState !== undefined;
      try {
        const report = await inner.ingest(source, options);
        const added = report.items.filter((item) => item.outcome === 'added').length;
        if (poll) metrics.feedPolled(report.kind === 'feed' ? 'ok' : 'failed', added);
        else metrics.articlesIngested(added);
        return report;
      } catch (error) {
        if (poll) metrics.feedPolled('failed', 0);
        throw error;
      }
    },
  };
}
