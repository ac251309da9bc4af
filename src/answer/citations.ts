import type { Article } from '../corpus/article';
import type { ArticleSummary, Citation } from '../core/reply';
import { publishedLabel } from '../present/citations';

/** The citation of one verbatim quote: everything a reader needs to find it. */
export function citation(n: number, article: Article, quote: string): Citation {
  return {
    n,
    articleId: article.id,
    title: article.title,
    source: article.source,
    published: article.published,
    publishedEstimated: article.publishedEstimated,
    url: article.url,
    quote,
  };
}

/** Numbers quotes in the order a reply cites them; quoting the same sentence again reuses its number. */
export class CitationList {
  readonly #byKey = new Map<string, Citation>();

  cite(article: Article, quote: string): Citation {
    const key = `${article.id}\u0000${quote}`;
    let existing = this.#byKey.get(key);
    if (!existing) {
      existing = citation(this.#byKey.size + 1, article, quote);
      this.#byKey.set(key, existing);
    }
    return existing;
  }

  all(): Citation[] {
    return [...this.#byKey.values()];
  }
}
/** An article as a reply lists it. */
export function articleSummary(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    published: article.published,
    publishedEstimated: article.publishedEstimated,
    url: article.url,
  };
}

/** "Title — Source, 2025-03-20 (date estimated) https://…": one article on one line. */
export const articleLine = (a: ArticleSummary): string =>
  `${a.title} — ${a.source}, ${publishedLabel(a)}${a.url ? ` ${a.url}` : ''}`;
