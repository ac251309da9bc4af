import { describe, expect, it } from 'vitest';
import { DeliveryLog } from '../../src/adapters/deliveries';
import type { DeliveryRecords } from '../../src/store/deliveries';
import { captureLog } from '../helpers/capturedLog';

/** Shared records kept in a Map, as the database keeps them: the first insert of a key wins. */
function sharedRecords(): DeliveryRecords & { keys: Map<string, Date>; prunes: Date[] } {
  const keys = new Map<string, Date>();
  const prunes: Date[] = [];
  return {
    keys,
    prunes,
    recordFirst(key, seenAt, freshAfter) {
      const seen = keys.get(key);
      if (seen && seen > freshAfter) return Promise.resolve(false);
      keys.set(key, seenAt);
      return Promise.resolve(true);
    },
    prune(before) {
      prunes.push(before);
      return Promise.resolve();
    },
  };
}

describe('DeliveryLog', () => {
  it('lets a delivery through once, and every repeat of it not', async () => {
    const log = new DeliveryLog();
    expect(await log.isFirst('trigger-1')).toBe(true);
    expect(await log.isFirst('trigger-1')).toBe(false);
    expect(await log.isFirst('trigger-1')).toBe(false);
    expect(await log.isFirst('trigger-2')).toBe(true);
  });

  it('forgets deliveries after their time to live', async () => {
    let now = 0;
    const log = new DeliveryLog({ ttlMs: 1000, now: () => now });
    expect(await log.isFirst('a')).toBe(true);
    now = 999;
    expect(await log.isFirst('a')).toBe(false);
    now = 2000;
    expect(await log.isFirst('a')).toBe(true);
  });

  it('holds at most its capacity, forgetting the oldest first', async () => {
    const log = new DeliveryLog({ capacity: 2 });
    for (const key of ['a', 'b', 'c']) await log.isFirst(key);
    expect(await log.isFirst('c')).toBe(false);
    expect(await log.isFirst('b')).toBe(false);
    expect(await log.isFirst('a')).toBe(true);
  });

  it('answers a delivery once across replicas that share the records: a repeat reaching another replica is not answered again', async () => {
    const shared = sharedRecords();
    const replicaA = new DeliveryLog({ shared });
    const replicaB = new DeliveryLog({ shared });
    expect(await replicaA.isFirst('slack:trigger-1')).toBe(true);
    expect(await replicaB.isFirst('slack:trigger-1')).toBe(false);
    expect(await replicaA.isFirst('slack:trigger-1')).toBe(false);
    expect(await replicaB.isFirst('slack:trigger-2')).toBe(true);
    expect([...shared.keys.keys()]).toEqual(['slack:trigger-1', 'slack:trigger-2']);
  });

  it('remembers past its memory capacity through the shared records, and prunes them at most once a period', async () => {
    const shared = sharedRecords();
    let now = 1_000_000;
    const log = new DeliveryLog({ shared, capacity: 1, ttlMs: 30_000, pruneEveryMs: 60_000, now: () => now });
    await log.isFirst('a');
    await log.isFirst('b');
    expect(await log.isFirst('a')).toBe(false);
    expect(shared.prunes).toEqual([new Date(1_000_000 - 30_000)]);
    now += 60_000;
    await log.isFirst('c');
    expect(shared.prunes).toHaveLength(2);
  });

  it('answers when the shared records cannot be reached, saying so: twice is better than never', async () => {
    const captured = captureLog();
    const log = new DeliveryLog({
      log: captured.log,
      shared: { recordFirst: () => Promise.reject(new Error('connection refused')), prune: () => Promise.resolve() },
    });
    expect(await log.isFirst('slack:trigger-1')).toBe(true);
    expect(await log.isFirst('slack:trigger-1')).toBe(false);
    expect(captured.lines.join('\n')).toContain('could not be read (this one is answered, perhaps by another replica too): connection refused');
  });
});
