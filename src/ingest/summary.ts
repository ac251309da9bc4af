import { articleLine, articleSummary } from '../answer/citations';
import { articleIdOf } from '../corpus/loader';
import type { Reply, Section } from '../core/reply';
import type { IngestItem, IngestOutcome, IngestReport } from './ingest';

export function countOutcomes(items: readonly IngestItem[]): Record<IngestOutcome, number> {
  const counts = { added: 0, duplicate: 0, unextractable: 0, failed: 0 };
  for (const item of items) counts[item.outcome]++;
  return counts;
}

/** An ingest run as the reply every adapter (and the `npm run ingest` script) shows. */
export function ingestReply(report: IngestReport): Reply {
  const added = report.items.filter((item) => item.article !== null).map((item) => articleSummary(item.article!));
  const single = singleItem(report);
  const sections = single ? [] : outcomeSections(report.items);
  return {
    command: 'ingest',
    title: `Ingest ${report.feedTitle ?? report.source}`,
    text: headline(report, single),
    citations: [],
    ...(sections.length > 0 ? { sections } : {}),
    ...(added.length > 0 ? { articles: added } : {}),
    ingested: report.items.map((item) => ({
      source: item.source,
      outcome: item.outcome,
      reason: item.reason,
      articleId: item.file ? articleIdOf(item.file) : null,
    })),
  };
}

/** One article (a page, a file), or a folder or feed that could not be read at all: told in one sentence. */
function singleItem(report: IngestReport): IngestItem | null {
  const only = report.items.length === 1 ? report.items[0]! : null;
  return only && ((report.kind !== 'feed' && report.kind !== 'folder') || only.source === report.source) ? only : null;
}

function headline(report: IngestReport, single: IngestItem | null): string {
  const name = report.feedTitle ? `The feed “${report.feedTitle}”` : report.source;
  if (report.notModified) return `${name} has not changed since it was last read: nothing to add.`;
  if (single) {
    if (single.outcome === 'added') return `Added “${single.article!.title}” to the corpus as ${single.file}.`;
    if (single.outcome === 'duplicate') return `Nothing to do: ${single.source} is ${single.reason}.`;
    return `Not added: ${single.source}: ${single.reason}.`;
  }
  if (report.items.length === 0) return `${name}: no new entries.`;
  const counts = countOutcomes(report.items);
  const parts = [
    `${counts.added} added`,
    `${counts.duplicate} already in the corpus`,
    ...(counts.unextractable > 0 ? [`${counts.unextractable} not extractable`] : []),
    ...(counts.failed > 0 ? [`${counts.failed} failed`] : []),
  ];
  const unit = report.kind === 'feed' ? ['entry', 'entries'] : ['file', 'files'];
  return `${name}: ${report.items.length} ${report.items.length === 1 ? unit[0] : unit[1]} — ${parts.join(', ')}.${leftForLater(report.left)}`;
}

/** What a capped run left of a long feed, and how it gets taken. */
function leftForLater(left: number): string {
  if (left === 0) return '';
  const entries = left === 1 ? '1 more new entry was' : `${left} more new entries were`;
  return ` ${entries} left for later: ingest the feed again to take the next ones (a feed in PARLEY_FEEDS gets them at its next polls).`;
}

function outcomeSections(items: readonly IngestItem[]): Section[] {
  const lines = (outcomes: readonly IngestOutcome[], line: (item: IngestItem) => string): string[] =>
    items.filter((item) => outcomes.includes(item.outcome)).map(line);
  const sections: [string, string[]][] = [
    ['Added', lines(['added'], (item) => `${articleLine(articleSummary(item.article!))} (${item.file})`)],
    ['Already in the corpus', lines(['duplicate'], (item) => `${item.source} — ${item.reason}`)],
    ['Not added', lines(['unextractable', 'failed'], (item) => `${item.source} — ${item.reason}`)],
  ];
  return sections.filter(([, body]) => body.length > 0).map(([title, body]) => ({ title, body: capped(body) }));
}

/** A chat message has room for a few lines of each kind; the JSON `ingested` field has them all. */
function capped(lines: readonly string[]): string {
  if (lines.length <= MAX_SECTION_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_SECTION_LINES), `… and ${lines.length - MAX_SECTION_LINES} more`].join('\n');
}

/** Ten lines of each kind keep the reply to a capped feed run (up to 50 entries) to one screen; the counts say the rest. */
const MAX_SECTION_LINES = 10;
