import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCorpusFile } from '../corpus/frontMatter';
import { listCorpusFiles } from '../corpus/loader';
import { normaliseForComparison } from '../corpus/segment';

/** Why an article is already in the corpus, and which file holds it. */
export interface Duplicate {
  by: 'url' | 'content';
  file: string;
}

export interface ArticleKeys {
  /** The article's canonical URL, when it has one. */
  url: string | null;
  /** `contentHash` of its text. */
  hash: string;
}

/**
 * What the corpus already holds, by canonical URL and by content: a wire story published
 * under several URLs has one text, and is stored once.
 */
export class DedupeIndex {
  readonly #byUrl = new Map<string, string>();
  readonly #byHash = new Map<string, string>();

  /** Every readable article in a corpus folder (files that fail validation hold nothing yet). */
  static ofCorpus(dir: string): DedupeIndex {
    const index = new DedupeIndex();
    for (const file of listCorpusFiles(dir)) {
      let parsed;
      try {
        parsed = parseCorpusFile(readFileSync(join(dir, file), 'utf8'));
      } catch {
        continue; // unreadable: the loader reports it
      }
      if (parsed.ok) index.add(file, { url: parsed.frontMatter.url ?? null, hash: contentHash(parsed.body, parsed.frontMatter.title) });
    }
    return index;
  }

  /** The file that already holds this URL's article (checked before fetching). */
  findUrl(url: string): Duplicate | null {
    const file = this.#byUrl.get(urlKey(url));
    return file ? { by: 'url', file } : null;
  }

  find(keys: ArticleKeys): Duplicate | null {
    const byUrl = keys.url ? this.findUrl(keys.url) : null;
    if (byUrl) return byUrl;
    const file = this.#byHash.get(keys.hash);
    return file ? { by: 'content', file } : null;
  }

  add(file: string, keys: ArticleKeys): void {
    if (keys.url) this.#byUrl.set(urlKey(keys.url), file);
    this.#byHash.set(keys.hash, file);
  }
}

/**
 * A fingerprint of an article's words: case, punctuation, spacing, Markdown marks and a
 * leading title line do not count, so copies that differ only in presentation match.
 */
export function contentHash(body: string, title: string): string {
  const lines = body.split('\n').map((line) => normaliseForComparison(line)).filter((line) => line.length > 0);
  if (lines[0] === normaliseForComparison(title)) lines.shift();
  return createHash('sha256').update(lines.join(' ')).digest('hex').slice(0, 32);
}

/**
 * A URL as a dedupe key: scheme, `www.`, fragment, trailing slash, tracking parameters
 * and parameter order do not make another article.
 */
export function urlKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  const params = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/u, '') || '/';
  return `${parsed.host.replace(/^www\./u, '')}${path}${query}`;
}

const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|igshid|cmpid|ocid|smid|sr_share|at_medium|at_campaign)$/iu;
