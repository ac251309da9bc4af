import { describe, expect, it } from 'vitest';
import { startFeedPolling } from '../../src/ingest/feedPoller';
import type { IngestReport } from '../../src/ingest/ingest';
import type { ArticleIngester } from '../../src/ingest/lazyIngester';
import { silentLogger } from '../../src/log';
import { captureLog } from '../helpers/capturedLog';
import { eventually } from '../helpers/eventually';
import { storageBackends } from '../helpers/storageBackends';

/**
 * Replicas on one Postgres share the feed state: a feed is polled by one of them at a time,
 * and once an interval between them all, however many poll it.
 */
const FEED = 'https://news.example/feed.xml';
const HOUR = 60 * 60 * 1000;
const START = Date.parse('2025-04-01T08:00:00Z');

/** An ingester that reads an empty feed, each call held until the test lets it finish. */
function heldIngester(): ArticleIngester & { calls: number; finish(): void } {
  let release: () => void = () => undefined;
  let held = new Promise<void>((resolve) => (release = resolve));
  const ingester = {
    calls: 0,
    finish: () => release(),
    async ingest(source: string): Promise<IngestReport> {
      ingester.calls++;
      await held;
      held = new Promise<void>((resolve) => (release = resolve));
      return { source, kind: 'feed', feedTitle: 'News', notModified: false, validators: null, items: [], left: 0 };
    },
  };
  return ingester;
}

const postgres = storageBackends().filter((backend) => backend.name === 'Postgres');

describe.each(postgres)('feed polling by replicas on $name', (backend) => {
  it('polls a feed from one replica at a time, and once an interval between them', async () => {
    let offset = 0;
    const now = () => new Date(START + offset);
    const first = await backend.open();
    const second = await backend.reopen();
    const captured = captureLog();
    const [ingesterA, ingesterB] = [heldIngester(), heldIngester()];

    const pollingA = startFeedPolling(ingesterA, [FEED], HOUR, first.feedState, silentLogger, { now, leases: first.leases });
    await eventually(() => ingesterA.calls > 0, 'the first replica to poll');
    const pollingB = startFeedPolling(ingesterB, [FEED], HOUR, second.feedState, captured.log, { now, leases: second.leases });
    await captured.waitFor(new RegExp(`feed ${FEED}: being polled by ${first.leases.holder}; left to it`, 'u'));

    ingesterA.finish();
    await eventually(async () => (await second.feedState.get(FEED)).lastPolled !== null, 'the poll to be recorded');
    // Within the same interval, the other replica leaves the feed alone.
    await pollingB.pollNow();
    expect(captured.lines.join('\n')).toContain(`feed ${FEED}: polled by another replica at 2025-04-01T08:00:00.000Z; looked at again in one interval`);
    expect([ingesterA.calls, ingesterB.calls]).toEqual([1, 0]);

    // An interval later, whichever replica comes first polls it, and the other then leaves it alone.
    offset = HOUR;
    const polled = pollingB.pollNow();
    await eventually(() => ingesterB.calls > 0, 'the second replica to poll');
    ingesterB.finish();
    await polled;
    await pollingA.pollNow();
    expect([ingesterA.calls, ingesterB.calls]).toEqual([1, 1]);
    await Promise.all([pollingA.stop(), pollingB.stop()]);
  });
});
