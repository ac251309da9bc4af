import type { Article } from '../corpus/article';
import { groupStatements, statementKey, type PositionEntry } from './entries';
import type { Statement } from './positionIndex';

/** How a statement reported by new coverage stands to the rest of the corpus. */
export interface StatementChange {
  /** `new` when no other article of the corpus reports it; `unchanged` when others did already. */
  status: 'new' | 'unchanged';
  /** Publication date (YYYY-MM-DD) of the earliest article that reports it, new or not. */
  firstReported: string;
}

/** An entry of new coverage: only the new articles' reports, and how it stands to the others. */
export interface ChangedEntry extends PositionEntry {
  change: StatementChange;
}

/**
 * What new coverage says of a party's positions: the one notion of "new statements" that
 * `/position … [since]` and the daily digest share. The statements the new articles report,
 * grouped as everywhere (`groupStatements`), each entry keeping only the new articles'
 * reports and marked new when no other article reports the same statement, else unchanged,
 * with the date it was first reported. New entries come first, each kind in the usual rank
 * (corroboration, then recency).
 *
 * `statements` are every article's, new and old (the old ones tell new from unchanged);
 * `isNew` says which articles are the new coverage.
 */
export function statementChanges(statements: readonly Statement[], isNew: (article: Article) => boolean): ChangedEntry[] {
  const firstReported = new Map<string, string>();
  const reportedElsewhere = new Set<string>();
  const fresh: Statement[] = [];
  for (const statement of statements) {
    const key = statementKey(statement);
    const first = firstReported.get(key);
    if (first === undefined || statement.article.published < first) firstReported.set(key, statement.article.published);
    if (isNew(statement.article)) fresh.push(statement);
    else reportedElsewhere.add(key);
  }
  const changed = groupStatements(fresh).map((entry): ChangedEntry => {
    const key = statementKey(entry.reports[0]!);
    return { ...entry, change: { status: reportedElsewhere.has(key) ? 'unchanged' : 'new', firstReported: firstReported.get(key)! } };
  });
  return [...changed.filter((e) => e.change.status === 'new'), ...changed.filter((e) => e.change.status === 'unchanged')];
}

/**
 * The note a reply line carries for a change: "new", or "unchanged, first reported
 * 2025-03-18". An earlier statement ("Back in June 2023 …") first reported now is "newly
 * reported", as "new" would read as a new position.
 */
export function changeNote(entry: ChangedEntry): string {
  const { status, firstReported } = entry.change;
  if (status === 'unchanged') return `unchanged, first reported ${firstReported}`;
  return entry.reports[0]!.earlier ? 'newly reported' : 'new';
}

/** Whether an entry comes with a change, i.e. was made by `statementChanges`. */
export const isChangedEntry = (entry: PositionEntry): entry is ChangedEntry => 'change' in entry;
