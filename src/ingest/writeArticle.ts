import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isSeq } from 'yaml';
import type { Article } from '../corpus/article';
import { frontMatterSchema, type FrontMatter } from '../corpus/frontMatter';
import { parseArticle } from '../corpus/loader';
import { writeFileAtomic } from '../util/writeFileAtomic';

/** An article ready for the corpus: its front matter and its text, one paragraph a line. */
export interface ArticleDraft {
  frontMatter: FrontMatter;
  lines: string[];
}

export type WriteResult = { ok: true; file: string; article: Article } | { ok: false; reason: string };

/**
 * Writes a draft as `<published>-<slug>.md` (with `-2`, `-3`, … when the name is taken),
 * after checking it with the loader's own validation, so an ingested file always loads.
 * The file is written atomically: a watcher never sees half of it.
 */
export function writeArticle(corpusDir: string, draft: ArticleDraft): WriteResult {
  const text = renderArticle(draft);
  const base = articleBaseName(draft);
  let file = `${base}.md`;
  for (let n = 2; existsSync(join(corpusDir, file)); n++) file = `${base}-${n}.md`;

  const parsed = parseArticle(file, text);
  if (!parsed.ok) return { ok: false, reason: `the article would not load: ${parsed.problem.problems.join('; ')}` };
  writeFileAtomic(join(corpusDir, file), text);
  return { ok: true, file, article: parsed.article };
}

/** `<published>-<slug>`: the file name of an ingested article, before its extension (and `-2`, `-3`, … when taken). */
export const articleBaseName = (draft: ArticleDraft): string => `${draft.frontMatter.published}-${slugOf(draft.frontMatter.title)}`;

/** Front matter in the schema's field order, strings double-quoted and tags on one line like the hand-written files; then the body. */
export function renderArticle({ frontMatter, lines }: ArticleDraft): string {
  const ordered = Object.fromEntries(
    Object.keys(frontMatterSchema.shape)
      .map((key) => [key, frontMatter[key as keyof FrontMatter]] as const)
      .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  const yaml = new Document(ordered);
  const tags = yaml.get('tags', true);
  if (isSeq(tags)) tags.flow = true;
  const text = yaml.toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', flowCollectionPadding: false });
  return `---\n${text}---\n${lines.join('\n')}\n`;
}

/** "Rubio: Talks in Riyadh Will Go On" → "rubio-talks-in-riyadh-will-go-on", at most 60 characters, cut between words. */
export function slugOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/gu, '')
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 60) break;
    slug = next;
  }
  return slug || 'article';
}
