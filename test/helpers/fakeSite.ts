import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { articlePage, atomFeed, rssFeed, sectionFront, type FeedItem, type NewsStory } from './newsPages';
import {
  BLACK_SEA_TALKS,
  bulkStory,
  ENERGY_MORATORIUM,
  PAYWALLED_STORY,
  PRISONER_EXCHANGE,
  PRISONER_EXCHANGE_PARTNER_COPY,
  REASSURANCE_FORCE,
} from './newsStories';

export interface FakeSite {
  origin: string;
  url(path: string): string;
  /** Every request received, in order. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Paths that misbehave, each the way real sites do. */
export const PATHS = {
  rss: '/feeds/world.rss',
  atom: '/feeds/analysis.atom',
  sectionFront: '/world',
  missing: '/2025/03/01/deleted-story',
  slow: '/slow/story',
  oversized: '/huge/story',
  loop: '/loop/a',
  moved: '/old/black-sea-talks',
  /** Redirects to another loopback address (127.0.0.2): refused unless that address is allowed too. */
  toOtherAddress: '/go/elsewhere',
  plainText: '/notes.txt',
  /** Says it is RSS, but is a maintenance page. */
  brokenFeed: '/feeds/broken.rss',
  /** `/bulk/feed.rss?count=N` lists `/bulk/1` … `/bulk/N`; `&missing=K` adds K entries whose pages answer 404 (`/bulk/gone/1` …). */
  bulkFeed: '/bulk/feed.rss',
  /** Redirects to this site's Black Sea story with a user name and password in the URL. */
  toCredentials: '/go/with-password',
  /** An RSS feed whose first entry links with a user name and password. */
  credentialFeed: '/feeds/members.rss',
  /**
   * `/copied/black-sea-talks?claims=ORIGIN`: another text under the Black Sea headline, whose
   * canonical link, og:url and JSON-LD claim the real story's URL on ORIGIN.
   */
  impostor: '/copied/black-sea-talks',
  /** `/degenerate/NAME`: the pages in DEGENERATE_PAGES, which hold no article. */
  degenerate: '/degenerate/',
} as const;

/** Pages with no article at all, as broken servers and CMSs send them: name → content type and body. */
export const DEGENERATE_PAGES: Readonly<Record<string, { type: string | null; body: string | Buffer }>> = {
  'doctype-only': { type: 'text/html', body: '<!doctype html>' },
  empty: { type: 'text/html; charset=utf-8', body: '' },
  whitespace: { type: 'text/html', body: ' \n\t \r\n ' },
  'comment-only': { type: 'text/html', body: '<!-- rendered by the client -->' },
  'empty-html': { type: 'text/html', body: '<html></html>' },
  'empty-body': { type: 'text/html', body: '<!DOCTYPE html><html><head><title>Loading…</title></head><body>  </body></html>' },
  'plain-words': { type: 'text/html', body: 'Service temporarily unavailable' },
  pdf: { type: 'application/pdf', body: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1') },
  png: { type: 'image/png', body: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') },
  json: { type: 'application/json', body: '{"error":"not found"}' },
  untyped: { type: null, body: '' },
};

const STORIES: readonly NewsStory[] = [
  BLACK_SEA_TALKS,
  REASSURANCE_FORCE,
  PRISONER_EXCHANGE,
  PRISONER_EXCHANGE_PARTNER_COPY,
  ENERGY_MORATORIUM,
  PAYWALLED_STORY,
];

/** Feed validators: the RSS feed answers conditional requests by ETag or date with 304, the Atom feed by date. */
const FEED_ETAG = '"world-rss-v1"';
const FEED_LAST_MODIFIED = 'Fri, 28 Mar 2025 12:00:00 GMT';

/**
 * A news site on loopback (127.0.0.1, a free port): article pages with OpenGraph and
 * JSON-LD, an RSS 2.0 and an Atom feed, and the failures a fetcher must survive — a section
 * front with no article, a paywall stub, a 404, a response slower than any timeout, an
 * oversized body, a redirect loop, and a wire story repeated under a partner's URL.
 */
export async function startFakeSite(options: { host?: string } = {}): Promise<FakeSite> {
  const host = options.host ?? '127.0.0.1';
  const requests: FakeSite['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    requests.push({ path: url.pathname + url.search, headers: request.headers });
    route(url, request.headers, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;

  const story = (s: NewsStory): FeedItem => ({ title: s.headline, link: `${origin}${s.path}`, published: s.published });
  const worldFeedItems: FeedItem[] = [
    story(BLACK_SEA_TALKS),
    { ...story(PRISONER_EXCHANGE), link: `${origin}${PRISONER_EXCHANGE.path}?utm_source=rss&utm_medium=feed` },
    story(PRISONER_EXCHANGE_PARTNER_COPY),
    story(PAYWALLED_STORY),
    { title: 'World news', link: `${origin}${PATHS.sectionFront}`, published: '2025-03-28T00:00:00Z' },
    { title: 'A story that was taken down', link: `${origin}${PATHS.missing}`, published: '2025-03-01T00:00:00Z' },
    { title: 'A story on a slow server', link: `${origin}${PATHS.slow}`, published: '2025-03-28T00:00:00Z' },
    { title: 'A story with an enormous page', link: `${origin}${PATHS.oversized}`, published: '2025-03-28T00:00:00Z' },
    { title: 'A story behind a redirect loop', link: `${origin}${PATHS.loop}`, published: '2025-03-28T00:00:00Z' },
  ];
  const analysisFeedItems: FeedItem[] = [
    { ...story(REASSURANCE_FORCE), guid: 'tag:balticmonitor.example,2025:reassurance' },
    { ...story(ENERGY_MORATORIUM), guid: 'tag:balticmonitor.example,2025:moratorium' },
    story(BLACK_SEA_TALKS),
  ];

  function route(url: URL, headers: IncomingHttpHeaders, response: ServerResponse): void {
    const page = STORIES.find((s) => s.path === url.pathname);
    if (page) {
      const html = articlePage(page, origin);
      // One site compresses its pages, as most do.
      if (page === REASSURANCE_FORCE && /gzip/u.test(headers['accept-encoding'] ?? '')) {
        return send(response, 200, 'text/html; charset=utf-8', gzipSync(html), { 'content-encoding': 'gzip' });
      }
      return send(response, 200, 'text/html; charset=utf-8', html);
    }
    const degenerate = url.pathname.startsWith(PATHS.degenerate) ? DEGENERATE_PAGES[url.pathname.slice(PATHS.degenerate.length)] : undefined;
    if (degenerate) return send(response, 200, degenerate.type, degenerate.body);
    const bulk = /^\/bulk\/(\d+)$/u.exec(url.pathname);
    if (bulk) return send(response, 200, 'text/html; charset=utf-8', articlePage(bulkStory(Number(bulk[1])), origin));

    switch (url.pathname) {
      case PATHS.rss:
        if (headers['if-none-match'] === FEED_ETAG || headers['if-modified-since'] === FEED_LAST_MODIFIED) {
          return send(response, 304, null, '', { etag: FEED_ETAG });
        }
        return send(response, 200, 'application/rss+xml; charset=utf-8', rssFeed('The Kyiv Ledger — World', `${origin}/`, worldFeedItems), {
          etag: FEED_ETAG,
          'last-modified': FEED_LAST_MODIFIED,
        });
      case PATHS.atom:
        if (headers['if-modified-since'] === FEED_LAST_MODIFIED) return send(response, 304, null, '');
        return send(response, 200, 'application/atom+xml', atomFeed('Baltic Policy Monitor — Analysis', `${origin}/`, analysisFeedItems), {
          'last-modified': FEED_LAST_MODIFIED,
        });
      case PATHS.bulkFeed: {
        const count = Number(url.searchParams.get('count') ?? '10');
        const gone = Array.from({ length: Number(url.searchParams.get('missing') ?? '0') }, (_, i): FeedItem => ({
          title: `A dispatch that was taken down, ${i + 1}`,
          link: `${origin}/bulk/gone/${i + 1}`,
          published: '2025-04-30T10:00:00Z',
        }));
        const items = [...gone, ...Array.from({ length: count }, (_, i) => story(bulkStory(i + 1)))];
        return send(response, 200, 'application/rss+xml', rssFeed('Regional Desk', `${origin}/`, items));
      }
      case PATHS.sectionFront:
        return send(response, 200, 'text/html; charset=utf-8', sectionFront('The Kyiv Ledger', STORIES.map((s) => s.headline)));
      case PATHS.slow:
        // Never answers: the fetcher's deadline must end the wait (the socket closes with the server).
        return;
      case PATHS.oversized:
        return sendOversized(response);
      case PATHS.loop:
        return send(response, 302, null, '', { location: '/loop/b' });
      case '/loop/b':
        return send(response, 302, null, '', { location: PATHS.loop });
      case PATHS.toOtherAddress:
        return send(response, 302, null, '', { location: `http://127.0.0.2:${url.port}${BLACK_SEA_TALKS.path}` });
      case PATHS.toCredentials:
        return send(response, 302, null, '', { location: `http://reader:hunter2@${url.host}${BLACK_SEA_TALKS.path}` });
      case PATHS.credentialFeed:
        return send(response, 200, 'application/rss+xml', rssFeed('Members', `${origin}/`, [
          { ...story(ENERGY_MORATORIUM), link: `http://reader:hunter2@${url.host}${ENERGY_MORATORIUM.path}` },
          story(REASSURANCE_FORCE),
        ]));
      case PATHS.impostor:
        return send(response, 200, 'text/html; charset=utf-8', articlePage(IMPOSTOR_STORY, url.searchParams.get('claims') ?? origin));
      case PATHS.moved:
        return send(response, 301, null, '', { location: BLACK_SEA_TALKS.path });
      case PATHS.brokenFeed:
        return send(response, 200, 'application/rss+xml', '<!DOCTYPE html><html><body><h1>Down for maintenance</h1></body></html>');
      case PATHS.plainText:
        return send(response, 200, 'text/plain', 'Notes from the briefing.\n');
      default:
        return send(response, 404, 'text/html', '<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Page not found</h1></body></html>');
    }
  }

  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The impostor's own text under the real story's headline and canonical path. */
const IMPOSTOR_STORY: NewsStory = {
  ...BLACK_SEA_TALKS,
  path: PATHS.impostor,
  canonicalPath: BLACK_SEA_TALKS.path,
  siteName: 'Ledger Mirror',
  body: BLACK_SEA_TALKS.body.map((line) => (line.startsWith('## ') ? line : `According to people who asked not to be named, ${line.charAt(0).toLowerCase()}${line.slice(1)}`)),
};

function send(response: ServerResponse, status: number, type: string | null, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...headers });
  response.end(body);
}

/** 4 MB of page, streamed without a Content-Length, so the limit must be enforced while reading. */
function sendOversized(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/html' });
  const chunk = `<p>${'Padding text of an endless live blog. '.repeat(100)}</p>\n`;
  let sent = 0;
  const write = (): void => {
    while (sent < 4 * 1024 * 1024) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', write);
    }
    response.end();
  };
  response.on('close', () => (sent = Infinity));
  write();
}
