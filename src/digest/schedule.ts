import { Cron } from 'croner';

/**
 * When a subscription's digest is due: every day at HH:MM in its IANA time zone, computed by
 * croner, so daylight-saving changes move the instant and never the local time.
 */
export interface DailySchedule {
  /** HH:MM, 24-hour, local to `timezone`. */
  time: string;
  timezone: string;
}

/** The latest scheduled instant at or before `now`, or null if none since `notBefore`. */
export function latestOccurrence(schedule: DailySchedule, now: Date, notBefore: Date): Date | null {
  // previousRuns(…, now) lists runs strictly before `now`; a run due this very millisecond counts too.
  const [latest] = cronOf(schedule).previousRuns(1, new Date(now.getTime() + 1));
  return latest && latest.getTime() >= notBefore.getTime() ? latest : null;
}

/** The first scheduled instant after `now`. */
export function nextOccurrence(schedule: DailySchedule, now: Date): Date {
  return cronOf(schedule).nextRun(now)!;
}

/** The date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** "2025-03-21 08:00 (Europe/Berlin)": an instant as the time zone's clock shows it. */
export function formatLocal(instant: Date, timezone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${localDate(instant, timezone)} ${time} (${timezone})`;
}

/** Whether the name is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The croner pattern of a daily time: "08:30" → "0 30 8 * * *". */
export function cronPattern(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `0 ${minutes} ${hours} * * *`;
}

const cronOf = ({ time, timezone }: DailySchedule): Cron => new Cron(cronPattern(time), { timezone, paused: true });
