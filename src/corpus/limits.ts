/**
 * How large a corpus file may be. A file over a limit is named and skipped before the work
 * it would cost is done: its size is read from the file system before any of it is, and its
 * front matter is measured before it is parsed. Settable with PARLEY_MAX_ARTICLE_BYTES,
 * PARLEY_MAX_FRONT_MATTER_BYTES and PARLEY_MAX_FRONT_MATTER_KEYS; the defaults are explained
 * at the bottom of this file.
 */
export interface CorpusLimits {
  /** The whole file, front matter included. */
  maxArticleBytes: number;
  /** The YAML between the two `---` lines. */
  maxFrontMatterBytes: number;
  /** Keys of the front matter's mappings, at every depth. */
  maxFrontMatterKeys: number;
}

/**
 * - maxArticleBytes 5 MiB: the longest news articles and transcripts are a few hundred KB of
 *   text; 5 MiB is also the largest page ingestion downloads (PARLEY_FETCH_MAX_MB), so every
 *   ingested article fits, while a runaway file (a log, a dump) is refused.
 * - maxFrontMatterBytes 64 KiB: real front matter is under 2 KB (ingestion writes a dozen short
 *   fields); 64 KiB leaves room for a long `published_basis` and parses in milliseconds.
 * - maxFrontMatterKeys 200: the schema has 12 fields and no nested mappings, so any file near
 *   the limit is broken anyway; counting first spares parsing, validating and reporting
 *   thousands of keys.
 */
export const DEFAULT_CORPUS_LIMITS: Readonly<CorpusLimits> = Object.freeze({
  maxArticleBytes: 5 * 1024 * 1024,
  maxFrontMatterBytes: 64 * 1024,
  maxFrontMatterKeys: 200,
});

/** "70,000 bytes, over the limit of 65,536 (PARLEY_MAX_FRONT_MATTER_BYTES)": what was found, and the setting that would allow it. */
export function overTheLimit(found: number, unit: string, limit: number, setting: string): string {
  return `${found.toLocaleString('en-US')} ${unit}, over the limit of ${limit.toLocaleString('en-US')} (${setting})`;
}
