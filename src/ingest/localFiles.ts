import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { describeFrontMatterIssues, frontMatterSchema, splitFrontMatter } from '../corpus/frontMatter';
import type { ArticleDraft } from './writeArticle';

export type LocalArticle = { ok: true; draft: ArticleDraft } | { ok: false; reason: string };

/** The Markdown and plain-text files at a path: the file itself, or every one under a folder. */
export function localArticleFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isLocalArticleName(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.slice(path.length).split(/[\\/]/u).some((part) => part.startsWith('.')))
    .sort();
}

const isLocalArticleName = (name: string): boolean =>
  /\.(md|markdown|txt)$/iu.test(name) && !name.startsWith('.') && !/^readme\./iu.test(name);

/**
 * A Markdown or plain-text file as a corpus article. Front matter, when the file has it,
 * supplies the fields; what it lacks is filled in: the title from a `#` heading or a short
 * first line, the source "local file", and — marked as estimated — the date from the
 * file's modification time. Paragraphs wrapped over several lines are joined into one.
 */
export function readLocalArticle(path: string): LocalArticle {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/u, '');
  let data: Record<string, unknown> = {};
  let body = text;
  if (/^---\s*\n/u.test(text)) {
    const split = splitFrontMatter(text);
    if (!split.ok) return { ok: false, reason: split.problems.join('; ') };
    if (split.data !== null && (typeof split.data !== 'object' || Array.isArray(split.data))) {
      return { ok: false, reason: 'front matter: must be a list of fields (name: value)' };
    }
    data = (split.data ?? {}) as Record<string, unknown>;
    body = split.body;
  }

  const lines = paragraphLines(body).map(withoutInlineMarkup).filter((line) => line.length > 0);
  let title = typeof data.title === 'string' ? data.title : null;
  if (!title && lines[0] && (/^#\s/u.test(lines[0]) || lines[0].length <= 150)) title = lines.shift()!.replace(/^#+\s*/u, '');
  title ??= basename(path, extname(path)).replace(/[-_]+/gu, ' ');
  if (lines.length === 0) return { ok: false, reason: 'no article text' };

  const estimatedDate =
    data.published === undefined
      ? {
          published: statSync(path).mtime.toISOString().slice(0, 10),
          published_estimated: true,
          published_basis: 'No publication date in the file; this is the date the file was last modified.',
        }
      : {};
  const parsed = frontMatterSchema.safeParse({ source: 'local file', ...data, title, ...estimatedDate });
  if (!parsed.success) return { ok: false, reason: describeFrontMatterIssues(parsed.error.issues).join('; ') };
  return { ok: true, draft: { frontMatter: parsed.data, lines } };
}

/**
 * Body text as one paragraph a line. Text without blank lines is taken as already one
 * paragraph a line (the corpus format); otherwise blank lines separate paragraphs (the
 * Markdown convention) and the lines of one paragraph are joined. Headings, list items
 * and quotes start lines of their own.
 */
export function paragraphLines(body: string): string[] {
  const raw = body.split(/\r?\n/u).map((line) => line.trim());
  const text = raw.slice(raw.findIndex(Boolean), raw.findLastIndex(Boolean) + 1);
  if (!text.includes('')) return text;

  const lines: string[] = [];
  let paragraph = '';
  let inQuote = false;
  const flush = (): void => {
    if (paragraph) lines.push(paragraph);
    paragraph = '';
    inQuote = false;
  };
  for (const line of text) {
    const quoted = /^>/u.test(line);
    const content = line.replace(/^>\s?/u, '').trim();
    if (!content) {
      flush();
    } else if (/^#{1,6}\s/u.test(line)) {
      flush();
      lines.push(line);
    } else if ((quoted && !inQuote) || /^([-*+•]|\d{1,2}[.)])\s/u.test(line)) {
      flush();
      paragraph = content;
      inQuote = quoted;
    } else {
      paragraph = paragraph ? `${paragraph} ${content}` : content;
    }
  }
  flush();
  return lines;
}

/** `[text](url)` → text, `**bold**` → bold, images dropped: the quote is the words. */
const withoutInlineMarkup = (line: string): string =>
  line
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
    .replace(/(\*\*|__)(.+?)\1/gu, '$2')
    .replace(/\s{2,}/gu, ' ')
    .trim();
