import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loader';
import { Ingester, type IngestItem, type IngestReport } from '../../src/ingest/ingest';
import { ingestReply } from '../../src/ingest/summary';
import { createLogger, silentLogger } from '../../src/log';
import { corpusCopy, temporaryDir } from '../helpers/fixtures';
import { DEGENERATE_PAGES, PATHS, startFakeSite, type FakeSite } from '../helpers/fakeSite';
import { testFetchPolicy } from '../helpers/fetchPolicy';
import { BLACK_SEA_TALKS, ENERGY_MORATORIUM, PRISONER_EXCHANGE, PRISONER_EXCHANGE_PARTNER_COPY, REASSURANCE_FORCE } from '../helpers/newsStories';

let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

const FETCHED_AT = new Date('2025-03-29T10:00:00Z');
const ingesterFor = (corpusDir: string) => new Ingester(corpusDir, testFetchPolicy({ maxBytes: 256 * 1024 }), silentLogger, () => FETCHED_AT);
const outcomes = (report: IngestReport) => report.items.map((i: IngestItem) => [i.source.replace(site.origin, ''), i.outcome, i.reason]);
const newFiles = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('2025-03-1') && !f.startsWith('2025-03-20'));

describe('Ingester, a web page', () => {
  it('writes the article with its metadata, and says so', async () => {
    const dir = corpusCopy();
    const report = await ingesterFor(dir).ingest(site.url(BLACK_SEA_TALKS.path), { allowLocalFiles: false });
    expect(report).toMatchObject({ kind: 'page', notModified: false });
    expect(outcomes(report)).toEqual([[BLACK_SEA_TALKS.path, 'added', null]]);
    const file = '2025-03-26-black-sea-truce-talks-to-resume-in-riyadh-rubio-says.md';
    expect(report.items[0]!.file).toBe(file);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(
      [
        '---',
        'title: "Black Sea truce talks to resume in Riyadh, Rubio says"',
        'source: "The Kyiv Ledger"',
        'published: "2025-03-26"',
        `url: "${site.url(BLACK_SEA_TALKS.path)}"`,
        'author: "Olena Marchenko"',
        'tags: ["Black Sea", "Riyadh talks", "shipping"]',
        'site_name: "The Kyiv Ledger"',
        'fetched: "2025-03-29T10:00:00.000Z"',
        '---',
        ...BLACK_SEA_TALKS.body,
        '',
      ].join('\n'),
    );
    const { articles, problems } = loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.title)).toContain(BLACK_SEA_TALKS.headline);
  });

  it('is a no-op that says so when the article is already there, by URL (without fetching) or by redirect', async () => {
    const dir = corpusCopy();
    const ingester = ingesterFor(dir);
    await ingester.ingest(site.url(BLACK_SEA_TALKS.path), { allowLocalFiles: false });
    const requestsBefore = site.requests.length;
    const again = await ingester.ingest(site.url(BLACK_SEA_TALKS.path), { allowLocalFiles: false });
    expect(site.requests.length).toBe(requestsBefore);
    const file = '2025-03-26-black-sea-truce-talks-to-resume-in-riyadh-rubio-says.md';
    expect(outcomes(again)).toEqual([[BLACK_SEA_TALKS.path, 'duplicate', `already in the corpus as ${file} (same URL)`]]);
    const moved = await ingester.ingest(site.url(PATHS.moved), { allowLocalFiles: false });
    expect(outcomes(moved)).toEqual([[PATHS.moved, 'duplicate', `already in the corpus as ${file} (same URL)`]]);
    expect(newFiles(dir)).toEqual([file]);
  });

  it('stores a wire story once, whatever URL it comes under', async () => {
    const dir = corpusCopy();
    const ingester = ingesterFor(dir);
    await ingester.ingest(site.url(PRISONER_EXCHANGE.path), { allowLocalFiles: false });
    const copy = await ingester.ingest(site.url(PRISONER_EXCHANGE_PARTNER_COPY.path), { allowLocalFiles: false });
    expect(outcomes(copy)).toEqual([
      [PRISONER_EXCHANGE_PARTNER_COPY.path, 'duplicate', 'already in the corpus as 2025-03-28-prisoner-exchange-frees-175-soldiers-on-each-side.md (same text)'],
    ]);
    expect(newFiles(dir)).toHaveLength(1);
  });

  it('reports what cannot be fetched or extracted, and writes nothing', async () => {
    const dir = corpusCopy();
    const ingester = ingesterFor(dir);
    const reasons = [];
    for (const path of [PATHS.sectionFront, PATHS.missing, PATHS.plainText, PATHS.brokenFeed]) {
      reasons.push(...outcomes(await ingester.ingest(site.url(path), { allowLocalFiles: false })));
    }
    expect(reasons).toEqual([
      [PATHS.sectionFront, 'unextractable', 'not an article page: no block of article text and no article metadata (JSON-LD Article or og:type article)'],
      [PATHS.missing, 'failed', 'HTTP 404 Not Found'],
      [PATHS.plainText, 'unextractable', 'not a web page or a feed (content type text/plain)'],
      [PATHS.brokenFeed, 'unextractable', 'the feed could not be read: it is not valid RSS, Atom or JSON Feed'],
    ]);
    expect(newFiles(dir)).toEqual([]);
  });

  it('refuses local paths unless allowed, and URLs of other schemes', async () => {
    const ingester = ingesterFor(corpusCopy());
    expect(outcomes(await ingester.ingest('/etc/hostname', { allowLocalFiles: false }))).toEqual([
      ['/etc/hostname', 'failed', 'give the http(s) URL of a web page or of an RSS/Atom feed'],
    ]);
    expect(outcomes(await ingester.ingest('file:///etc/hostname', { allowLocalFiles: true }))).toEqual([
      ['file:///etc/hostname', 'failed', 'only http and https URLs are fetched, not file'],
    ]);
  });
});

