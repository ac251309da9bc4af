/** A day in milliseconds. */
export const DAY_MS = 24 * 3600 * 1000;

/** The ISO date (YYYY-MM-DD) `days` after this one, or before it when negative. */
export const shiftDays = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
