import type { Citation, Reply } from '../../core/reply';

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
  const byArticle = new Map<string, Citation[]>();
  for (const c of citations) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  return [...byArticle.values()].flatMap((group) => {
    const c = group[0]!;
    const date = `${c.published}${c.publishedEstimated ? ' (date estimated)' : ''}`;
    const head = `[${group.map((g) => g.n).join(', ')}] ${c.title} — ${c.source}, ${date}${c.url ? ` — ${c.url}` : ''}`;
    const quotes = group.filter((g) => !shownText.includes(g.quote)).map((g) => `    [${g.n}] “${g.quote}”`);
    return [head, ...quotes];
  });
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
