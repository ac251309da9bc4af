import type { Article } from '../corpus/article';
import type { Citation } from '../core/reply';

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
