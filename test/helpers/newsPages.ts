/**
 * Real-shaped news pages and feeds for the fake site: site chrome around an `<article>`,
 * OpenGraph and schema.org JSON-LD in the head, RSS 2.0 and Atom feeds. The stories are
 * invented for the tests; none is a seed article.
 */

export interface NewsStory {
  path: string;
  /** The canonical URL path the page declares (defaults to its own path). */
  canonicalPath?: string;
  siteName: string;
  headline: string;
  author: string;
  /** ISO date-time as the publisher states it. */
  published: string;
  section: string;
  tags: string[];
  /** Paragraphs; `## ` starts a heading, a `- ` list follows a paragraph ending with ":". */
  body: string[];
  schemaType?: string;
  paywalled?: boolean;
}

export function articlePage(story: NewsStory, origin: string): string {
  const canonical = `${origin}${story.canonicalPath ?? story.path}`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: story.siteName, url: `${origin}/` },
      {
        '@type': story.schemaType ?? 'NewsArticle',
        headline: story.headline,
        datePublished: story.published,
        dateModified: story.published,
        author: [{ '@type': 'Person', name: story.author, url: `${origin}/authors/${slug(story.author)}` }],
        publisher: { '@type': 'NewsMediaOrganization', name: story.siteName },
        mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
        keywords: story.tags.join(', '),
        articleSection: story.section,
        ...(story.paywalled ? { isAccessibleForFree: false } : {}),
      },
    ],
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(story.headline)} | ${escape(story.siteName)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escape(story.body[0] ?? '')}">
<link rel="canonical" href="${canonical}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${escape(story.siteName)}">
<meta property="og:title" content="${escape(story.headline)}">
<meta property="og:url" content="${canonical}">
<meta property="article:published_time" content="${story.published}">
<meta property="article:section" content="${escape(story.section)}">
${story.tags.map((t) => `<meta property="article:tag" content="${escape(t)}">`).join('\n')}
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ section: "${story.section}" });</script>
<style>body { font-family: serif; } .paywall { display: block; }</style>
</head>
<body>
${siteHeader(story.siteName)}
<main id="content">
<article class="story">
<header class="story__header">
<p class="story__kicker"><a href="/${slug(story.section)}">${escape(story.section)}</a></p>
<h1 class="story__headline">${escape(story.headline)}</h1>
<p class="story__byline">By <a rel="author" href="/authors/${slug(story.author)}">${escape(story.author)}</a></p>
<time datetime="${story.published}">${story.published.slice(0, 10)}</time>
</header>
<figure class="story__image"><img src="/img/lead.jpg" alt="Delegations at the table"><figcaption>Delegations meet behind closed doors. Photo: Pool</figcaption></figure>
<div class="story__body">
${bodyHtml(story.body)}
</div>
${story.paywalled ? '<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div>' : ''}
<aside class="related"><h2>Read more</h2><ul><li><a href="/world/1">Earlier talks collapsed</a></li><li><a href="/world/2">Timeline of the war</a></li></ul></aside>
</article>
</main>
${siteFooter(story.siteName)}
</body>
</html>`;
}

/** A section front: headlines and teasers, no article. */
export function sectionFront(siteName: string, headlines: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>World | ${escape(siteName)}</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="${escape(siteName)}"></head>
<body>${siteHeader(siteName)}
<main><h1>World</h1>
${headlines.map((h, i) => `<div class="teaser"><h2><a href="/world/${i}">${escape(h)}</a></h2><p>Updated ${i + 1} hours ago.</p></div>`).join('\n')}
</main>${siteFooter(siteName)}</body></html>`;
}

export interface FeedItem {
  title: string;
  link: string;
  published: string;
  guid?: string;
}

export function rssFeed(title: string, siteUrl: string, items: readonly FeedItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escape(title)}</title>
<link>${siteUrl}</link>
<description>Latest coverage of the ceasefire negotiations</description>
<language>en</language>
${items
  .map(
    (item) => `<item>
<title>${escape(item.title)}</title>
<link>${escape(item.link)}</link>
<guid isPermaLink="${item.guid ? 'false' : 'true'}">${escape(item.guid ?? item.link)}</guid>
<pubDate>${new Date(item.published).toUTCString()}</pubDate>
<description>${escape(item.title)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>`;
}

export function atomFeed(title: string, siteUrl: string, items: readonly FeedItem[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escape(title)}</title>
<link href="${siteUrl}" rel="alternate"/>
<link href="${siteUrl}feeds/analysis.atom" rel="self"/>
<id>${siteUrl}feeds/analysis.atom</id>
<updated>2025-03-28T12:00:00Z</updated>
${items
  .map(
    (item) => `<entry>
<title type="text">${escape(item.title)}</title>
<link rel="self" href="${escape(item.link)}.atom"/>
<link rel="alternate" type="text/html" href="${escape(item.link)}"/>
<id>${escape(item.guid ?? item.link)}</id>
<published>${item.published}</published>
<updated>${item.published}</updated>
<summary>${escape(item.title)}</summary>
</entry>`,
  )
  .join('\n')}
</feed>`;
}

function bodyHtml(body: readonly string[]): string {
  const html: string[] = [];
  let list: string[] = [];
  const closeList = (): void => {
    if (list.length > 0) html.push(`<ul>${list.map((li) => `<li>${escape(li)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of body) {
    if (line.startsWith('- ')) {
      list.push(line.slice(2));
      continue;
    }
    closeList();
    html.push(line.startsWith('## ') ? `<h2>${escape(line.slice(3))}</h2>` : `<p>${escape(line)}</p>`);
  }
  closeList();
  return html.join('\n');
}

const siteHeader = (siteName: string): string => `<header class="site-header">
<a class="logo" href="/">${escape(siteName)}</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
<form action="/search"><input name="q" placeholder="Search"><button>Search</button></form>
</header>`;

const siteFooter = (siteName: string): string => `<footer class="site-footer">
<p>© 2025 ${escape(siteName)}. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact</a></li></ul>
</footer>`;

const escape = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
