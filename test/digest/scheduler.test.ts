import { describe, expect, it } from 'vitest';
import type { Digests, DuePass } from '../../src/digest/digests';
import { DigestScheduler } from '../../src/digest/scheduler';
import { silentLogger } from '../../src/log';
import { eventually } from '../helpers/eventually';

/** The scheduler's wake-ups, with digests that only count how often they are asked. */
function countingDigests(passes: DuePass[]): Digests & { calls: number } {
  const digests = {
    calls: 0,
    onChange: () => undefined,
    subscriptions: () => Promise.resolve([]),
    runDue: () => {
      digests.calls++;
      return Promise.resolve(passes.shift() ?? { lookAgainInMs: null });
    },
  };
  return digests as unknown as Digests & { calls: number };
}

describe('DigestScheduler', () => {
  it('looks again when the lease of a run another replica is posting ends, not only at the next check', async () => {
    const digests = countingDigests([{ lookAgainInMs: 20 }, { lookAgainInMs: 20 }]);
    // The regular check an hour away: only the lease ends can wake it before the test ends.
    const scheduler = new DigestScheduler(digests, silentLogger, 60 * 60 * 1000);
    scheduler.start();
    try {
      await eventually(() => digests.calls >= 3, 'three looks: at start, and at the end of each lease');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(digests.calls).toBe(3);
    } finally {
      scheduler.stop();
    }
  });

  it('does not look again after it is stopped', async () => {
    const digests = countingDigests([{ lookAgainInMs: 50 }]);
    const scheduler = new DigestScheduler(digests, silentLogger, 60 * 60 * 1000);
    scheduler.start();
    scheduler.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(digests.calls).toBe(1);
  });
});
