import type { Citation, Reply } from '../../core/reply';
import { citationsByArticle, citedNumbers, publishedLabel, unshownQuotes } from '../../present/citations';

/** A reply as plain text for a terminal: body, titled sections, then the numbered sources. */
export function renderText(reply: Reply): string {
  const parts: string[] = [reply.text];
  for (const section of reply.sections ?? []) parts.push(`${section.title}\n${indent(section.body)}`);
  const shown = [reply.text, ...(reply.sections ?? []).map((s) => s.body)].join('\n');
  if (reply.citations.length > 0) parts.push(['Sources:', ...formatSources(reply.citations, shown)].join('\n'));
  if (reply.related && reply.related.length > 0) {
    parts.push(['Closest passages (they do not answer the question):', ...formatSources(reply.related, '')].join('\n'));
  }
  return parts.join('\n\n');
}

/**
 * One line per article, listing the numbers that cite it ("[1, 2] Title — source, date"),
 * followed by each quote the reply's text does not already show.
 */
function formatSources(citations: readonly Citation[], shownText: string): string[] {
  return citationsByArticle(citations).flatMap((group) => {
    const c = group[0]!;
    const head = `${citedNumbers(group)} ${c.title} — ${c.source}, ${publishedLabel(c)}${c.url ? ` — ${c.url}` : ''}`;
    const quotes = unshownQuotes(group, shownText).map((g) => `    [${g.n}] “${g.quote}”`);
    return [head, ...quotes];
  });
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
