import { describe, expect, it } from 'vitest';
import { emptyFeedRecord, MAX_SEEN_ENTRIES } from '../../src/ingest/feedState';
import { captureLog } from '../helpers/capturedLog';
import { storageBackends } from '../helpers/storageBackends';

/**
 * One suite, both backends: everything the bot keeps behaves the same in SQLite (the default)
 * and in Postgres (PARLEY_DATABASE_URL), against a real Postgres server on loopback.
 */
const at = (iso: string) => new Date(iso);
const NEWSROOM = { platform: 'slack', channelId: 'C0NEWS', time: '08:00', timezone: 'UTC', createdBy: 'U1' };
const EUROPE = { platform: 'discord', channelId: '1234', time: '17:30', timezone: 'Europe/Berlin', createdBy: null };

describe.each(storageBackends())('storage in $name', (backend) => {
  it('keeps one subscription per channel: re-subscribing changes the schedule, resumes it and keeps its start', async () => {
    const { subscriptions } = await backend.open();
    const first = await subscriptions.subscribe(NEWSROOM, at('2025-03-21T06:00:00Z'));
    expect(first).toEqual({ id: first.id, ...NEWSROOM, workspaceId: null, createdAt: at('2025-03-21T06:00:00Z'), pausedReason: null });
    await subscriptions.subscribe(EUROPE, at('2025-03-21T06:01:00Z'));
    await subscriptions.pause(first.id, 'posting failed 3 times.');
    expect((await subscriptions.get('slack', 'C0NEWS'))!.pausedReason).toBe('posting failed 3 times.');

    const again = await subscriptions.subscribe({ ...NEWSROOM, time: '09:15', timezone: 'Asia/Tokyo' }, at('2025-03-22T00:00:00Z'));
    expect(again).toEqual({ ...first, time: '09:15', timezone: 'Asia/Tokyo' });
    expect((await subscriptions.all()).map((s) => s.channelId)).toEqual(['C0NEWS', '1234']);
    expect(await subscriptions.unsubscribe('slack', 'C0NEWS')).toBe(true);
    expect(await subscriptions.unsubscribe('slack', 'C0NEWS')).toBe(false);
    expect(await subscriptions.get('slack', 'C0NEWS')).toBeNull();
  });

  it('records each run once, as pending, then posted, retried or failed; a channel unsubscribed takes its runs along', async () => {
    const { subscriptions, runs } = await backend.open();
    const { id } = await subscriptions.subscribe(NEWSROOM, at('2025-03-20T06:00:00Z'));
    const scheduledFor = at('2025-03-21T08:00:00Z');
    const claimed = await runs.claim(id, scheduledFor, at('2025-03-21T08:00:05Z'));
    expect(claimed).toEqual({
      id: claimed.id,
      subscriptionId: id,
      scheduledFor,
      coversUntil: at('2025-03-21T08:00:05Z'),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: null,
      messageIds: [],
      lastError: null,
    });
    // Claimed again (a restart, a second look): the same run, its coverage unchanged.
    expect(await runs.claim(id, scheduledFor, at('2025-03-21T08:05:00Z'))).toEqual(claimed);

    await runs.recordFailure(claimed.id, 'HTTP 503', at('2025-03-21T08:06:00Z'), at('2025-03-21T08:05:00Z'));
    expect(await runs.get(id, scheduledFor)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 503', nextAttemptAt: at('2025-03-21T08:06:00Z') });
    await runs.markPosted(claimed.id, ['1742544360.000100', '1742544360.000200'], at('2025-03-21T08:06:01Z'));
    expect(await runs.get(id, scheduledFor)).toMatchObject({ state: 'posted', attempts: 1, nextAttemptAt: null, messageIds: ['1742544360.000100', '1742544360.000200'] });

    const next = await runs.claim(id, at('2025-03-22T08:00:00Z'), at('2025-03-22T08:00:00Z'));
    await runs.markSkipped(next.id, at('2025-03-22T08:00:01Z'));
    const third = await runs.claim(id, at('2025-03-23T08:00:00Z'), at('2025-03-23T08:00:00Z'));
    await runs.recordFailure(third.id, 'channel_not_found', null, at('2025-03-23T08:00:01Z'));

    expect((await runs.latest(id))!).toMatchObject({ id: third.id, state: 'failed', lastError: 'channel_not_found' });
    expect((await runs.lastIn(id, ['posted', 'skipped']))!.id).toBe(next.id);
    expect((await runs.lastIn(id, ['posted']))!.id).toBe(claimed.id);
    expect(await runs.get(id, at('2025-03-24T08:00:00Z'))).toBeNull();

    await subscriptions.unsubscribe('slack', 'C0NEWS');
    expect(await runs.latest(id)).toBeNull();
  });

  it('notes when each article first joined the corpus, and answers which joined between two instants', async () => {
    const { ledger } = await backend.open();
    await ledger.sync(['a', 'b'], at('2025-03-20T10:00:00Z'));
    await ledger.sync(['a', 'b', 'c'], at('2025-03-21T10:00:00Z'));
    await ledger.sync(new Set(['c', 'd']), at('2025-03-22T10:00:00Z'));
    expect(await ledger.joinedBetween(null, at('2025-03-20T10:00:00Z'))).toEqual(new Set(['a', 'b']));
    // After is exclusive, up-to inclusive: consecutive digests never share nor miss an article.
    expect(await ledger.joinedBetween(at('2025-03-20T10:00:00Z'), at('2025-03-22T10:00:00Z'))).toEqual(new Set(['c', 'd']));
    expect(await ledger.joinedBetween(at('2025-03-21T10:00:00Z'), at('2025-03-21T23:00:00Z'))).toEqual(new Set());
    // Nothing new: nothing recorded, nothing forgotten.
    await ledger.sync([], at('2025-03-23T10:00:00Z'));
    expect(await ledger.joinedBetween(null, at('2025-03-23T10:00:00Z'))).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('keeps each feed’s polling state, bounded to the latest entries', async () => {
    const { feedState } = await backend.open();
    expect(await feedState.get('https://news.example/rss')).toEqual(emptyFeedRecord());
    const seen = Array.from({ length: MAX_SEEN_ENTRIES + 3 }, (_, i) => `entry-${i}`);
    const retries = { 'entry-x': { attempts: 2, nextAttempt: '2025-03-21T10:00:00.000Z' } };
    await feedState.set('https://news.example/rss', { etag: '"v2"', lastModified: null, lastPolled: '2025-03-21T08:00:00.000Z', seen, retries });
    await feedState.set('https://other.example/atom', { ...emptyFeedRecord(), lastModified: 'Fri, 28 Mar 2025 12:00:00 GMT' });
    expect(await feedState.get('https://news.example/rss')).toEqual({ etag: '"v2"', lastModified: null, lastPolled: '2025-03-21T08:00:00.000Z', seen: seen.slice(3), retries });
    expect((await feedState.get('https://other.example/atom')).lastModified).toBe('Fri, 28 Mar 2025 12:00:00 GMT');
  });

  it('keeps everything through a restart, and migrating again changes nothing', async () => {
    const first = await backend.open();
    const { id } = await first.subscriptions.subscribe(NEWSROOM, at('2025-03-21T06:00:00Z'));
    const run = await first.runs.claim(id, at('2025-03-21T08:00:00Z'), at('2025-03-21T08:00:00Z'));
    await first.ledger.sync(['a'], at('2025-03-21T06:00:00Z'));
    await first.feedState.set('https://news.example/rss', { ...emptyFeedRecord(), seen: ['e1'] });
    await first.close();

    const captured = captureLog('debug');
    const restarted = await backend.reopen(captured.log);
    expect(await restarted.subscriptions.get('slack', 'C0NEWS')).toMatchObject({ id, ...NEWSROOM });
    expect(await restarted.runs.latest(id)).toEqual(run);
    expect(await restarted.ledger.joinedBetween(null, at('2025-03-22T00:00:00Z'))).toEqual(new Set(['a']));
    expect((await restarted.feedState.get('https://news.example/rss')).seen).toEqual(['e1']);
    expect(captured.lines).toEqual([]);
    // A new subscription is numbered after the ones kept.
    expect((await restarted.subscriptions.subscribe(EUROPE, at('2025-03-22T00:00:00Z'))).id).toBeGreaterThan(id);
  });
});
