import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article } from '../corpus/article';
import type { Logger } from '../log';
import { mapConcurrent } from '../util/mapConcurrent';
import { decodeBody } from './charset';
import { CorpusFolderStore, type ArticleStore } from './articleStore';
import { contentHash, type DedupeIndex } from './dedupe';
import { extractArticle, type ExtractedArticle } from './extract';
import { looksLikeFeed, newestEntries, readFeed, type ParsedFeed } from './feeds';
import { FetchError, fetchResource, parseHttpUrl, type FetchedResource, type FetchPolicy } from './fetch';
import { localArticleFiles, readLocalArticle } from './localFiles';
import { withoutCredentials } from './shownUrl';
import type { ArticleDraft } from './writeArticle';

/** What happened to one article: stored, already there, not an article, or not fetched. */
export type IngestOutcome = 'added' | 'duplicate' | 'unextractable' | 'failed';

export interface IngestItem {
  /** The URL or file the article came from. */
  source: string;
  outcome: IngestOutcome;
  /** Why it was not added (for a duplicate: which file already holds it). */
  reason: string | null;
  /** The corpus file written, or the one that already holds the article. */
  file: string | null;
  /** The article as stored, when added. */
  article: Article | null;
  /** The feed entry it came from (guid/id), for polling. */
  entryId: string | null;
}

export interface IngestReport {
  source: string;
  kind: 'page' | 'feed' | 'file' | 'folder' | 'unknown';
  feedTitle: string | null;
  /** A conditional request was answered "304 Not Modified": nothing was read. */
  notModified: boolean;
  /** The feed's validators, to send with the next request. */
  validators: FeedValidators | null;
  items: IngestItem[];
  /** New feed entries over the cap of one run (`maxFeedEntries`), left for a later run. */
  left: number;
}

export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

/** Follows a long run: a terminal progress bar or log lines (see `progress.ts`). */
export interface ProgressListener {
  start(total: number, label: string): void;
  item(item: IngestItem): void;
  done(): void;
}

export interface IngestRunOptions {
  /** Whether local files and folders may be read: the operator's CLI and console, never a chat user. */
  allowLocalFiles: boolean;
  progress?: ProgressListener;
  /** Feed polling: the last validators, and the entries to pass over (handled in earlier polls, or waiting for their retry). */
  feedState?: FeedValidators & { seen: ReadonlySet<string> };
  /** Stops the run early (the bot is shutting down): what is under way ends as `failed`, the rest is not started. */
  signal?: AbortSignal;
}

export interface IngestOptions {
  /** Web pages fetched at once while ingesting a feed. */
  concurrency: number;
  /** At most this many tags are kept from a page's keywords. */
  maxTags: number;
  /** Feed entries fetched at most in one run (an ingest or a poll), newest first; the rest wait for the next run. */
  maxFeedEntries: number;
}

/**
 * Adds articles to the corpus from a local file or folder, a web page, or an RSS or Atom
 * feed; never the same article twice. It only stores them (as files in the corpus folder, or
 * in the shared corpus: see `ArticleStore`): a running bot's corpus watcher indexes them.
 * Runs are queued, so two at once cannot both store one story.
 */
export class Ingester {
  #queue: Promise<unknown> = Promise.resolve();
  readonly #articles: ArticleStore;

  constructor(
    /** The corpus folder, or another store. */
    corpus: string | ArticleStore,
    readonly policy: FetchPolicy,
    readonly log: Logger,
    readonly now: () => Date = () => new Date(),
    readonly options: IngestOptions = DEFAULT_INGEST_OPTIONS,
  ) {
    this.#articles = typeof corpus === 'string' ? new CorpusFolderStore(corpus) : corpus;
  }

  ingest(source: string, options: IngestRunOptions): Promise<IngestReport> {
    const run = this.#queue.then(() => this.#run(source.trim(), options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(source: string, options: IngestRunOptions): Promise<IngestReport> {
    const dedupe = await this.#articles.dedupeIndex();
    if (/^[a-z][a-z0-9+.-]*:/iu.test(source) && !/^[a-z]:[\\/]/iu.test(source)) return this.#ingestUrl(source, dedupe, options);
    if (!options.allowLocalFiles) {
      return report(source, 'unknown', [item(source, 'failed', 'give the http(s) URL of a web page or of an RSS/Atom feed')]);
    }
    return this.#ingestLocal(source, dedupe, options);
  }

