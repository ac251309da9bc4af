import { existsSync } from 'node:fs';
import { parseCorpusFile } from '../corpus/frontMatter';
import type { CorpusLimits } from '../corpus/limits';
import { articleIdOf, scanCorpusFolder } from '../corpus/loader';
import { readCorpusText } from '../corpus/readCorpusText';
import { contentHash, urlKey } from '../ingest/dedupe';
import type { Logger } from '../log';
import { textHash, type DedupeKeys, type ImportedFile, type SharedArticles } from './sharedArticles';

/**
 * With a shared corpus, the corpus folder given at start-up is imported into it: each file whose
 * text the database does not hold under that name is stored as it is (a changed file replaces
 * its earlier text), so starting again, or starting every replica with the same folder, imports
 * nothing twice. A text the database holds as deleted is not brought back. Nothing is deleted
 * because a folder lacks it: ingested articles live in the database alone. Files that cannot be
 * read (links, over the size limit, not UTF-8) are named and skipped; a file that reads but fails
 * validation is imported all the same, and every replica names and skips it, as it would the file.
 */
export async function importCorpusFolder(corpusDir: string, articles: SharedArticles, limits: CorpusLimits, log: Logger): Promise<void> {
  if (!existsSync(corpusDir)) {
    log.debug(`no corpus folder at ${corpusDir} to import into ${articles.location}`);
    return;
  }
  const { files, links } = scanCorpusFolder(corpusDir);
  for (const link of links) log.warn(`corpus file ${link.file} not imported: ${link.problems.join('; ')}`);
  const stored = await articles.hashes({ includeDeleted: true });
  // By article id: `a.md` and `a.markdown` are one article, and the last one read is imported.
  // Sent a batch at a time, so that a first import of a large folder never holds all its text.
  const batch = new Map<string, ImportedFile>();
  let written = 0;
  const send = async (): Promise<void> => {
    written += (await articles.importFiles([...batch.values()])).length;
    batch.clear();
  };
  for (const file of files) {
    const read = readCorpusText(corpusDir, file, limits.maxArticleBytes);
    if (!read.ok) {
      log.warn(`corpus file ${file} not imported: ${read.problems.join('; ')}`);
      continue;
    }
    const hash = textHash(read.text);
    if (stored.get(file) === hash) continue;
    batch.set(articleIdOf(file), { file, text: read.text, hash, ...dedupeKeysOf(read.text, limits) });
    if (batch.size >= IMPORT_BATCH) await send();
  }
  await send();
  // At debug level, as the number of articles loaded is: a one-shot command prints nothing else.
  log.debug(`corpus folder ${corpusDir}: ${written} of its ${files.length} files imported into ${articles.location} (the others are there already)`);
}

/** Files sent to the database in one go (as many as it writes in one statement). */
const IMPORT_BATCH = 500;

/** What ingestion finds this article again by; none for a file that does not parse (it is reported where it is loaded). */
function dedupeKeysOf(text: string, limits: CorpusLimits): DedupeKeys {
  try {
    const parsed = parseCorpusFile(text, limits);
    if (!parsed.ok) return { urlKey: null, contentHash: null };
    const { url, title } = parsed.frontMatter;
    return { urlKey: url ? urlKey(url) : null, contentHash: contentHash(parsed.body, title) };
  } catch {
    // The loader reports the problem under the file's name.
    return { urlKey: null, contentHash: null };
  }
}
