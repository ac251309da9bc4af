import type { EntryRetry } from './feedState';
import type { IngestItem } from './ingest';

/** How failed feed entries are retried: the back-off starts at one poll interval and doubles. */
export interface RetryPolicy {
  intervalMs: number;
  /** Failed attempts after which an entry is given up (marked as handled, never fetched again). */
  maxAttempts: number;
}

/** An entry given up after its last failed attempt. */
export interface GivenUpEntry {
  entryId: string;
  source: string;
  attempts: number;
  reason: string;
}

export interface RetryUpdate {
  retries: Record<string, EntryRetry>;
  givenUp: GivenUpEntry[];
}

/** The entries still waiting for their retry at `now`, which a poll passes over. */
export function waitingEntries(retries: Readonly<Record<string, EntryRetry>>, now: Date): string[] {
  return Object.entries(retries)
    .filter(([, retry]) => Date.parse(retry.nextAttempt) > now.getTime())
    .map(([entryId]) => entryId);
}

/**
 * The retries after a poll that started at `polledAt`: an entry that failed waits one
 * interval after its first failure, two after its second, four after its third…, and is given
 * up once it has failed `maxAttempts` times; an entry handled now no longer waits.
 */
export function updateRetries(retries: Readonly<Record<string, EntryRetry>>, items: readonly IngestItem[], polledAt: Date, policy: RetryPolicy): RetryUpdate {
  const next: Record<string, EntryRetry> = { ...retries };
  const givenUp: GivenUpEntry[] = [];
  for (const item of items) {
    if (item.entryId === null) continue;
    if (item.outcome !== 'failed') {
      delete next[item.entryId];
      continue;
    }
    const attempts = (retries[item.entryId]?.attempts ?? 0) + 1;
    if (attempts >= policy.maxAttempts) {
      delete next[item.entryId];
      givenUp.push({ entryId: item.entryId, source: item.source, attempts, reason: item.reason ?? 'failed' });
      continue;
    }
    next[item.entryId] = { attempts, nextAttempt: new Date(polledAt.getTime() + policy.intervalMs * 2 ** (attempts - 1)).toISOString() };
  }
  return { retries: next, givenUp };
}
