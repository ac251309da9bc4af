import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { echoInput } from '../core/errors';
import type { Article } from './article';
import { parseCorpusFile, type FrontMatterLimits } from './frontMatter';
import { DEFAULT_CORPUS_LIMITS, type CorpusLimits } from './limits';
import { leadsToFolder, readCorpusText, symbolicLinkProblem } from './readCorpusText';
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
export function loadCorpus(dir: string, limits: CorpusLimits = DEFAULT_CORPUS_LIMITS): LoadedCorpus {
  const articles: Article[] = [];
  const { files, links } = scanCorpusFolder(dir);
  const problems: CorpusProblem[] = [...links];
  for (const file of files) {
    const result = readArticle(dir, file, limits);
    if (result.ok) articles.push(result.article);
    else problems.push(result.problem);
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { articles, problems };
}

/** What the corpus folder holds: its article files, and the symbolic links that are not followed. */
export interface CorpusFolder {
  /** Regular files with an article's name, relative to the folder, sorted. */
  files: string[];
  /** Links named like an article or leading to a folder: never read, each reported. */
  links: CorpusProblem[];
}

/**
 * The corpus folder's contents; dot-files and READMEs are not articles. Links are not
 * followed, since they may lead out of the folder (a link to a folder is not descended).
 */
export function scanCorpusFolder(dir: string): CorpusFolder {
  const files: string[] = [];
  const links: CorpusProblem[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const file = relative(dir, path);
    if (file.split(sep).some((part) => part.startsWith('.'))) continue;
    if (entry.isFile() && isCorpusFileName(entry.name)) files.push(file);
    else if (entry.isSymbolicLink() && (isCorpusFileName(entry.name) || leadsToFolder(path))) links.push({ file, problems: [symbolicLinkProblem(path)] });
  }
  return { files: files.sort(), links };
}

/** Corpus files, relative to the folder, sorted (links left out: see `scanCorpusFolder`). */
export const listCorpusFiles = (dir: string): string[] => scanCorpusFolder(dir).files;

export const isCorpusFileName = (name: string): boolean =>
  /\.(md|markdown)$/iu.test(name) && !name.startsWith('.') && !/^readme\./iu.test(name);

/**
 * Reads and validates one corpus file (path relative to the corpus folder). Never throws:
 * whatever goes wrong is this file's problem, so the other files still load.
 */
export function readArticle(dir: string, file: string, limits: CorpusLimits = DEFAULT_CORPUS_LIMITS): ArticleResult {
  const read = readCorpusText(dir, file, limits.maxArticleBytes);
  if (!read.ok) return { ok: false, problem: { file, problems: read.problems } };
  try {
    return parseArticle(file, read.text, limits);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { file, problems: [`could not be loaded: ${echoInput(message.split('\n')[0]!)}`] } };
  }
}

export function parseArticle(file: string, text: string, limits: FrontMatterLimits = DEFAULT_CORPUS_LIMITS): ArticleResult {
  const parsed = parseCorpusFile(text, limits);
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
