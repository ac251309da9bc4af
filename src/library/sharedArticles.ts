import { createHash } from 'node:crypto';
import type { Duplicate } from '../ingest/dedupe';

/**
 * The corpus kept in the database that every replica shares (Postgres, table `articles`): each
 * article as the text of its corpus file, under the file's name. Every replica mirrors it into a
 * folder of its own and indexes that (src/library/sharedCorpus.ts); every write notifies them all.
 */
export interface SharedArticles {
  /** Where the articles are kept, for the log. */
  readonly location: string;
  /** Every article not deleted: file name → hash of its text. Deleted ones too with `includeDeleted`. */
  hashes(options?: { includeDeleted?: boolean }): Promise<Map<string, string>>;
  /** The current text of each of these files that is stored and not deleted. */
  texts(files: readonly string[]): Promise<Map<string, StoredText>>;
  /** Stores corpus-folder files as they are (same-named articles are replaced); resolves to the files written. */
  importFiles(files: readonly ImportedFile[]): Promise<string[]>;
  /** What ingestion checks new articles against: every article not deleted, by URL and by content. */
  dedupeKeys(): Promise<StoredKeys[]>;
  /**
   * Adds an ingested article under the first free name `<base>.md`, `<base>-2.md`, … unless one
   * not deleted already has its URL or its content: checked and written in one transaction,
   * under a lock every replica takes, so two replicas ingesting one story store it once.
   */
  add(base: string, text: string, keys: DedupeKeys): Promise<{ added: true; file: string } | { added: false; duplicate: Duplicate }>;
  /** Calls `changed` with the files written by anyone, as they are, until closed (see `ArticleListener`). */
  listen(handlers: ListenHandlers): ArticleListener;
}

export interface StoredText {
  text: string;
  hash: string;
}

/** What ingestion finds duplicates by: `urlKey` of the article's URL, and `contentHash` of its text (src/ingest/dedupe.ts). */
export interface DedupeKeys {
  urlKey: string | null;
  contentHash: string | null;
}

export interface StoredKeys extends DedupeKeys {
  file: string;
}

export interface ImportedFile extends DedupeKeys {
  file: string;
  text: string;
  /** sha256 of `text` (`textHash`). */
  hash: string;
}

export interface ListenHandlers {
  /** Files added, changed or deleted by anyone (this replica too). */
  changed(files: string[]): void;
  /**
   * The connection listens (again): at first, and after it was lost and reopened. Whatever was
   * written while it was not listening was not announced, so the listener compares everything.
   */
  listening(): void;
}

export interface ArticleListener {
  close(): Promise<void>;
}

/** The hash replicas compare an article's text by: sha256 of its UTF-8 bytes, in hex. */
export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');
