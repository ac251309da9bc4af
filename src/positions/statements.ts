import type { CitationList } from '../answer/citations';
import type { Position } from '../core/reply';
import type { Library } from '../library/library';
import type { Party, Topic } from '../vocabulary/vocabulary';
import { changeNote, isChangedEntry } from './changes';
import type { PositionEntry } from './entries';
import type { Statement } from './positionIndex';

/**
 * The statements of a party (and topic), newest coverage first, then in reading order. The
 * whole corpus's, so they may still be being computed (after a restart): awaited, not blocking.
 */
export async function statementsOf(library: Library, party?: Party, topic?: Topic): Promise<readonly Statement[]> {
  // engine.articles() is newest first, and statements keep each article's reading order.
  const statements = await library.positions.corpusStatements(library.engine.articles());
  return statements.of(party, topic);
}

/** Articles cited per entry; the others are counted ("reported by 12 articles"). */
export const CITED_REPORTS_PER_ENTRY = 3;

/**
 * An entry as a reply line and as JSON data, cited:
 * `Putin: “…” [3, 5] — reported by 2 articles`, `Trump: “…” [2] — disputed by [3]`,
 * `Sullivan (former US National Security Adviser), June 2023: “…” [5]`; an entry of new
 * coverage (`statementChanges`) ends "— new" or "— unchanged, first reported 2025-03-18".
 */
export function presentEntry(entry: PositionEntry, topic: Topic | null, citations: CitationList): { line: string; position: Position } {
  const quotedReport = entry.reports[0]!;
  const change = isChangedEntry(entry) ? { note: changeNote(entry), data: entry.change } : undefined;
  const cited = entry.reports.slice(0, CITED_REPORTS_PER_ENTRY).map((s) => citations.cite(s.article, s.sentence.text));
  const disputes = quotedReport.disputedBy.map((s) => citations.cite(quotedReport.article, s.text));
  const notes = [
    ...(entry.reports.length > 1 ? [`reported by ${entry.reports.length} articles`] : []),
    ...(disputes.length > 0 ? [`disputed by [${disputes.map((c) => c.n).join(', ')}]`] : []),
    ...(change ? [change.note] : []),
  ];
  const { earlier } = quotedReport;
  return {
    line: `${speakerLabel(quotedReport)}: ${quoted(quotedReport.sentence.text)} [${cited.map((c) => c.n).join(', ')}]${notes.length > 0 ? ` — ${notes.join('; ')}` : ''}`,
    position: {
      party: entry.party.id,
      topic: topic?.id ?? null,
      speaker: quotedReport.speaker,
      statement: quotedReport.sentence.text,
      citations: cited,
      ...(entry.reports.length > 1 ? { reportedBy: entry.reports.length } : {}),
      ...(earlier ? { earlier } : {}),
      ...(disputes.length > 0 ? { disputedBy: disputes.map((c) => c.n) } : {}),
      ...(change ? { change: change.data } : {}),
    },
  };
}

/** The speaker, and for an earlier statement why: "Sullivan (former US National Security Adviser), June 2023". */
function speakerLabel(statement: Statement): string {
  const { earlier, official } = statement;
  if (!earlier) return statement.speaker;
  const role = official?.role ?? 'official';
  const office = !earlier.outOfOffice ? '' : official?.former ? ` (${/^former\b/iu.test(role) ? role : `former ${role}`})` : ' (not in office then)';
  return `${statement.speaker}${office}${earlier.date ? `, ${spelledDate(earlier.date)}` : ''}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2023-06" → "June 2023", "2024-07-15" → "15 July 2024", "2022" → "2022". */
function spelledDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const monthYear = `${MONTH_NAMES[Number(month) - 1]} ${year}`;
  return day ? `${Number(day)} ${monthYear}` : monthYear;
}

/** Quotation marks around a statement, unless it is a quotation already. */
const quoted = (text: string): string => (/^[“"]/u.test(text) ? text : `“${text}”`);