  async #ingestUrl(url: string, dedupe: DedupeIndex, options: IngestRunOptions): Promise<IngestReport> {
    const refused = refusedUrl(url);
    if (refused) return report(refused.source, 'unknown', [refused]);
    const known = dedupe.findUrl(url);
    if (known) return report(url, 'page', [duplicate(url, known.file, 'url')]);
    let resource: FetchedResource;
    try {
      resource = await fetchResource(
        { url, accept: ACCEPT_PAGE_OR_FEED, etag: options.feedState?.etag, lastModified: options.feedState?.lastModified, signal: options.signal },
        this.policy,
      );
    } catch (error) {
      return report(url, 'unknown', [fetchFailure(url, error)]);
    }
    // A 304 need not repeat the validators: the ones sent stay valid.
    const validators = {
      etag: resource.etag ?? options.feedState?.etag ?? null,
      lastModified: resource.lastModified ?? options.feedState?.lastModified ?? null,
    };
    if (resource.notModified) return { ...report(url, 'feed', []), notModified: true, validators };
    const text = decodeBody(resource.body, resource.contentType);
    if (looksLikeFeed(resource.contentType, text)) {
      const feed = readFeed(text, resource.url);
      if (!feed) return report(url, 'feed', [item(url, 'unextractable', 'the feed could not be read: it is not valid RSS, Atom or JSON Feed')]);
      return { ...(await this.#ingestFeed(url, feed, dedupe, options)), validators };
    }

    options.progress?.start(1, url);
    const added = await this.#guarded(url, () => this.#addPage(url, resource, text, dedupe, null));
    options.progress?.item(added);
    options.progress?.done();
    return report(url, 'page', [added]);
  }

  async #ingestFeed(feedUrl: string, feed: ParsedFeed, dedupe: DedupeIndex, options: IngestRunOptions): Promise<IngestReport> {
    const seen = options.feedState?.seen ?? new Set<string>();
    const unseen = feed.entries.filter((entry) => !seen.has(entry.id));
    // Entries the corpus already has cost no request, so they do not count against the cap: a run after a capped one takes the next entries.
    const known = new Set(unseen.filter((entry) => entry.link !== null && dedupe.findUrl(entry.link) !== null));
    const { taken, left } = newestEntries(unseen.filter((entry) => !known.has(entry)), this.options.maxFeedEntries);
    const chosen = new Set(taken);
    const entries = unseen.filter((entry) => known.has(entry) || chosen.has(entry));
    options.progress?.start(entries.length, feed.title ?? feedUrl);
    const items = await mapConcurrent(entries, this.options.concurrency, async (entry) => {
      const result = !entry.link
        ? item(entry.title ?? entry.id, 'unextractable', 'the feed entry has no link')
        : options.signal?.aborted
          ? item(withoutCredentials(entry.link), 'failed', 'cancelled: Parley is shutting down')
          : await this.#ingestEntry(entry.link, entry.published, dedupe, options.signal);
      result.entryId = entry.id;
      options.progress?.item(result);
      return result;
    });
    options.progress?.done();
    return { ...report(feedUrl, 'feed', items), feedTitle: feed.title, left };
  }