describe('Ingester, URLs with credentials and pages claiming another site', () => {
  const withPassword = (url: string): string => url.replace('http://', 'http://reader:hunter2@');
  const masked = (url: string): string => url.replace('http://', 'http://***@');
  const refusal = (url: string): string =>
    `a URL with a user name or password is not fetched (they would be sent to the site and published as the article's link): ${masked(url)}`;

  it('refuses a page or feed URL with a user name or password, and feed entries linking with one, and never shows the password', async () => {
    const dir = corpusCopy();
    const ingester = ingesterFor(dir);
    const before = site.requests.length;
    const page = await ingester.ingest(withPassword(site.url(BLACK_SEA_TALKS.path)), { allowLocalFiles: false });
    const feed = await ingester.ingest(withPassword(site.url(PATHS.rss)), { allowLocalFiles: false });
    expect(site.requests.length).toBe(before);
    const entries = await ingester.ingest(site.url(PATHS.credentialFeed), { allowLocalFiles: false });
    const rows = (report: IngestReport) => report.items.map((i) => [i.source, i.outcome, i.reason]);
    expect(rows(page)).toEqual([[masked(site.url(BLACK_SEA_TALKS.path)), 'failed', refusal(site.url(BLACK_SEA_TALKS.path))]]);
    expect(page.source).toBe(masked(site.url(BLACK_SEA_TALKS.path)));
    expect(rows(feed)).toEqual([[masked(site.url(PATHS.rss)), 'failed', refusal(site.url(PATHS.rss))]]);
    expect(rows(entries)).toEqual([
      [masked(site.url(ENERGY_MORATORIUM.path)), 'failed', refusal(site.url(ENERGY_MORATORIUM.path))],
      [site.url(REASSURANCE_FORCE.path), 'added', null],
    ]);
    expect(site.requests.some((r) => r.headers.authorization !== undefined)).toBe(false);
    for (const report of [page, feed, entries]) expect(JSON.stringify(ingestReply(report))).not.toMatch(/reader|hunter2/u);
    for (const file of newFiles(dir)) expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/reader|hunter2/u);
  });

  it('keeps the fetched URL of a page claiming another site’s article, so the real article is still added under its own', async () => {
    const mirror = await startFakeSite({ host: '127.0.0.2' });
    try {
      const dir = corpusCopy();
      const ingester = new Ingester(dir, testFetchPolicy({ allowedPrivateRanges: ['127.0.0.1/32', '127.0.0.2/32'] }), silentLogger, () => FETCHED_AT);
      const impostorUrl = mirror.url(`${PATHS.impostor}?claims=${encodeURIComponent(site.origin)}`);
      const copied = await ingester.ingest(impostorUrl, { allowLocalFiles: false });
      expect(copied.items[0]).toMatchObject({ outcome: 'added', article: { url: impostorUrl, source: 'Ledger Mirror' } });
      const real = await ingester.ingest(site.url(BLACK_SEA_TALKS.path), { allowLocalFiles: false });
      expect(real.items[0]).toMatchObject({ outcome: 'added', article: { url: site.url(BLACK_SEA_TALKS.path), source: 'The Kyiv Ledger' } });
    } finally {
      await mirror.close();
    }
  });
});

