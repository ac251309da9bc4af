import type { PositionEntry } from './entries';
import type { Statement } from './positionIndex';

/**
 * A party's statements grouped into entries, as the insights snapshot keeps them: how many
 * statements the party's list had, and each entry's reports by their place in that list
 * (the corpus's order), entries in rank order. Grouping a large party's statements again
 * took a fifth of a restart's warm-up at 50,000 articles (Russia's 130,000 alone 0.3 s).
 */
export interface GroupsRecord {
  statements: number;
  entries: number[][];
}

/** The record of `entries`, the grouping of `statements`. */
export function groupsRecord(statements: readonly Statement[], entries: readonly PositionEntry[]): GroupsRecord {
  const place = new Map<Statement, number>();
  statements.forEach((statement, index) => place.set(statement, index));
  return { statements: statements.length, entries: entries.map((entry) => entry.reports.map((report) => place.get(report)!)) };
}

/**
 * The entries a record describes, made of `statements`, or null when it cannot be theirs: a
 * list of another length, or places out of it or used twice (the statements are then grouped
 * anew). Yields every few thousand places, so that a caller may let requests through.
 */
export function* entriesFromRecord(statements: readonly Statement[], record: unknown): Generator<void, PositionEntry[] | null> {
  if (!isGroupsRecord(record) || record.statements !== statements.length) return null;
  const used = new Uint8Array(statements.length);
  const entries: PositionEntry[] = [];
  let placed = 0;
  for (const places of record.entries) {
    if (!Array.isArray(places) || places.length === 0) return null;
    const reports: Statement[] = [];
    for (const place of places) {
      if (!Number.isInteger(place) || place < 0 || place >= statements.length || used[place]) return null;
      used[place] = 1;
      reports.push(statements[place]!);
    }
    entries.push({ party: reports[0]!.party, reports });
    if ((placed += places.length) >= PLACES_PER_STEP) {
      placed = 0;
      yield;
    }
  }
  return entries;
}

/** Places turned back into statements between two looks at the clock. */
const PLACES_PER_STEP = 5_000;

function isGroupsRecord(value: unknown): value is GroupsRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { statements, entries } = value as Partial<GroupsRecord>;
  return typeof statements === 'number' && Array.isArray(entries);
}
