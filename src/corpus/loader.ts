import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Article } from './article';
import { parseCorpusFile } from './frontMatter';
import { segmentBody } from './segment';

/** A corpus file that could not be loaded, and why, field by field. */
export interface CorpusProblem {
  file: string;
  problems: string[];
}

export interface LoadedCorpus {
  articles: Article[];
  problems: CorpusProblem[];
}

export type ArticleResult = { ok: true; article: Article } | { ok: false; problem: CorpusProblem };

/**
 * Loads every Markdown file under the corpus folder. A broken file is reported and
 * skipped; it never stops the others from loading.
 */
export function loadCorpus(dir: string, files: readonly string[] = listCorpusFiles(dir)): LoadedCorpus {
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  for (const file of files) {
    const result = readArticle(dir, file);
    if (result.ok) articles.push(result.article);
    else problems.push(result.problem);
  }
  return { articles, problems };
}

/** Corpus files, relative to the folder, sorted; dot-files and READMEs are not articles. */
export function listCorpusFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isCorpusFileName(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(sep).some((part) => part.startsWith('.')))
    .sort();
}

export const isCorpusFileName = (name: string): boolean =>
  /\.(md|markdown)$/iu.test(name) && !name.startsWith('.') && !/^readme\./iu.test(name);

/** Reads and validates one corpus file (path relative to the corpus folder). */
export function readArticle(dir: string, file: string): ArticleResult {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    return { ok: false, problem: { file, problems: [`unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`] } };
  }
  return parseArticle(file, text);
}

export function parseArticle(file: string, text: string): ArticleResult {
  const parsed = parseCorpusFile(text);
  if (!parsed.ok) return { ok: false, problem: { file, problems: parsed.problems } };
  const fm = parsed.frontMatter;
  const id = articleIdOf(file);
  const passages = segmentBody(id, parsed.body, fm.title);
  if (passages.length === 0) return { ok: false, problem: { file, problems: ['body: no article text below the front matter'] } };
  return {
    ok: true,
    article: {
      id,
      file,
      title: fm.title,
      source: fm.source,
      published: fm.published,
      publishedEstimated: fm.published_estimated ?? false,
      url: fm.url ?? null,
      author: fm.author ?? null,
      perspective: fm.perspective ?? null,
      tags: fm.tags ?? [],
      passages,
    },
  };
}

/** The file's path without extension, with "/" separators: stable across machines. */
export const articleIdOf = (file: string): string => file.split(sep).join('/').replace(/\.(md|markdown)$/iu, '');
