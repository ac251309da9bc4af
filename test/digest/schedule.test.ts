import { describe, expect, it } from 'vitest';
import { cronPattern, isTimeZone, latestOccurrence, localDate, nextOccurrence } from '../../src/digest/schedule';

const at = (iso: string) => new Date(iso);
const EPOCH = new Date(0);

describe('daily schedules', () => {
  it('fire at the local time of each time zone', () => {
    const now = at('2025-03-21T12:30:00Z');
    expect(latestOccurrence({ time: '08:00', timezone: 'Europe/Berlin' }, now, EPOCH)).toEqual(at('2025-03-21T07:00:00Z'));
    expect(latestOccurrence({ time: '08:00', timezone: 'America/New_York' }, now, EPOCH)).toEqual(at('2025-03-21T12:00:00Z'));
    expect(latestOccurrence({ time: '08:00', timezone: 'Asia/Tokyo' }, now, EPOCH)).toEqual(at('2025-03-20T23:00:00Z'));
    expect(nextOccurrence({ time: '08:00', timezone: 'America/New_York' }, now)).toEqual(at('2025-03-22T12:00:00Z'));
  });

  it('keep the local time across a daylight-saving change', () => {
    const berlin = { time: '08:00', timezone: 'Europe/Berlin' };
    // Europe moved its clocks forward on 30 March 2025: 08:00 was 07:00 UTC, then 06:00 UTC.
    expect(nextOccurrence(berlin, at('2025-03-29T08:00:00Z'))).toEqual(at('2025-03-30T06:00:00Z'));
    expect(latestOccurrence(berlin, at('2025-03-30T05:59:00Z'), EPOCH)).toEqual(at('2025-03-29T07:00:00Z'));
    expect(latestOccurrence(berlin, at('2025-03-30T06:00:00Z'), EPOCH)).toEqual(at('2025-03-30T06:00:00Z'));
  });

  it('count an occurrence due this very instant, and none before the lower bound', () => {
    const utc = { time: '08:00', timezone: 'UTC' };
    expect(latestOccurrence(utc, at('2025-03-21T08:00:00Z'), EPOCH)).toEqual(at('2025-03-21T08:00:00Z'));
    expect(latestOccurrence(utc, at('2025-03-21T09:00:00Z'), at('2025-03-21T08:30:00Z'))).toBeNull();
  });

  it('read local dates, time zones and cron patterns', () => {
    expect(localDate(at('2025-03-20T23:30:00Z'), 'Asia/Tokyo')).toBe('2025-03-21');
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(cronPattern('07:05')).toBe('0 5 7 * * *');
  });
});