describe('Ingester, pages with nothing in them', () => {
  it('reports an empty or non-HTML page with a clear reason, never an internal error', async () => {
    const dir = corpusCopy();
    const ingester = ingesterFor(dir);
    const reasons: Record<string, string> = {};
    for (const name of Object.keys(DEGENERATE_PAGES)) {
      const [only] = (await ingester.ingest(site.url(`${PATHS.degenerate}${name}`), { allowLocalFiles: false })).items;
      reasons[name] = `${only!.outcome}: ${only!.reason}`;
    }
    const noText = (name: string) => `unextractable: no article text found at ${site.url(`${PATHS.degenerate}${name}`)}: the page has no text`;
    expect(reasons).toEqual({
      'doctype-only': noText('doctype-only'),
      empty: noText('empty'),
      whitespace: noText('whitespace'),
      'comment-only': noText('comment-only'),
      'empty-html': noText('empty-html'),
      'empty-body': noText('empty-body'),
      'plain-words': `unextractable: no article text found at ${site.url(`${PATHS.degenerate}plain-words`)}: the page has no HTML elements`,
      pdf: 'unextractable: not a web page or a feed (content type application/pdf)',
      png: 'unextractable: not a web page or a feed (content type image/png)',
      json: 'unextractable: not a web page or a feed (content type application/json)',
      untyped: 'unextractable: not a web page or a feed (content type not given)',
    });
    expect(newFiles(dir)).toEqual([]);
  });
});

describe('Ingester, feeds', () => {
  it('ingests each entry of an RSS feed; one failing entry does not stop the others', async () => {
    const dir = corpusCopy();
    const report = await ingesterFor(dir).ingest(site.url(PATHS.rss), { allowLocalFiles: false });
    expect(report).toMatchObject({ kind: 'feed', feedTitle: 'The Kyiv Ledger — World', validators: { etag: '"world-rss-v1"' } });
    const prisonerFile = '2025-03-28-prisoner-exchange-frees-175-soldiers-on-each-side.md';
    expect(outcomes(report)).toEqual([
      [BLACK_SEA_TALKS.path, 'added', null],
      [`${PRISONER_EXCHANGE.path}?utm_source=rss&utm_medium=feed`, 'added', null],
      [PRISONER_EXCHANGE_PARTNER_COPY.path, 'duplicate', `already in the corpus as ${prisonerFile} (same text)`],
      [
        '/premium/inside-the-riyadh-delegation',
        'unextractable',
        'paywall: only 257 characters of text are shown and the publisher marks it as not free (isAccessibleForFree: false)',
      ],
      [PATHS.sectionFront, 'unextractable', 'not an article page: no block of article text and no article metadata (JSON-LD Article or og:type article)'],
      [PATHS.missing, 'failed', 'HTTP 404 Not Found'],
      [PATHS.slow, 'failed', 'no complete answer within 2 s'],
      [PATHS.oversized, 'failed', 'the response is larger than the limit of 256 KB'],
      [PATHS.loop, 'failed', `redirect loop: ${site.url('/loop/a')} → ${site.url('/loop/b')} → ${site.url('/loop/a')}`],
    ]);
    expect(newFiles(dir).sort()).toEqual(['2025-03-26-black-sea-truce-talks-to-resume-in-riyadh-rubio-says.md', prisonerFile]);
    // The tracking parameters of the feed's link do not end up in the corpus.
    expect(readFileSync(join(dir, prisonerFile), 'utf8')).toContain(`url: "${site.url(PRISONER_EXCHANGE.path)}"`);
  });

  it('ingests an Atom feed, skipping what the corpus already has', async () => {
    const dir = corpusCopy();
    const ingester = ingesterFor(dir);
    await ingester.ingest(site.url(BLACK_SEA_TALKS.path), { allowLocalFiles: false });
    const report = await ingester.ingest(site.url(PATHS.atom), { allowLocalFiles: false });
    expect(report.feedTitle).toBe('Baltic Policy Monitor — Analysis');
    expect(outcomes(report).map(([path, outcome]) => [path, outcome])).toEqual([
      [REASSURANCE_FORCE.path, 'added'],
      [ENERGY_MORATORIUM.path, 'added'],
      [BLACK_SEA_TALKS.path, 'duplicate'],
    ]);
    expect(report.items.map((i) => i.entryId)).toEqual(['tag:balticmonitor.example,2025:reassurance', 'tag:balticmonitor.example,2025:moratorium', site.url(BLACK_SEA_TALKS.path)]);
  });

  it('asks conditionally and skips the entries it has seen', async () => {
    const ingester = ingesterFor(corpusCopy());
    const notModified = await ingester.ingest(site.url(PATHS.rss), {
      allowLocalFiles: false,
      feedState: { etag: '"world-rss-v1"', lastModified: null, seen: new Set() },
    });
    expect(notModified).toMatchObject({ kind: 'feed', notModified: true, items: [] });

    const seen = new Set([site.url(BLACK_SEA_TALKS.path), site.url(PATHS.slow), site.url(PATHS.oversized), site.url(PATHS.loop), site.url(PATHS.missing)]);
    const fresh = await ingester.ingest(site.url(PATHS.rss), { allowLocalFiles: false, feedState: { etag: null, lastModified: null, seen } });
    expect(fresh.items.map((i) => i.source)).not.toContain(site.url(BLACK_SEA_TALKS.path));
    expect(fresh.items).toHaveLength(4);
  });

  it('stops early when cancelled: what is under way or not started ends as failed', async () => {
    const cancel = new AbortController();
    const running = ingesterFor(corpusCopy()).ingest(site.url(PATHS.rss), { allowLocalFiles: false, signal: cancel.signal });
    setTimeout(() => cancel.abort(), 300);
    const report = await running;
    expect(report.items.find((i) => i.source === site.url(PATHS.slow))).toMatchObject({ outcome: 'failed', reason: 'cancelled: Parley is shutting down' });
  });

  it('runs one ingest at a time, so two runs cannot both store one story', async () => {
    const dir = corpusCopy();
    const ingester = ingesterFor(dir);
    const [first, second] = await Promise.all([
      ingester.ingest(site.url(PRISONER_EXCHANGE.path), { allowLocalFiles: false }),
      ingester.ingest(site.url(PRISONER_EXCHANGE_PARTNER_COPY.path), { allowLocalFiles: false }),
    ]);
    expect([first.items[0]!.outcome, second.items[0]!.outcome]).toEqual(['added', 'duplicate']);
  });

  it('reports the progress of a run, item by item', async () => {
    const events: string[] = [];
    await ingesterFor(corpusCopy()).ingest(site.url(PATHS.atom), {
      allowLocalFiles: false,
      progress: { start: (total, label) => events.push(`start ${total} ${label}`), item: (i) => events.push(i.outcome), done: () => events.push('done') },
    });
    expect(events).toEqual(['start 3 Baltic Policy Monitor — Analysis', 'added', 'added', 'added', 'done']);
  });
});

