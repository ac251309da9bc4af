import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withLease } from '../../src/store/heldLease';
import { DATABASE_FILE } from '../../src/store/sqlite/database';
import { captureLog } from '../helpers/capturedLog';
import { temporaryDir } from '../helpers/fixtures';
import { openSqliteStorage } from '../../src/store/sqlite/storage';
import { silentLogger } from '../../src/log';
import { storageBackends } from '../helpers/storageBackends';

/**
 * Leases and the shared record of requests answered, in both backends: two storages opened on
 * one database are two replicas, each a lease holder of its own.
 */
const RUN = 'digest:1:2025-03-21T08:00:00.000Z';
/** Short enough to see one expire in a test; the waits below follow what the database reports, not a fixed time. */
const SHORT_LEASE_MS = 1000;
/** A lease kept by renewal: long enough that a loaded machine's pause between two renewals (every third of it) does not lose it. */
const RENEWED_LEASE_MS = 2000;

describe.each(storageBackends())('leases in $name', (backend) => {
  it('lets one replica at a time hold a lease, and tells the others who holds it and for how long', async () => {
    const first = await backend.open();
    const second = await backend.reopen();
    expect(first.leases.holder).not.toBe(second.leases.holder);
    expect(first.leases.holder).toMatch(new RegExp(`^${hostname()}:${process.pid}:[0-9a-f]{8}$`, 'u'));

    expect(await first.leases.acquire(RUN)).toEqual({ acquired: true });
    const refused = await second.leases.acquire(RUN);
    expect(refused).toMatchObject({ acquired: false, holder: first.leases.holder });
    expect(refused.acquired === false && refused.expiresInMs).toBeGreaterThan(0);
    expect(refused.acquired === false && refused.expiresInMs).toBeLessThanOrEqual(first.leases.durationMs);
    // The holder taking it again renews it; another lease is free.
    expect(await first.leases.acquire(RUN)).toEqual({ acquired: true });
    expect(await second.leases.acquire('feed-poll:https://example.org/feed')).toEqual({ acquired: true });

    // Only the holder can release it.
    await second.leases.release(RUN);
    expect(await second.leases.acquire(RUN)).toMatchObject({ acquired: false });
    await first.leases.release(RUN);
    expect(await second.leases.acquire(RUN)).toEqual({ acquired: true });
    expect(await first.leases.renew(RUN)).toBe(false);
  });

  it('lets another replica take over a lease that was not renewed, and tells the old holder it lost it', async () => {
    const first = await backend.open(silentLogger, SHORT_LEASE_MS);
    const second = await backend.reopen(silentLogger, SHORT_LEASE_MS);
    expect(await first.leases.acquire(RUN)).toEqual({ acquired: true });
    const refused = await second.leases.acquire(RUN);
    if (refused.acquired) throw new Error('the lease was given twice');
    await sleep(refused.expiresInMs + 50);
    expect(await second.leases.acquire(RUN)).toEqual({ acquired: true });
    expect(await first.leases.renew(RUN)).toBe(false);
    expect(await first.leases.acquire(RUN)).toMatchObject({ acquired: false, holder: second.leases.holder });
  });

  it('keeps a lease renewed while its work runs, however long, and releases it after, even when the work fails', async () => {
    const captured = captureLog();
    const first = await backend.open(captured.log, RENEWED_LEASE_MS);
    const second = await backend.reopen(silentLogger, RENEWED_LEASE_MS);
    let refusals = 0;
    const outcome = await withLease(first.leases, RUN, captured.log, async (signal) => {
      // Two lease durations: without renewal the second replica would get it.
      for (let i = 0; i < 4; i++) {
        await sleep(RENEWED_LEASE_MS / 2);
        if (!(await second.leases.acquire(RUN)).acquired) refusals++;
      }
      return signal.aborted ? 'lost' : 'kept';
    });
    expect(outcome).toEqual({ done: true, value: 'kept' });
    expect(refusals).toBe(4);
    expect(await second.leases.acquire(RUN)).toEqual({ acquired: true });
    expect(captured.lines.filter((line) => line.includes('lease'))).toEqual([]);

    await expect(withLease(second.leases, 'ingest:x', silentLogger, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await first.leases.acquire('ingest:x')).toEqual({ acquired: true });
  });

  it('does not run the work when another replica holds the lease, and says until when', async () => {
    const first = await backend.open();
    const second = await backend.reopen();
    await first.leases.acquire(RUN);
    let ran = false;
    const outcome = await withLease(second.leases, RUN, silentLogger, () => Promise.resolve((ran = true)));
    expect(ran).toBe(false);
    expect(outcome).toMatchObject({ done: false, holder: first.leases.holder });
  });

  it('records a delivery once across replicas, forgets it after its time to live, and prunes what is past it', async () => {
    const first = await backend.open();
    const second = await backend.reopen();
    const seenAt = new Date('2025-03-21T08:00:00Z');
    const freshAfter = new Date('2025-03-21T07:30:00Z');
    const [a, b] = await Promise.all([first.deliveries.recordFirst('slack:T1', seenAt, freshAfter), second.deliveries.recordFirst('slack:T1', seenAt, freshAfter)]);
    expect([a, b].sort()).toEqual([false, true]);
    expect(await second.deliveries.recordFirst('slack:T1', new Date('2025-03-21T08:10:00Z'), new Date('2025-03-21T07:40:00Z'))).toBe(false);
    expect(await first.deliveries.recordFirst('discord:T1', seenAt, freshAfter)).toBe(true);
    // Past the time to live, a key counts as new again, pruned or not.
    expect(await first.deliveries.recordFirst('slack:T1', new Date('2025-03-21T08:31:00Z'), new Date('2025-03-21T08:01:00Z'))).toBe(true);
    await first.deliveries.prune(new Date('2025-03-21T08:01:00Z'));
    expect(await second.deliveries.recordFirst('discord:T1', new Date('2025-03-21T08:02:00Z'), new Date('2025-03-21T07:32:00Z'))).toBe(true);
    expect(await second.deliveries.recordFirst('slack:T1', new Date('2025-03-21T08:32:00Z'), new Date('2025-03-21T08:02:00Z'))).toBe(false);
  });
});

describe('leases in SQLite, one machine', () => {
  it('are free at once when their holder process has ended: a bot restarted after a crash does not wait for the expiry', async () => {
    const dataDir = temporaryDir('parley-leases-');
    const storage = openSqliteStorage(dataDir, silentLogger);
    try {
      const ended = spawnSync(process.execPath, ['-e', '0']).pid;
      const db = new Database(`${dataDir}/${DATABASE_FILE}`);
      db.prepare('INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?), (?, ?, ?)').run(
        RUN,
        `${hostname()}:${ended}:0badf00d`,
        '2999-01-01T00:00:00.000Z',
        'feed-poll:x',
        `elsewhere.example:${ended}:0badf00d`,
        '2999-01-01T00:00:00.000Z',
      );
      db.close();
      expect(await storage.leases.acquire(RUN)).toEqual({ acquired: true });
      // A holder on another machine may be alive: only its expiry frees its lease.
      expect(await storage.leases.acquire('feed-poll:x')).toMatchObject({ acquired: false, holder: `elsewhere.example:${ended}:0badf00d` });
    } finally {
      await storage.close();
    }
  });
});
