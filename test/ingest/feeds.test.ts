import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/ingest/dates';
import { looksLikeFeed, newestEntries, readFeed, type FeedEntry } from '../../src/ingest/feeds';
import { atomFeed, rssFeed } from '../helpers/newsPages';

const SITE = 'https://news.example/';

describe('readFeed', () => {
  it('reads an RSS 2.0 feed: links, guids, dates', () => {
    const xml = rssFeed('World', SITE, [
      { title: 'Talks resume', link: 'https://news.example/a', published: '2025-03-26T08:15:00Z' },
      { title: 'Swap', link: 'https://news.example/b', published: '2025-03-28T11:05:00Z', guid: 'swap-1' },
    ]);
    expect(readFeed(xml, `${SITE}rss`)).toEqual({
      format: 'rss',
      title: 'World',
      entries: [
        { id: 'https://news.example/a', link: 'https://news.example/a', title: 'Talks resume', published: '2025-03-26' },
        { id: 'swap-1', link: 'https://news.example/b', title: 'Swap', published: '2025-03-28' },
      ],
    });
  });

  it('reads an Atom feed: the alternate link, the published date, relative links made absolute', () => {
    const xml = atomFeed('Analysis', SITE, [{ title: 'Force', link: '/analysis/force', published: '2025-03-27T17:40:00Z', guid: 'tag:x,2025:1' }]);
    expect(readFeed(xml, `${SITE}feeds/analysis.atom`)).toEqual({
      format: 'atom',
      title: 'Analysis',
      entries: [{ id: 'tag:x,2025:1', link: 'https://news.example/analysis/force', title: 'Force', published: '2025-03-27' }],
    });
  });

  it('reads a JSON Feed', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Briefs',
      items: [{ id: '42', url: 'https://news.example/briefs/42', title: 'Brief', date_published: '2025-03-29T08:00:00Z' }],
    });
    expect(looksLikeFeed('application/json', json)).toBe(true);
    expect(readFeed(json, SITE)).toEqual({
      format: 'json',
      title: 'Briefs',
      entries: [{ id: '42', link: 'https://news.example/briefs/42', title: 'Brief', published: '2025-03-29' }],
    });
  });

  it('returns null for what is not a feed', () => {
    expect(readFeed('<!DOCTYPE html><html><body><p>Hello</p></body></html>', SITE)).toBeNull();
    expect(readFeed('not xml at all', SITE)).toBeNull();
  });

  it('tells feeds from pages by content type, or by the document root for generic XML', () => {
    expect(looksLikeFeed('application/rss+xml; charset=utf-8', '')).toBe(true);
    expect(looksLikeFeed('application/atom+xml', '')).toBe(true);
    expect(looksLikeFeed('text/xml', '<?xml version="1.0"?>\n<!-- generator --><rss version="2.0">')).toBe(true);
    expect(looksLikeFeed('application/xml', '<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(looksLikeFeed('text/html', '<rss>')).toBe(false);
    expect(looksLikeFeed('application/xml', '<html>')).toBe(false);
    expect(looksLikeFeed('application/json', '{"data": []}')).toBe(false);
  });
});

describe('newestEntries', () => {
  const entry = (id: string, published: string | null): FeedEntry => ({ id, link: `${SITE}${id}`, title: id, published });

  it('takes at most the limit, the newest by the feed’s date, and keeps them in the feed’s order', () => {
    const entries = [entry('a', '2025-03-01'), entry('b', null), entry('c', '2025-03-28'), entry('d', '2025-03-26'), entry('e', '2025-03-28')];
    expect(newestEntries(entries, 3)).toEqual({ taken: [entries[2], entries[3], entries[4]], left: 2 });
    // Undated entries come after dated ones; among equals the feed's order decides.
    expect(newestEntries(entries, 5).taken.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(newestEntries(entries, 4).taken.map((e) => e.id)).toEqual(['a', 'c', 'd', 'e']);
    expect(newestEntries([entry('x', null), entry('y', null), entry('z', null)], 2)).toEqual({ taken: [entry('x', null), entry('y', null)], left: 1 });
  });

  it('takes everything under the limit', () => {
    const entries = [entry('a', '2025-03-01'), entry('b', '2025-03-02')];
    expect(newestEntries(entries, 50)).toEqual({ taken: entries, left: 0 });
  });
});

describe('calendarDate', () => {
  it('keeps the publisher’s own day, reads RSS dates, rejects nonsense', () => {
    expect(calendarDate('2025-03-26T23:30:00-05:00')).toBe('2025-03-26');
    expect(calendarDate('2025-03-26')).toBe('2025-03-26');
    expect(calendarDate('Wed, 26 Mar 2025 08:15:00 GMT')).toBe('2025-03-26');
    expect(calendarDate(new Date('2025-03-26T08:15:00Z'))).toBe('2025-03-26');
    expect(calendarDate('2025-02-30T00:00:00Z')).toBeNull();
    expect(calendarDate('yesterday')).toBeNull();
    expect(calendarDate(null)).toBeNull();
  });
});
