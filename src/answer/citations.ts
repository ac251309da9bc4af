import type { Article } from '../corpus/article';
import type { ArticleSummary, Citation } from '../core/reply';

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
  `${a.title} — ${a.source}, ${a.published}${a.publishedEstimated ? ' (date estimated)' : ''}${a.url ? ` ${a.url}` : ''}`;
