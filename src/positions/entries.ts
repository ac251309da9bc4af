import { createHash } from 'node:crypto';
import type { Sentence } from '../corpus/article';
import type { Party } from '../vocabulary/vocabulary';
import { RecentResults } from '../util/recentResults';
import { runInSlices } from '../util/timeSlices';
import type { Statement } from './positionIndex';
import { SavedStatement } from './savedStatement';

/**
 * One statement of a party as replies show it: every article that reports it (the same
 * sentence near enough, or the same quoted words), newest first.
 */
export interface PositionEntry {
  party: Party;
  /** The reports, one per article, newest article first; the first is the one quoted. */
  reports: Statement[];
}

/** The version of grouping and ranking: a new one makes groupings saved with an older one stale. */
export const GROUPING_VERSION = '1';

/**
 * Groups a party's statements into entries and ranks them: reported by the most articles
 * first, then the most recently reported, then in the order given (reading order).
 * Current positions and earlier ones (former officials, dated well before their article)
 * are never grouped together.
 */
export function groupStatements(statements: readonly Statement[]): PositionEntry[] {
  let entries = recentlyGrouped.get(statements);
  if (!entries) {
    const steps = grouping(statements);
    let step = steps.next();
    while (!step.done) step = steps.next();
    recentlyGrouped.set(statements, (entries = step.value));
  }
  return [...entries];
}

/**
 * Groups each list as `groupStatements` will, a few milliseconds at a time with the event loop
 * free between, so that grouping a large party's statements (125,000 of Russia's at 50,000
 * articles) never holds up other requests; `groupStatements` then finds them grouped. Lists
 * grouped already, or being grouped by another caller, are not grouped again.
 */
export async function prepareGroups(lists: Iterable<readonly Statement[]>): Promise<void> {
  for (const statements of lists) {
    if (statements.length < GROUPED_AT_ONCE || recentlyGrouped.get(statements)) continue;
    let pending = beingGrouped.get(statements);
    if (!pending) {
      pending = groupInSlices(statements).finally(() => beingGrouped.delete(statements));
      beingGrouped.set(statements, pending);
    }
    await pending;
  }
}

/** The entries `groupStatements` keeps for these statements if they are grouped already, else undefined (nothing is grouped here). */
export const groupedAlready = (statements: readonly Statement[]): readonly PositionEntry[] | undefined => recentlyGrouped.get(statements);

/** Takes entries grouped earlier (read back from the insights snapshot) as these statements' grouping. */
export const keepGrouped = (statements: readonly Statement[], entries: readonly PositionEntry[]): void => recentlyGrouped.set(statements, entries);

async function groupInSlices(statements: readonly Statement[]): Promise<void> {
  recentlyGrouped.set(statements, await runInSlices(grouping(statements)));
}

/** Lists being grouped in slices, by identity: a corpus's party and topic lists are the same arrays at every call. */
const beingGrouped = new Map<readonly Statement[], Promise<void>>();

/** Lists this short are grouped at once when asked for: a few milliseconds at most. */
const GROUPED_AT_ONCE = 5_000;

/** Statements grouped between two looks at the clock. */
const STATEMENTS_PER_STEP = 1_000;

/**
 * How many statements, over all the lists kept, `groupStatements` keeps the entries of: every
 * party's, person's and topic's list several times over for a corpus of 50,000 articles
 * (220,000 statements), for some 10 MB of references.
 */
const STATEMENTS_KEPT_GROUPED = 1_500_000;

/**
 * The last lists grouped: the same party's (or person's) statements are asked for again and
 * again until the corpus changes, and grouping a large party's anew takes tens of milliseconds.
 */
const recentlyGrouped = new RecentResults<Statement, readonly PositionEntry[]>(STATEMENTS_KEPT_GROUPED);

/** Reports of a group looked through for their article before a Set of them is made. */
const REPORTS_LOOKED_THROUGH = 8;

/** Groups the statements, pausing (yielding) every `STATEMENTS_PER_STEP` of them, so a caller may let requests through; returns the entries. */
function* grouping(statements: readonly Statement[]): Generator<void, PositionEntry[]> {
  // `articles` is made once a group has a few reports: most have one or two, and a Set each costs more than looking through them.
  type Group = { entry: PositionEntry; articles: Set<string> | null };
  // By party, current or earlier, then by `sameStatementKeyOf`: the key of the statement's words, a short string saved with it,
  // rather than one string joining all three made per statement, which grouping 130,000 touched scattered over the heap.
  const byParty = new Map<string, [current: Map<string, Group>, earlier: Map<string, Group>]>();
  const order: Group[] = [];
  for (let index = 0; index < statements.length; index++) {
    if (index > 0 && index % STATEMENTS_PER_STEP === 0) yield;
    const statement = statements[index]!;
    let maps = byParty.get(statement.party.id);
    if (!maps) byParty.set(statement.party.id, (maps = [new Map(), new Map()]));
    const byKey = maps[statement.earlier === null ? 0 : 1];
    const key = sameStatementKeyOf(statement);
    const group = byKey.get(key);
    if (!group) {
      const created: Group = { entry: { party: statement.party, reports: [statement] }, articles: null };
      byKey.set(key, created);
      order.push(created);
      continue;
    }
    const { reports } = group.entry;
    // One report per article: an article's statements come together, so its earlier report is mostly the last.
    const { id } = statement.article;
    if (reports.at(-1)!.article.id === id) continue;
    if (group.articles ? group.articles.has(id) : reports.some((r) => r.article.id === id)) continue;
    reports.push(statement);
    if (group.articles) group.articles.add(id);
    else if (reports.length >= REPORTS_LOOKED_THROUGH) group.articles = new Set(reports.map((r) => r.article.id));
  }
  yield;
  // In the order of their first report, which is the order ties keep.
  const entries = order.map((group) => group.entry);
  let sorted = 0;
  for (const entry of entries) {
    if (entry.reports.length < 2) continue;
    entry.reports.sort((a, b) => newerFirst(a.article.published, b.article.published));
    sorted += entry.reports.length;
    if (sorted >= STATEMENTS_PER_STEP) {
      sorted = 0;
      yield;
    }
  }
  yield;
  const ranked = yield* rankOrder(entries);
  yield;
  return Array.from(ranked, (index) => entries[index]!);
}

