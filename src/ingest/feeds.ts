import { parseFeed } from 'feedsmith';
import { calendarDate } from './dates';

/** One entry of a feed: the article it links to, and what the feed says about it. */
export interface FeedEntry {
  /** The entry's guid/id, else its link: what says "seen before" between polls. */
  id: string;
  /** Absolute URL of the article, or null when the entry has none. */
  link: string | null;
  title: string | null;
  /** YYYY-MM-DD, when the feed gives a date. */
  published: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  entries: FeedEntry[];
}

/** Whether a response is a feed rather than a page, by its type or, for generic XML, its root. */
export function looksLikeFeed(contentType: string, text: string): boolean {
  if (/(rss|atom|feed)\+(xml|json)/iu.test(contentType)) return true;
  if (/html/iu.test(contentType)) return false;
  if (/json/iu.test(contentType)) return /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//u.test(text);
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/iu.test(text);
}

/**
 * Reads an RSS 2.0, Atom, RSS 1.0 (RDF) or JSON Feed document with feedsmith; null when
 * it is none of them. Entry links are made absolute against the feed's URL.
 */
export function readFeed(text: string, feedUrl: string): ParsedFeed | null {
  let parsed;
  try {
    parsed = parseFeed(text);
  } catch {
    return null;
  }
  const entry = (id: string | undefined, link: string | undefined, title: string | undefined, date: string | undefined): FeedEntry => {
    const absolute = absoluteUrl(link, feedUrl);
    return { id: id?.trim() || absolute || title || '', link: absolute, title: title?.trim() || null, published: calendarDate(date) };
  };
  switch (parsed.format) {
    case 'rss':
      return {
        format: 'rss',
        title: parsed.feed.title ?? null,
        entries: (parsed.feed.items ?? []).map((item) =>
          entry(item.guid?.value, item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined), item.title, item.pubDate ?? item.dc?.dates?.[0]),
        ),
      };
    case 'atom':
      return {
        format: 'atom',
        title: parsed.feed.title?.value ?? null,
        entries: (parsed.feed.entries ?? []).map((item) => {
          const links = item.links ?? [];
          // The article is the rel="alternate" link (the default rel), not "self", "edit" or "enclosure".
          const article = links.find((l) => !l.rel || l.rel === 'alternate');
          return entry(item.id, article?.href, item.title?.value, item.published ?? item.updated);
        }),
      };
    case 'rdf':
      return {
        format: 'rdf',
        title: parsed.feed.title ?? null,
        entries: (parsed.feed.items ?? []).map((item) => entry(item.link, item.link, item.title, item.dc?.dates?.[0])),
      };
    case 'json':
      return {
        format: 'json',
        title: parsed.feed.title ?? null,
        entries: (parsed.feed.items ?? []).map((item) => entry(item.id, item.url ?? item.external_url, item.title, item.date_published)),
      };
  }
}

function absoluteUrl(link: string | undefined, base: string): string | null {
  if (!link?.trim()) return null;
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return null;
  }
}

/** The entries one run takes, and how many it leaves for a later run. */
export interface EntrySelection {
  taken: FeedEntry[];
  left: number;
}

/**
 * At most `max` entries, the newest by the feed's date (undated ones after dated ones, ties
 * in the feed's order), returned in the feed's order so that a run handles them as listed.
 */
export function newestEntries(entries: readonly FeedEntry[], max: number): EntrySelection {
  if (entries.length <= max) return { taken: [...entries], left: 0 };
  const newestFirst = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (b.entry.published ?? '').localeCompare(a.entry.published ?? '') || a.index - b.index);
  const taken = newestFirst
    .slice(0, max)
    .sort((a, b) => a.index - b.index)
    .map(({ entry }) => entry);
  return { taken, left: entries.length - taken.length };
}
