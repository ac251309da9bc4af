import { describe, expect, it } from 'vitest';
import { DeliveryLog } from '../../src/adapters/deliveries';

describe('DeliveryLog', () => {
  it('lets a delivery through once, and every repeat of it not', () => {
    const log = new DeliveryLog();
    expect(log.isFirst('trigger-1')).toBe(true);
    expect(log.isFirst('trigger-1')).toBe(false);
    expect(log.isFirst('trigger-1')).toBe(false);
    expect(log.isFirst('trigger-2')).toBe(true);
  });

  it('forgets deliveries after their time to live', () => {
    let now = 0;
    const log = new DeliveryLog({ ttlMs: 1000, now: () => now });
    expect(log.isFirst('a')).toBe(true);
    now = 999;
    expect(log.isFirst('a')).toBe(false);
    now = 2000;
    expect(log.isFirst('a')).toBe(true);
  });

  it('holds at most its capacity, forgetting the oldest first', () => {
    const log = new DeliveryLog({ capacity: 2 });
    for (const key of ['a', 'b', 'c']) log.isFirst(key);
    expect(log.isFirst('c')).toBe(false);
    expect(log.isFirst('b')).toBe(false);
    expect(log.isFirst('a')).toBe(true);
  });
});
