import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src/ingest/ingest';
import type { ArticleIngester } from '../../src/ingest/lazyIngester';
import { leasedIngester } from '../../src/ingest/leasedIngester';
import { silentLogger } from '../../src/log';
import { captureLog } from '../helpers/capturedLog';
import { eventually } from '../helpers/eventually';
import { storageBackends } from '../helpers/storageBackends';

/** Two replicas on one database asked to ingest one source at once: one ingests it, then the other. */
const SOURCE = 'https://news.example/story';

/** An ingester that records what it runs, each run held until the test lets it end. */
function heldIngester(events: string[], who: string): ArticleIngester & { finish(): void } {
  const releases: (() => void)[] = [];
  return {
    finish: () => releases.shift()?.(),
    async ingest(source: string): Promise<IngestReport> {
      events.push(`${who} starts ${source}`);
      await new Promise<void>((resolve) => releases.push(resolve));
      events.push(`${who} ends ${source}`);
      return { source, kind: 'page', feedTitle: null, notModified: false, validators: null, items: [], left: 0 };
    },
  };
}

describe.each(storageBackends())('ingestion by replicas on $name', (backend) => {
  it('ingests a source from one replica at a time: the other waits for it, and other sources do not wait', async () => {
    const first = await backend.open();
    const second = await backend.reopen();
    const events: string[] = [];
    const [rawA, rawB] = [heldIngester(events, 'A'), heldIngester(events, 'B')];
    const captured = captureLog();
    const a = leasedIngester(rawA, first.leases, silentLogger);
    const b = leasedIngester(rawB, second.leases, captured.log);

    const byA = a.ingest(SOURCE, { allowLocalFiles: false });
    await eventually(() => events.length === 1, 'A to start');
    const byB = b.ingest(` ${SOURCE}`, { allowLocalFiles: false });
    await captured.waitFor(new RegExp(`is being ingested by ${first.leases.holder}; this one waits for it`, 'u'));
    const other = b.ingest('https://news.example/another', { allowLocalFiles: false });
    await eventually(() => events.includes('B starts https://news.example/another'), 'B to start another source at once');
    rawB.finish();
    await other;

    rawA.finish();
    await byA;
    await eventually(() => events.includes(`B starts  ${SOURCE}`), 'B to ingest once A is done');
    rawB.finish();
    await byB;
    expect(events).toEqual([
      `A starts ${SOURCE}`,
      'B starts https://news.example/another',
      'B ends https://news.example/another',
      `A ends ${SOURCE}`,
      `B starts  ${SOURCE}`,
      `B ends  ${SOURCE}`,
    ]);
  });

  it('stops waiting when the run is cancelled (the bot shuts down)', async () => {
    const first = await backend.open();
    const second = await backend.reopen();
    await first.leases.acquire(`ingest:${SOURCE}`);
    const cancel = new AbortController();
    const waiting = leasedIngester(heldIngester([], 'B'), second.leases, silentLogger).ingest(SOURCE, { allowLocalFiles: false, signal: cancel.signal });
    cancel.abort();
    const report = await waiting;
    expect(report.items).toMatchObject([{ source: SOURCE, outcome: 'failed', reason: expect.stringContaining('cancelled: the bot is shutting down') }]);
  });
});
