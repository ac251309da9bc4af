import type { Citation, Reply } from '../../core/reply';

/** A reply as plain text for a terminal: body, titled sections, then the numbered sources. */
export function renderText(reply: Reply): string {
  const parts: string[] = [reply.text];
  for (const section of reply.sections ?? []) parts.push(`${section.title}\n${indent(section.body)}`);
  if (reply.citations.length > 0) {
    parts.push(['Sources:', ...reply.citations.map((c) => formatCitation(c, !reply.text.includes(c.quote)))].join('\n'));
  }
  if (reply.related && reply.related.length > 0) {
    parts.push(['Closest passages (they do not answer the question):', ...reply.related.map((c) => formatCitation(c, true))].join('\n'));
  }
  return parts.join('\n\n');
}

function formatCitation(c: Citation, withQuote: boolean): string {
  const date = `${c.published}${c.publishedEstimated ? ' (date estimated)' : ''}`;
  const head = `[${c.n}] ${c.title} — ${c.source}, ${date}${c.url ? ` — ${c.url}` : ''}`;
  return withQuote ? `${head}\n    “${c.quote}”` : head;
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
