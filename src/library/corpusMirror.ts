import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { echoInput } from '../core/errors';
import { isCorpusFileName, scanCorpusFolder } from '../corpus/loader';
import type { Logger } from '../log';
import { writeFileAtomic } from '../util/writeFileAtomic';
import { textHash, type SharedArticles } from './sharedArticles';

/** What one update of the mirror did. */
export interface MirrorCounts {
  written: number;
  removed: number;
}

/** Texts fetched in one query: a burst of ingested articles costs a few round trips, and memory stays bounded. */
const FETCH_BATCH = 200;

/**
 * A replica's copy of the shared corpus: a folder in its data folder holding each article as
 * the file Postgres keeps it as. The library loads this folder and the corpus watcher follows
 * it like any corpus folder, so an article from Postgres is checked, indexed, snapshotted and,
 * when broken, named and skipped by the very code that handles a hand-written file. Updates
 * are applied one at a time, in order; a file is rewritten only when its text changed, so an
 * unchanged corpus keeps its index snapshot.
 */
export class CorpusMirror {
  /** File → hash of the text it holds in the folder. */
  readonly #held = new Map<string, string>();
  /** Names already reported as unusable, so each is named once. */
  readonly #refused = new Set<string>();
  #updates: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly articles: SharedArticles,
    private readonly log: Logger,
  ) {}

  /** The mirror in `dir` (created when missing), with what it already holds from an earlier run. */
  static open(dir: string, articles: SharedArticles, log: Logger): CorpusMirror {
    const mirror = new CorpusMirror(dir, articles, log);
    try {
      mkdirSync(dir, { recursive: true });
      for (const file of scanCorpusFolder(dir).files) mirror.#held.set(file, textHash(readFileSync(join(dir, file), 'utf8')));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new Error(`this replica's copy of the shared corpus cannot be kept in ${dir} (${reason}): check that the user running Parley may write to PARLEY_DATA_DIR`);
    }
    return mirror;
  }

  /** Brings the whole folder in step with Postgres by comparing every article's hash: at start-up, and when announcements may have been missed. */
  catchUp(): Promise<MirrorCounts> {
    return this.#serially(async () => {
      const stored = await this.articles.hashes();
      const stale = [...stored].filter(([file, hash]) => this.#held.get(file) !== hash).map(([file]) => file);
      const gone = [...this.#held.keys()].filter((file) => !stored.has(file));
      return this.#update([...stale, ...gone]);
    });
  }

  /** Reads these files again from Postgres (they were announced as written). */
  refresh(files: readonly string[]): Promise<MirrorCounts> {
    return this.#serially(() => this.#update(files));
  }

  /** Resolves once the updates asked for so far are done. */
  settled(): Promise<void> {
    return this.#updates.then(() => undefined);
  }

  async #update(files: readonly string[]): Promise<MirrorCounts> {
    const counts: MirrorCounts = { written: 0, removed: 0 };
    const usable = files.filter((file) => this.#usableName(file));
    for (let start = 0; start < usable.length; start += FETCH_BATCH) {
      const batch = usable.slice(start, start + FETCH_BATCH);
      const texts = await this.articles.texts(batch);
      for (const file of batch) {
        const stored = texts.get(file);
        try {
          if (!stored) {
            if (!this.#held.has(file)) continue;
            rmSync(join(this.dir, file), { force: true });
            this.#held.delete(file);
            counts.removed++;
          } else if (this.#held.get(file) !== stored.hash) {
            writeFileAtomic(join(this.dir, file), stored.text);
            this.#held.set(file, stored.hash);
            counts.written++;
          }
        } catch (error) {
          // Left as it was: the next catch-up tries again.
          this.log.error(`the shared article ${file} could not be copied to ${this.dir}`, error);
        }
      }
    }
    return counts;
  }

  /** A name from the database becomes a path in the folder only if it is a corpus file's relative path; otherwise it is named once and skipped. */
  #usableName(file: string): boolean {
    const problem = nameProblem(file);
    if (!problem) return true;
    if (!this.#refused.has(file)) {
      this.#refused.add(file);
      this.log.warn(`shared article ${echoInput(file)} skipped: ${problem}`);
    }
    return false;
  }

  #serially<T>(update: () => Promise<T>): Promise<T> {
    const next = this.#updates.then(update);
    this.#updates = next.catch(() => undefined);
    return next;
  }
}

/** Longer names are refused: every file system in use takes this much, and Postgres notifications carry the name. */
const MAX_NAME_LENGTH = 1000;

function nameProblem(file: string): string | null {
  if (file.length > MAX_NAME_LENGTH) return `its file name is longer than ${MAX_NAME_LENGTH} characters`;
  const parts = file.split('/');
  if (file.includes('\\') || file.includes('\0') || parts.some((part) => part === '' || part.startsWith('.'))) {
    return 'its file name is not a path inside a corpus folder (empty parts, parts starting with ".", "\\" and NUL are not allowed)';
  }
  if (!isCorpusFileName(parts.at(-1)!)) return 'its file name does not end in .md or .markdown, or is a README';
  return null;
}
