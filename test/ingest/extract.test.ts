import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract';
import { articlePage, sectionFront } from '../helpers/newsPages';
import { BLACK_SEA_TALKS, PAYWALLED_STORY, PRISONER_EXCHANGE } from '../helpers/newsStories';

const ORIGIN = 'https://www.kyivledger.example';

describe('extractArticle', () => {
  it('reads the metadata and the text of a news page, one paragraph a line', () => {
    const result = extractArticle(articlePage(BLACK_SEA_TALKS, ORIGIN), `${ORIGIN}${BLACK_SEA_TALKS.path}?utm_source=rss`);
    expect(result).toEqual({
      ok: true,
      article: {
        title: 'Black Sea truce talks to resume in Riyadh, Rubio says',
        author: 'Olena Marchenko',
        published: '2025-03-26',
        url: `${ORIGIN}${BLACK_SEA_TALKS.path}`,
        siteName: 'The Kyiv Ledger',
        tags: ['Black Sea', 'Riyadh talks', 'shipping'],
        lines: [...BLACK_SEA_TALKS.body],
      },
    });
  });

  it('leaves out the site chrome, the headline, the byline and the photo caption', () => {
    const result = extractArticle(articlePage(PRISONER_EXCHANGE, ORIGIN), `${ORIGIN}${PRISONER_EXCHANGE.path}`);
    const text = result.ok ? result.article.lines.join('\n') : '';
    for (const chrome of ['Subscribe', 'All rights reserved', 'Read more', 'Photo: Pool', 'By Meridian Wire staff', 'Prisoner exchange frees 175']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('falls back to OpenGraph and meta tags when there is no JSON-LD', () => {
    const html = articlePage(PRISONER_EXCHANGE, ORIGIN).replace(/<script type="application\/ld\+json">.*?<\/script>/su, '');
    const result = extractArticle(html, `${ORIGIN}/some/other/path`);
    expect(result.ok && result.article).toMatchObject({
      title: PRISONER_EXCHANGE.headline,
      published: '2025-03-28',
      url: `${ORIGIN}${PRISONER_EXCHANGE.path}`,
      siteName: 'Meridian Wire',
      author: 'Meridian Wire staff',
    });
  });

  it('uses the page URL when the page declares no canonical URL, and no date when it states none', () => {
    const html = articlePage(PRISONER_EXCHANGE, ORIGIN)
      .replace(/<script type="application\/ld\+json">.*?<\/script>/su, '')
      .replace(/<link rel="canonical"[^>]*>|<meta property="(og:url|article:published_time)"[^>]*>/gu, '');
    const result = extractArticle(html, `${ORIGIN}/copy`);
    expect(result.ok && result.article).toMatchObject({ url: `${ORIGIN}/copy`, published: null });
  });

  it('trusts a declared canonical URL only on the same site as the page fetched', () => {
    const claimed = `${ORIGIN}${BLACK_SEA_TALKS.path}`;
    const urlOf = (html: string, fetchedFrom: string) => {
      const result = extractArticle(html, fetchedFrom);
      return result.ok ? result.article.url : result.reason;
    };
    // Another site claiming the story's URL keeps the address it was fetched from.
    const impostor = 'https://ledger-mirror.example/copied/black-sea-talks';
    expect(urlOf(articlePage(BLACK_SEA_TALKS, ORIGIN), impostor)).toBe(impostor);
    // Another host of the same registrable domain (an AMP or mobile edition) may name the canonical page.
    expect(urlOf(articlePage(BLACK_SEA_TALKS, ORIGIN), 'https://amp.kyivledger.example/black-sea')).toBe(claimed);
    expect(urlOf(articlePage(BLACK_SEA_TALKS, 'https://www.kyivledger.co.uk'), 'https://m.kyivledger.co.uk/x')).toBe(`https://www.kyivledger.co.uk${BLACK_SEA_TALKS.path}`);
    // Hosts under a public suffix are sites of their own, and so is every IP address.
    expect(urlOf(articlePage(BLACK_SEA_TALKS, 'https://ledger.github.io'), 'https://mirror.github.io/x')).toBe('https://mirror.github.io/x');
    expect(urlOf(articlePage(BLACK_SEA_TALKS, 'https://example.co.uk'), 'https://other.co.uk/x')).toBe('https://other.co.uk/x');
    expect(urlOf(articlePage(BLACK_SEA_TALKS, 'http://127.0.0.1:8080'), 'http://127.0.0.2:8080/x')).toBe('http://127.0.0.2:8080/x');
    // A canonical URL with a user name or password in it is not taken.
    expect(urlOf(articlePage(BLACK_SEA_TALKS, 'https://reader:hunter2@www.kyivledger.example'), `${ORIGIN}/copy`)).toBe(`${ORIGIN}/copy`);
  });

  it('says no article text was found on an empty page, instead of failing', () => {
    const url = `${ORIGIN}/blank`;
    const empty = ['<!doctype html>', '', ' \n\t \r\n', '<!-- rendered by the client -->', '<html></html>', '<!DOCTYPE html><html><head><title>Loading…</title></head><body> </body></html>'];
    for (const html of empty) {
      expect(extractArticle(html, url), JSON.stringify(html)).toEqual({ ok: false, reason: `no article text found at ${url}: the page has no text` });
    }
    expect(extractArticle('Service temporarily unavailable', url)).toEqual({ ok: false, reason: `no article text found at ${url}: the page has no HTML elements` });
  });

  it('refuses a page that is not an article', () => {
    expect(extractArticle(sectionFront('The Kyiv Ledger', ['Talks resume', 'Strikes continue']), `${ORIGIN}/world`)).toEqual({
      ok: false,
      reason: 'not an article page: no block of article text and no article metadata (JSON-LD Article or og:type article)',
    });
  });

  it('refuses a paywall stub, saying why', () => {
    const result = extractArticle(articlePage(PAYWALLED_STORY, ORIGIN), `${ORIGIN}${PAYWALLED_STORY.path}`);
    expect(result).toEqual({
      ok: false,
      reason: 'paywall: only 257 characters of text are shown and the publisher marks it as not free (isAccessibleForFree: false)',
    });
    const unmarked = articlePage({ ...PAYWALLED_STORY, paywalled: false }, ORIGIN).replace(
      '</article>',
      '<div class="gate"><p>Subscribe to continue reading.</p></div></article>',
    );
    expect(extractArticle(unmarked, `${ORIGIN}/x`)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^paywall: only \d+ characters of text are shown and the page asks to “Subscribe to continue reading”$/u) as string,
    });
  });

  it('refuses an article page with too little text', () => {
    const brief = { ...PRISONER_EXCHANGE, body: ['Russia and Ukraine exchanged prisoners on Friday.'] };
    expect(extractArticle(articlePage(brief, ORIGIN), `${ORIGIN}/brief`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^too little text for an article: \d+ characters \(at least 400 are needed\)$/u) as string,
    });
  });
});
