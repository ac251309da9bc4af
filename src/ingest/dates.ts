/**
 * A publication date as the corpus stores it (YYYY-MM-DD). A value that starts with a
 * calendar date keeps that date — the publisher's own day, not shifted to UTC; anything
 * else Date can read (RFC 822 dates in RSS) is taken in UTC.
 */
export function calendarDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const leading = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/u.exec(value);
    if (leading) {
      const [, year, month, day] = leading;
      return isValidDay(Number(year), Number(month), Number(day)) ? `${year}-${month}-${day}` : null;
    }
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

function isValidDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