describe('Ingester, local files', () => {
  it('ingests a folder of Markdown and text files, skipping copies of articles already in the corpus', async () => {
    const dir = corpusCopy();
    const source = temporaryDir();
    writeFileSync(join(source, 'briefing.txt'), 'Briefing on the Riyadh talks\n\nDelegations met for twelve hours on Monday.\n');
    writeFileSync(join(source, 'seed-copy.md'), readFileSync(join(dir, '2025-03-18-trump-putin-call-on-ukraine-ceasefire.md'), 'utf8'));
    writeFileSync(join(source, 'broken.md'), '---\ntitle: [\n---\nText.\n');
    const lines: string[] = [];
    const ingester = new Ingester(dir, testFetchPolicy(), createLogger('info', [], (l) => lines.push(l)), () => FETCHED_AT);
    const report = await ingester.ingest(source, { allowLocalFiles: true });
    expect(report.kind).toBe('folder');
    expect(report.items.map((i) => [i.source.replace(source, ''), i.outcome])).toEqual([
      ['/briefing.txt', 'added'],
      ['/broken.md', 'unextractable'],
      ['/seed-copy.md', 'duplicate'],
    ]);
    expect(report.items[2]!.reason).toBe('already in the corpus as 2025-03-18-trump-putin-call-on-ukraine-ceasefire.md (same text)');
    expect(newFiles(dir)).toEqual([report.items[0]!.file]);
    expect(lines).toEqual([]);
  });

  it('says when a path does not exist', async () => {
    const report = await ingesterFor(corpusCopy()).ingest('no/such/folder', { allowLocalFiles: true });
    expect(outcomes(report)).toEqual([['no/such/folder', 'failed', 'no such file or folder (for a web page, give its full URL with https://)']]);
  });
});
