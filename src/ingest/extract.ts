import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { calendarDate } from './dates';
import { readPageMetadata } from './metadata';
import { articleLines } from './articleLines';
import { quotedUrl } from './shownUrl';

/** A web page's article: its metadata and its text, one paragraph (or heading, or list item) a line. */
export interface ExtractedArticle {
  title: string;
  author: string | null;
  /** YYYY-MM-DD, when the page states it. */
  published: string | null;
  /** The canonical URL the page declares on its own site, else the URL it was fetched from (after redirects). */
  url: string;
  siteName: string | null;
  tags: string[];
  lines: string[];
}

export type Extraction = { ok: true; article: ExtractedArticle } | { ok: false; reason: string };

/**
 * Extracts the article from an HTML page with Mozilla's Readability (the Firefox Reader
 * View engine) over linkedom, and its metadata from JSON-LD, OpenGraph and meta tags.
 * Pages that are not articles, paywall stubs and pages with too little text are refused
 * with the reason: a corpus answer must come from a real article.
 */
export function extractArticle(html: string, pageUrl: string, options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS): Extraction {
  const { document } = parseHTML(html);
  // linkedom builds no root element from a page without one element (empty, a doctype or a comment alone, bare words), and nothing below reads such a document.
  if (!document.documentElement) {
    return refuse(noArticleText(pageUrl, /\S/u.test(withoutDeclarationsOrComments(html)) ? 'the page has no HTML elements' : 'the page has no text'));
  }
  const pageText = document.body?.textContent ?? '';
  if (!pageText.trim()) return refuse(noArticleText(pageUrl, 'the page has no text'));
  const metadata = readPageMetadata(document, pageUrl);

  if (!metadata.declaresArticle && !isProbablyReaderable(document)) {
    return refuse('not an article page: no block of article text and no article metadata (JSON-LD Article or og:type article)');
  }
  // Readability changes the document it reads, so the metadata above is read first.
  const parsed = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
  const title = clean(metadata.title ?? parsed?.title ?? document.title);
  if (!parsed?.content) return refuse(noArticleText(pageUrl, 'Readability found no block of text in it'));
  if (!title) return refuse('the page has no title');

  const author = metadata.author ?? (parsed.byline ? clean(parsed.byline.replace(/^by\s+/iu, '')) : null);
  const lines = withoutRepeats(articleLines(parsed.content), title, author);
  const length = lines.join(' ').length;
  const paywallPrompt = PAYWALL_PROMPT.exec(pageText)?.[0];
  if (length < options.fullTextCharacters && (metadata.paywalled || paywallPrompt)) {
    const why = metadata.paywalled ? 'the publisher marks it as not free (isAccessibleForFree: false)' : `the page asks to “${paywallPrompt}”`;
    return refuse(`paywall: only ${length} characters of text are shown and ${why}`);
  }
  if (length < options.minCharacters) {
    return refuse(`too little text for an article: ${length} characters (at least ${options.minCharacters} are needed)`);
  }
  return {
    ok: true,
    article: {
      title,
      author: author || null,
      published: calendarDate(metadata.published ?? parsed.publishedTime),
      url: metadata.canonicalUrl ?? pageUrl,
      siteName: metadata.siteName ?? (parsed.siteName ? clean(parsed.siteName) : null),
      tags: metadata.tags,
      lines,
    },
  };
}

export interface ExtractOptions {
  /** Less text than this is not an article (a teaser, a video page, an error page). */
  minCharacters: number;
  /** A page marked as paywalled, or showing a subscription prompt, must show at least this much text. */
  fullTextCharacters: number;
}

/** The title, and a "By Jane Roe" line, that Readability leaves in the text. */
function withoutRepeats(lines: readonly string[], title: string, author: string | null): string[] {
  const same = (a: string, b: string): boolean => a.replace(/^#+\s*/u, '').toLowerCase() === b.toLowerCase();
  const byline = author ? `by ${author}` : null;
  return lines.filter((line, index) => !same(line, title) && !(index < 3 && byline && same(line, byline)));
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/gu, ' ').trim();

const refuse = (reason: string): Extraction => ({ ok: false, reason });

const noArticleText = (pageUrl: string, why: string): string => `no article text found at ${quotedUrl(pageUrl)}: ${why}`;

/** What is left of a page's source without `<!doctype …>`-like declarations and comments. */
const withoutDeclarationsOrComments = (html: string): string => html.replace(/<!--[\s\S]*?(?:-->|$)|<![^>]*>?/gu, '');

/** What paywall stubs ask of a reader. */
const PAYWALL_PROMPT =
  /(subscribe (now )?to (continue|keep) reading|to continue reading,? (please )?(subscribe|log in|sign in)|this (article|story|content) is (only )?(available|reserved) (only )?(to|for) (subscribers|members)|already a subscriber\?|subscribe to read)/iu;

/**
 * 400 characters is a short wire brief (three or four sentences): less is a teaser. A
 * paywalled page that shows under 1,500 characters shows a stub, not the story.
 */
export const DEFAULT_EXTRACT_OPTIONS: Readonly<ExtractOptions> = Object.freeze({ minCharacters: 400, fullTextCharacters: 1500 });