/**
 * The entries' indexes, ranked: most reports first, then the newest, then in the order given.
 * Each entry's rank is one number (fewer reports, older, later: larger), so that the sort is
 * the typed array's own, without calling a comparison per pair: a large party has 150,000 entries.
 */
function* rankOrder(entries: readonly PositionEntry[]): Generator<void, Float64Array> {
  const newest = entries.map((entry) => entry.reports[0]!.article.published);
  const dates = [...new Set(newest)].sort();
  const dateRank = new Map(dates.map((date, rank) => [date, rank]));
  let mostReports = 0;
  for (const entry of entries) mostReports = Math.max(mostReports, entry.reports.length);
  const count = entries.length;
  const ranks = new Float64Array(count);
  // (fewer reports) × days × entries stays exact below 2^53 (50,000 reports, 10,000 days and 10 million entries would);
  // past that, compared pair by pair.
  if ((mostReports + 1) * dates.length * count > Number.MAX_SAFE_INTEGER) {
    const byRank = (a: number, b: number): number =>
      entries[b]!.reports.length - entries[a]!.reports.length || dateRank.get(newest[b]!)! - dateRank.get(newest[a]!)! || a - b;
    return Float64Array.from([...entries.keys()].sort(byRank));
  }
  for (let i = 0; i < count; i++) {
    const olderBy = dates.length - 1 - dateRank.get(newest[i]!)!;
    ranks[i] = ((mostReports - entries[i]!.reports.length) * dates.length + olderBy) * count + i;
  }
  yield;
  ranks.sort();
  yield;
  for (let i = 0; i < count; i++) ranks[i] = ranks[i]! % count;
  return ranks;
}

/**
 * What `groupStatements` groups by, as one string: the party, current or earlier, and the
 * words' key (reports with the same key are one entry). For comparing statements one by one
 * (`statementChanges`); grouping itself looks the three parts up in turn. Kept per statement.
 */
export function statementKey(statement: Statement): string {
  let key = statementKeys.get(statement);
  if (key === undefined) {
    key = groupKey(statement.party.id, statement.earlier !== null, sameStatementKeyOf(statement));
    statementKeys.set(statement, key);
  }
  return key;
}

/** `statementKey` from its parts, the same string object for every report of a statement: a Map compares it by reference, not character by character. */
function groupKey(partyId: string, earlier: boolean, sameAs: string): string {
  const text = `${partyId}|${earlier ? 'earlier' : 'current'}|${sameAs}`;
  let key = internedKeys.get(text);
  if (key === undefined) {
    // Forgetting them all only costs speed: later keys are shared afresh.
    if (internedKeys.size >= MAX_INTERNED_KEYS) internedKeys.clear();
    internedKeys.set(text, (key = text));
  }
  return key;
}

const statementKeys = new WeakMap<Statement, string>();
/** Every key made, once: as many as the corpus's distinct statements, a few MB at 50,000 articles. */
const internedKeys = new Map<string, string>();
/** Past this many (statements of articles long gone, after weeks of live updates), the keys are forgotten. */
const MAX_INTERNED_KEYS = 1_000_000;

/** ISO dates, the newer first: compared as strings, which is their order (and much cheaper than `localeCompare`). */
const newerFirst = (a: string, b: string): number => (a > b ? -1 : a < b ? 1 : 0);

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
 * its whole text without case, punctuation or spacing. As a digest of that (128 bits of
 * SHA-256: only its equality matters), short to compare, keep and save. Cached per sentence
 * object, so a corpus's keys are computed once, and dropped with their article.
 */
export function sameStatementKey(sentence: Sentence): string {
  let key = keys.get(sentence);
  if (key === undefined) {
    const quoted = [...sentence.text.matchAll(QUOTATION)].map((m) => normalise(m[1]!)).filter((q) => q.split(' ').length >= MIN_QUOTED_WORDS);
    const same = quoted.length > 0 ? `quote:${quoted.sort((a, b) => b.length - a.length)[0]}` : `text:${normalise(sentence.text)}`;
    key = createHash('sha256').update(same).digest('base64').slice(0, 22);
    keys.set(sentence, key);
  }
  return key;
}

const keys = new WeakMap<Sentence, string>();

/** `sameStatementKey` of a statement's sentence: as saved with it, for a statement read back from the insights snapshot. */
export const sameStatementKeyOf = (statement: Statement): string => SavedStatement.sameAsOf(statement) ?? sameStatementKey(statement.sentence);
/** Fewer quoted words than this are a phrase many statements share ("in principle", "correct"). */
const MIN_QUOTED_WORDS = 5;
const QUOTATION = /[“"]([^”"]+)[”"]/gu;

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
