import type { Article } from '../corpus/article';
import { DedupeIndex, type ArticleKeys, type Duplicate } from './dedupe';
import { writeArticle, type ArticleDraft } from './writeArticle';

/** What became of a draft: stored under a file name, already in the corpus, or refused (why, in words). */
export type StoreOutcome = { stored: true; file: string; article: Article } | { stored: false; duplicate: Duplicate } | { stored: false; reason: string };

/**
 * Where ingestion puts articles: the corpus folder (`CorpusFolderStore`), or the corpus that
 * replicas share in the database (`SharedArticleStore`).
 */
export interface ArticleStore {
  /** What the corpus holds now, for finding duplicates before anything is fetched. */
  dedupeIndex(): Promise<DedupeIndex>;
  /** Stores the draft unless it is a duplicate, and adds it to `dedupe`. */
  store(draft: ArticleDraft, keys: ArticleKeys, dedupe: DedupeIndex): Promise<StoreOutcome>;
}

/** The corpus folder: each article written as a file, which a running bot's corpus watcher indexes. */
export class CorpusFolderStore implements ArticleStore {
  constructor(readonly corpusDir: string) {}

  dedupeIndex(): Promise<DedupeIndex> {
    return Promise.resolve(DedupeIndex.ofCorpus(this.corpusDir));
  }

  /** Checks for a duplicate and writes, with no pause between the two: concurrent entries cannot both pass. */
  store(draft: ArticleDraft, keys: ArticleKeys, dedupe: DedupeIndex): Promise<StoreOutcome> {
    const known = dedupe.find(keys);
    if (known) return Promise.resolve({ stored: false, duplicate: known });
    const written = writeArticle(this.corpusDir, draft);
    if (!written.ok) return Promise.resolve({ stored: false, reason: written.reason });
    dedupe.add(written.file, keys);
    return Promise.resolve({ stored: true, file: written.file, article: written.article });
  }
}
