import type { Citation } from '../core/reply';

/**
 * What every platform shows of a reply's sources, whatever its syntax: one entry per article
 * with the numbers that cite it, its date, and the quotes the reply does not show already.
 */

/** A publication date as readers see it: "2025-03-20", or "2025-03-20 (date estimated)" when it was inferred from the text. */
export const publishedLabel = ({ published, publishedEstimated }: { published: string; publishedEstimated: boolean }): string =>
  `${published}${publishedEstimated ? ' (date estimated)' : ''}`;

/** The citations grouped by article, in the order the articles are first cited. */
export function citationsByArticle(citations: readonly Citation[]): Citation[][] {
  const groups = new Map<string, Citation[]>();
  for (const c of citations) groups.set(c.articleId, [...(groups.get(c.articleId) ?? []), c]);
  return [...groups.values()];
}

/** The citations of a group whose quote the reply's shown text does not hold. */
export const unshownQuotes = (group: readonly Citation[], shownText: string): Citation[] => group.filter((c) => !shownText.includes(c.quote));

/** "[1, 2]": the numbers citing one article. */
export const citedNumbers = (group: readonly Citation[]): string => `[${group.map((c) => c.n).join(', ')}]`;
