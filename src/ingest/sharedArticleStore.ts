import { parseArticle } from '../corpus/loader';
import type { SharedArticles } from '../library/sharedArticles';
import type { ArticleStore, StoreOutcome } from './articleStore';
import { DedupeIndex, urlKey, type ArticleKeys } from './dedupe';
import { articleBaseName, renderArticle, type ArticleDraft } from './writeArticle';

/**
 * The corpus that replicas share (`PARLEY_DATABASE_URL`): each article is stored in the
 * database, which announces it to every replica (this one too), and each indexes it.
 */
export class SharedArticleStore implements ArticleStore {
  constructor(private readonly articles: SharedArticles) {}

  async dedupeIndex(): Promise<DedupeIndex> {
    const index = new DedupeIndex();
    // A stored URL key is its own key (urlKey of a key is the key), so it is added as a URL.
    for (const { file, urlKey: key, contentHash } of await this.articles.dedupeKeys()) if (contentHash) index.add(file, { url: key, hash: contentHash });
    return index;
  }

  /** The database checks again, under a lock all replicas share: another replica may have stored the article since `dedupe` was read. */
  async store(draft: ArticleDraft, keys: ArticleKeys, dedupe: DedupeIndex): Promise<StoreOutcome> {
    const known = dedupe.find(keys);
    if (known) return { stored: false, duplicate: known };
    const text = renderArticle(draft);
    const base = articleBaseName(draft);
    // Checked under a name of the same form first, with the loader's own validation, so an ingested article always loads.
    const checked = parseArticle(`${base}.md`, text);
    if (!checked.ok) return { stored: false, reason: `the article would not load: ${checked.problem.problems.join('; ')}` };
    const added = await this.articles.add(base, text, { urlKey: keys.url ? urlKey(keys.url) : null, contentHash: keys.hash });
    if (!added.added) return { stored: false, duplicate: added.duplicate };
    dedupe.add(added.file, keys);
    // Parsed again only under another name (`-2.md`): passage ids come from the file name.
    const stored = added.file === `${base}.md` ? checked : parseArticle(added.file, text);
    return stored.ok ? { stored: true, file: added.file, article: stored.article } : { stored: false, reason: stored.problem.problems.join('; ') };
  }
}