  async #ingestEntry(url: string, feedDate: string | null, dedupe: DedupeIndex, signal: AbortSignal | undefined): Promise<IngestItem> {
    const refused = refusedUrl(url);
    if (refused) return refused;
    const known = dedupe.findUrl(url);
    if (known) return duplicate(url, known.file, 'url');
    let resource: FetchedResource;
    try {
      resource = await fetchResource({ url, accept: ACCEPT_PAGE, signal }, this.policy);
    } catch (error) {
      return fetchFailure(url, error);
    }
    const text = decodeBody(resource.body, resource.contentType);
    return this.#guarded(url, () => this.#addPage(url, resource, text, dedupe, feedDate));
  }

  async #addPage(source: string, resource: FetchedResource, text: string, dedupe: DedupeIndex, feedDate: string | null): Promise<IngestItem> {
    if (!/html|xml/iu.test(resource.contentType) && !/^\s*</u.test(text)) {
      return item(source, 'unextractable', `not a web page or a feed (content type ${resource.contentType || 'not given'})`);
    }
    const extraction = extractArticle(text, resource.url);
    if (!extraction.ok) return item(source, 'unextractable', extraction.reason);
    return this.#store(source, this.#draftOf(extraction.article, feedDate), dedupe);
  }

  /** One broken article (a parser bug, an unreadable file, a full disk, a lost database) is reported and does not stop the others. */
  async #guarded(source: string, add: () => Promise<IngestItem>): Promise<IngestItem> {
    try {
      return await add();
    } catch (error) {
      this.log.error(`ingesting ${source} failed`, error);
      return item(source, 'failed', `internal error: ${(error as Error).message}`);
    }
  }

  #draftOf(article: ExtractedArticle, feedDate: string | null): ArticleDraft {
    const fetched = this.now();
    const published = article.published ?? feedDate;
    return {
      frontMatter: {
        title: article.title,
        source: article.siteName ?? new URL(article.url).hostname.replace(/^www\./u, ''),
        published: published ?? fetched.toISOString().slice(0, 10),
        ...(published
          ? {}
          : { published_estimated: true, published_basis: 'Neither the page nor its feed gives a publication date; this is the date it was fetched.' }),
        url: article.url,
        ...(article.author ? { author: article.author } : {}),
        ...(article.siteName ? { site_name: article.siteName } : {}),
        fetched: fetched.toISOString(),
        ...(article.tags.length > 0 ? { tags: article.tags.slice(0, this.options.maxTags) } : {}),
      },
      lines: article.lines,
    };
  }

  async #ingestLocal(path: string, dedupe: DedupeIndex, options: IngestRunOptions): Promise<IngestReport> {
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      return report(path, 'unknown', [item(path, 'failed', 'no such file or folder (for a web page, give its full URL with https://)')]);
    }
    const kind = statSync(absolute).isDirectory() ? 'folder' : 'file';
    const files = localArticleFiles(absolute);
    if (files.length === 0) return report(path, kind, [item(path, 'unextractable', 'no Markdown or plain-text files (.md, .markdown, .txt) in the folder')]);
    options.progress?.start(files.length, path);
    const items: IngestItem[] = [];
    for (const file of files) {
      const result = await this.#guarded(file, async () => {
        const local = readLocalArticle(file);
        return local.ok ? this.#store(file, local.draft, dedupe) : item(file, 'unextractable', local.reason);
      });
      options.progress?.item(result);
      items.push(result);
      await new Promise<void>((resolve) => setImmediate(resolve)); // a running bot keeps answering during a long folder
    }
    options.progress?.done();
    return report(path, kind, items);
  }

  /** Stores the draft unless the corpus has it (the store checks, so that concurrent entries cannot both pass). */
  async #store(source: string, draft: ArticleDraft, dedupe: DedupeIndex): Promise<IngestItem> {
    const keys = { url: draft.frontMatter.url ?? null, hash: contentHash(draft.lines.join('\n'), draft.frontMatter.title) };
    const outcome = await this.#articles.store(draft, keys, dedupe);
    if (outcome.stored) return { ...item(source, 'added', null), file: outcome.file, article: outcome.article };
    if ('duplicate' in outcome) return duplicate(source, outcome.duplicate.file, outcome.duplicate.by);
    return item(source, 'unextractable', outcome.reason);
  }
}

const item = (source: string, outcome: IngestOutcome, reason: string | null): IngestItem => ({
  source,
  outcome,
  reason,
  file: null,
  article: null,
  entryId: null,
});

const duplicate = (source: string, file: string, by: 'url' | 'content'): IngestItem => ({
  ...item(source, 'duplicate', by === 'url' ? `already in the corpus as ${file} (same URL)` : `already in the corpus as ${file} (same text)`),
  file,
});

/**
 * The failed item for a URL that is never fetched (not http(s), or with a user name or
 * password, which would be sent and published), named without its credentials; else null.
 * Checked before the dedupe lookup, which ignores credentials.
 */
function refusedUrl(url: string): IngestItem | null {
  try {
    parseHttpUrl(url);
    return null;
  } catch (error) {
    return fetchFailure(withoutCredentials(url), error);
  }
}

function fetchFailure(source: string, error: unknown): IngestItem {
  if (error instanceof FetchError) return item(source, 'failed', error.message);
  throw error;
}

const report = (source: string, kind: IngestReport['kind'], items: IngestItem[]): IngestReport => ({
  source,
  kind,
  feedTitle: null,
  notModified: false,
  validators: null,
  items,
  left: 0,
});

const ACCEPT_PAGE = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
const ACCEPT_PAGE_OR_FEED = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5';

/**
 * Four pages at a time is polite to one news site and keeps a feed of hundreds moving; 50
 * entries a run is more than a news feed adds between two polls, and bounds what one hostile
 * feed can make the bot fetch (PARLEY_FEED_MAX_ENTRIES).
 */
export const DEFAULT_INGEST_OPTIONS: Readonly<IngestOptions> = Object.freeze({ concurrency: 4, maxTags: 12, maxFeedEntries: 50 });
