import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { ALL_ADDRESSES, type FetchPolicy } from './fetch';
import { quotedUrl, withoutCredentials } from './shownUrl';

const DEFAULT_USER_AGENT = 'Parley/0.1 (cited-answers chat bot; fetches news articles its operators add)';
const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

/** The environment variables of ingestion, live reload and feed polling. */
export const ingestSettingsShape = {
  PARLEY_WATCH_CORPUS: flag.default(true),
  PARLEY_FEEDS: z
    .string()
    .default('')
    .transform((list) => list.split(/[\s,]+/u).filter((url) => url.length > 0))
    .pipe(z.array(z.url({ protocol: /^https?$/u, error: 'must be http(s) URLs separated by spaces or commas' })))
    .transform((urls, context) => {
      // Parley sends no credentials (the fetcher refuses them) and would log them with the feed's URL.
      const withCredentials = urls.find((url) => withoutCredentials(url) !== url);
      if (!withCredentials) return urls;
      context.addIssue({ code: 'custom', message: `a feed URL must not hold a user name or password: ${quotedUrl(withCredentials)}` });
      return z.NEVER;
    }),
  PARLEY_FEED_POLL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  PARLEY_FEED_MAX_ENTRIES: z.coerce.number().int().min(1).max(10_000).default(50),
  PARLEY_FEED_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  PARLEY_FETCH_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(20),
  PARLEY_FETCH_MAX_MB: z.coerce.number().positive().max(100).default(5),
  PARLEY_FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  PARLEY_FETCH_USER_AGENT: z.string().default(DEFAULT_USER_AGENT),
  PARLEY_FETCH_ALLOW_PRIVATE: z
    .string()
    .default('false')
    .transform((value, context) => {
      if (/^(true|1|yes)$/iu.test(value)) return [...ALL_ADDRESSES];
      if (/^(false|0|no)$/iu.test(value)) return [];
      const ranges = value.split(/[\s,]+/u).filter((range) => range.length > 0).map(asCidr);
      if (ranges.every((range) => range !== null)) return ranges;
      context.addIssue({ code: 'custom', message: 'must be true, false, or addresses / CIDR ranges separated by commas' });
      return z.NEVER;
    }),
};

export interface IngestSettings {
  /** Pick up added, changed and deleted corpus files while the bot runs. */
  watchCorpus: boolean;
  /** RSS/Atom feeds to poll while the bot runs, and how often. */
  feeds: string[];
  feedPollMinutes: number;
  /** Feed entries fetched at most per ingest or poll, and failed attempts at one entry before it is given up. */
  feedLimits: { maxEntries: number; maxAttempts: number };
  /** How web pages and feeds are fetched. */
  fetch: FetchPolicy;
}

type IngestEnvironment = z.output<z.ZodObject<typeof ingestSettingsShape>>;

export function ingestSettings(s: IngestEnvironment): IngestSettings {
  return {
    watchCorpus: s.PARLEY_WATCH_CORPUS,
    feeds: s.PARLEY_FEEDS,
    feedPollMinutes: s.PARLEY_FEED_POLL_MINUTES,
    feedLimits: { maxEntries: s.PARLEY_FEED_MAX_ENTRIES, maxAttempts: s.PARLEY_FEED_MAX_ATTEMPTS },
    fetch: {
      timeoutMs: Math.round(s.PARLEY_FETCH_TIMEOUT_SECONDS * 1000),
      maxBytes: Math.round(s.PARLEY_FETCH_MAX_MB * 1024 * 1024),
      maxRedirects: s.PARLEY_FETCH_MAX_REDIRECTS,
      userAgent: s.PARLEY_FETCH_USER_AGENT,
      allowedPrivateRanges: s.PARLEY_FETCH_ALLOW_PRIVATE,
    },
  };
}

/** "10.1.2.0/24" as it is, "10.1.2.3" as "10.1.2.3/32"; null when it is neither. */
function asCidr(text: string): string | null {
  if (ipaddr.isValidCIDR(text)) return text;
  if (!ipaddr.isValid(text)) return null;
  const address = ipaddr.parse(text);
  return `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`;
}
