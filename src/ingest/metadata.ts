import { isSameSite } from './site';

/**
 * What a page says about itself: schema.org JSON-LD, OpenGraph and `<meta>` tags, the
 * canonical link, and an author marked up as such. JSON-LD is the most specific and wins,
 * then OpenGraph, then plain meta.
 */
export interface PageMetadata {
  title: string | null;
  author: string | null;
  /** As the page states it (an ISO date-time or date), not yet normalised. */
  published: string | null;
  /**
   * The absolute http(s) URL the page declares as its own, when it is on the same site as the
   * page fetched and has no user name or password: a page naming another site's article as
   * its canonical URL would take that article's place (refused as a duplicate, cited under
   * the impostor's text).
   */
  canonicalUrl: string | null;
  siteName: string | null;
  tags: string[];
  /** The page calls itself an article (JSON-LD Article type or og:type article). */
  declaresArticle: boolean;
  /** JSON-LD `isAccessibleForFree: false`: the publisher marks the text as paywalled. */
  paywalled: boolean;
}

type JsonLdNode = Record<string, unknown>;

export function readPageMetadata(document: Document, pageUrl: string): PageMetadata {
  const ld = articleNode(jsonLdNodes(document));
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const content = document.querySelector(`meta[property="${key}" i], meta[name="${key}" i]`)?.getAttribute('content')?.trim();
      if (content) return content;
    }
    return null;
  };
  const metaAll = (key: string): string[] =>
    [...document.querySelectorAll(`meta[property="${key}" i], meta[name="${key}" i]`)]
      .map((m) => m.getAttribute('content')?.trim() ?? '')
      .filter((v) => v.length > 0);

  const canonicalCandidates = [
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    meta('og:url'),
    ld ? (text(ld.url) ?? idOf(ld.mainEntityOfPage)) : null,
  ];
  const metaAuthor = meta('author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator');
  const markedAuthor = document.querySelector('[itemprop~="author" i] [itemprop~="name" i], [itemprop~="author" i], a[rel~="author" i]');
  return {
    title: (ld && text(ld.headline)) ?? meta('og:title', 'twitter:title') ?? null,
    author:
      (ld && names(ld.author)) ??
      (metaAuthor && !/^https?:/iu.test(metaAuthor) ? metaAuthor : null) ??
      text(markedAuthor?.textContent?.replace(/\s+/gu, ' ')),
    published:
      (ld && (text(ld.datePublished) ?? text(ld.dateCreated))) ??
      meta('article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'dc.date.issued', 'dc.date', 'parsely-pub-date', 'sailthru.date', 'date'),
    canonicalUrl: canonicalCandidates.map((c) => trustedCanonicalUrl(c, pageUrl)).find((c) => c !== null) ?? null,
    siteName: meta('og:site_name', 'application-name') ?? (ld ? names(ld.publisher) : null),
    tags: unique([...metaAll('article:tag'), ...(ld ? keywords(ld.keywords) : [])]),
    declaresArticle: ld !== null || /^article$/iu.test(meta('og:type') ?? ''),
    paywalled: ld !== null && [false, 'false', 'False'].includes(ld.isAccessibleForFree as string | boolean),
  };
}

/** Every JSON-LD node on the page, `@graph` members included; unparsable blocks are skipped. */
function jsonLdNodes(document: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      nodes.push(value as JsonLdNode);
      if ('@graph' in value) visit((value as JsonLdNode)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  return nodes;
}

function articleNode(nodes: readonly JsonLdNode[]): JsonLdNode | null {
  const isArticle = (node: JsonLdNode): boolean => {
    const types = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
    return types.some((type) => ARTICLE_TYPE.test(type));
  };
  return nodes.find(isArticle) ?? null;
}

/** schema.org's Article and its subtypes (NewsArticle, AnalysisNewsArticle, BlogPosting, Report, …). */
const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/u;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** A name or a list of names: "Jane Roe", {name}, [{name}, {name}]. */
function names(value: unknown): string | null {
  const list = ([] as unknown[])
    .concat(value ?? [])
    .map((v) => text(v) ?? (v && typeof v === 'object' ? text((v as JsonLdNode).name) : null))
    .filter((v): v is string => v !== null && !/^https?:/iu.test(v));
  return list.length > 0 ? unique(list).join(', ') : null;
}

const idOf = (value: unknown): string | null =>
  text(value) ?? (value && typeof value === 'object' ? text((value as JsonLdNode)['@id']) : null);

function keywords(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
  return list.map((k: string) => k.trim()).filter((k) => k.length > 0);
}

/** A declared canonical URL made absolute, when it may stand for the page (see `canonicalUrl`); else null. */
function trustedCanonicalUrl(candidate: string | null | undefined, pageUrl: string): string | null {
  if (!candidate) return null;
  try {
    const page = new URL(pageUrl);
    const url = new URL(candidate, page);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return isSameSite(url, page) ? url.href : null;
  } catch {
    return null;
  }
}

const unique = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
