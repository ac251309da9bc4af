import type { Sentence } from '../corpus/article';
import type { Party } from '../vocabulary/vocabulary';
import type { Statement } from './positionIndex';

/**
 * One statement of a party as replies show it: every article that reports it (the same
 * sentence near enough, or the same quoted words), newest first.
 */
export interface PositionEntry {
  party: Party;
  /** The reports, one per article, newest article first; the first is the one quoted. */
  reports: Statement[];
}

/**
 * Groups a party's statements into entries and ranks them: reported by the most articles
 * first, then the most recently reported, then in the order given (reading order).
 * Current positions and earlier ones (former officials, dated well before their article)
 * are never grouped together.
 */
export function groupStatements(statements: readonly Statement[]): PositionEntry[] {
  const byKey = new Map<string, { entry: PositionEntry; articles: Set<string>; order: number }>();
  statements.forEach((statement, order) => {
    const key = `${statement.party.id}|${statement.earlier ? 'earlier' : 'current'}|${sameStatementKey(statement.sentence)}`;
    const group = byKey.get(key);
    if (!group) {
      byKey.set(key, { entry: { party: statement.party, reports: [statement] }, articles: new Set([statement.article.id]), order });
    } else if (!group.articles.has(statement.article.id)) {
      group.articles.add(statement.article.id);
      group.entry.reports.push(statement);
    }
  });
  const groups = [...byKey.values()];
  for (const { entry } of groups) entry.reports.sort((a, b) => b.article.published.localeCompare(a.article.published));
  return groups
    .sort(
      (a, b) =>
        b.entry.reports.length - a.entry.reports.length ||
        b.entry.reports[0]!.article.published.localeCompare(a.entry.reports[0]!.article.published) ||
        a.order - b.order,
    )
    .map((g) => g.entry);
}

/** Whether an entry is the party's current position rather than an earlier one. */
export const isCurrent = (entry: PositionEntry): boolean => entry.reports[0]!.earlier === null;

/** Current positions first, each group keeping its rank. */
export const currentFirst = (entries: readonly PositionEntry[]): PositionEntry[] => [
  ...entries.filter(isCurrent),
  ...entries.filter((e) => !isCurrent(e)),
];

/**
 * What makes two reports the same statement: the words it quotes, when it quotes enough of
 * them to be telling (several outlets quote the same words in different sentences), else
 * its whole text without case, punctuation or spacing. Cached per sentence object, so a
 * corpus's keys are computed once, and dropped with their article.
 */
function sameStatementKey(sentence: Sentence): string {
  let key = keys.get(sentence);
  if (key === undefined) {
    const quoted = [...sentence.text.matchAll(QUOTATION)].map((m) => normalise(m[1]!)).filter((q) => q.split(' ').length >= MIN_QUOTED_WORDS);
    key = quoted.length > 0 ? `quote:${quoted.sort((a, b) => b.length - a.length)[0]}` : `text:${normalise(sentence.text)}`;
    keys.set(sentence, key);
  }
  return key;
}

const keys = new WeakMap<Sentence, string>();
/** Fewer quoted words than this are a phrase many statements share ("in principle", "correct"). */
const MIN_QUOTED_WORDS = 5;
const QUOTATION = /[“"]([^”"]+)[”"]/gu;

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
