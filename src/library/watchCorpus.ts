import { realpathSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { watch } from 'chokidar';
import { articleIdOf, isCorpusFileName, readArticle, scanCorpusFolder, type CorpusProblem } from '../corpus/loader';
import { isSymbolicLink, leadsToFolder, symbolicLinkProblem } from '../corpus/readCorpusText';
import { sameStamp, stampOf, type FileStamp } from '../engine/snapshot';
import type { Logger } from '../log';
import { debounce } from '../util/debounce';
import { saveInsights, saveSnapshot, type Library, type LibraryLocation } from './library';

/** Timings of live reload. Every default is explained at the bottom of this file. */
export interface WatchOptions {
  /** A file modified less than this long ago may still be being written: it is read later. */
  settleMs: number;
  /** Changes are applied together once none has arrived for this long… */
  batchMs: number;
  /** …and at the latest this long after the first, so a long ingest shows up as it goes. */
  batchMaxMs: number;
  /** The snapshot is rewritten once changes have stopped for this long… */
  snapshotMs: number;
  /** …and at the latest this long after the first change. */
  snapshotMaxMs: number;
}

export interface CorpusWatcher {
  /** Resolves once the watcher sees the folder (and has caught up with changes made before). */
  ready: Promise<void>;
  /** Stops watching, applies nothing more, and writes a snapshot that is still pending. */
  close(): Promise<void>;
}

/**
 * Live reload: keeps the library in step with the corpus folder while the bot runs. Added,
 * changed and deleted files are re-read and the engine is updated in place, article by
 * article (no rebuild), between requests. A file that fails validation is reported and
 * kept out of the index — its earlier version too, so every quote is in the file as it is
 * now — and the other articles are not touched. Symbolic links are not followed (they may
 * lead out of the corpus folder): each is reported instead. The snapshot is refreshed afterwards.
 */
export function watchCorpus(library: Library, location: LibraryLocation, log: Logger, options: WatchOptions = DEFAULT_WATCH_OPTIONS): CorpusWatcher {
  const { corpusDir } = location;
  const pending = new Set<string>();
  let applying = Promise.resolve();
  let closed = false;
  /** The latest write of the insights snapshot, which follows each of the index snapshot. */
  let savingInsights = Promise.resolve(false);

  // The changed articles' statements and events are computed for the insights snapshot (in slices); when stopping, only those computed are saved.
  const save = ({ stopping }: { stopping: boolean }): void => {
    if (!location.useSnapshot) return;
    saveSnapshot(library, location, log);
    savingInsights = saveInsights(library, { onlyComputed: stopping });
  };
  const saveLater = debounce(() => save({ stopping: closed }), options.snapshotMs, options.snapshotMaxMs);
  const applyLater = debounce(
    () => {
      applying = applying.then(applyPending).catch((error: unknown) => log.error('applying corpus changes failed', error));
    },
    options.batchMs,
    options.batchMaxMs,
  );
  const enqueue = (file: string): void => {
    pending.add(file);
    applyLater();
  };

  async function applyPending(): Promise<void> {
    const files = [...pending].sort();
    pending.clear();
    const counts = { added: 0, changed: 0, removed: 0, broken: 0 };
    let waiting = false;
    for (const file of files) {
      if (closed) return;
      const outcome = applyFileSafely(file);
      if (outcome === 'unsettled') {
        pending.add(file);
        waiting = true;
      } else if (outcome !== 'unchanged') {
        counts[outcome]++;
      }
      await nextTurn(); // between two articles, the bot answers whatever is waiting
    }
    if (waiting) applyLater();
    const total = counts.added + counts.changed + counts.removed + counts.broken;
    if (total === 0) return;
    log.info(
      `corpus updated: ${counts.added} added, ${counts.changed} changed, ${counts.removed} removed` +
        `${counts.broken > 0 ? `, ${counts.broken} skipped (see above)` : ''}; ${library.engine.articleCount} articles`,
    );
    saveLater();
  }

  /** One file's failure is reported under its name; the rest of the batch is still applied. */
  function applyFileSafely(file: string): Outcome {
    try {
      return applyFile(file);
    } catch (error) {
      log.error(`corpus file ${file} could not be applied`, error);
      return 'broken';
    }
  }

  function applyFile(file: string): Outcome {
    const id = articleIdOf(file);
    if (isSymbolicLink(join(corpusDir, file))) return refuseLink(file);
    let stamp: FileStamp | undefined;
    try {
      stamp = stampOf(join(corpusDir, file));
    } catch {
      stamp = undefined; // deleted
    }
    if (!stamp) {
      const known = library.stamps.delete(file);
      setProblem(file, null);
      if (!known) return 'unchanged';
      return library.engine.remove(id) ? 'removed' : 'unchanged';
    }
    if (sameStamp(library.stamps.get(file), stamp)) return 'unchanged';
    const age = Date.now() - stamp.mtimeMs;
    if (age >= 0 && age < options.settleMs) return 'unsettled';

    const result = readArticle(corpusDir, file, library.corpusLimits);
    library.stamps.set(file, stamp);
    if (!result.ok) {
      const hadVersion = library.engine.remove(id);
      setProblem(file, result.problem);
      log.warn(`corpus file ${file} skipped: ${result.problem.problems.join('; ')}${hadVersion ? ' (its earlier version is no longer answered from)' : ''}`);
      return 'broken';
    }
    const existed = library.engine.article(id) !== undefined;
    library.engine.add(result.article);
    setProblem(file, null);
    return existed ? 'changed' : 'added';
  }

  /**
   * A link is reported, never read, nor stamped (its target may change unseen); an article
   * whose file became a link leaves the index. Reported once, however many events it causes.
   */
  function refuseLink(file: string): Outcome {
    const problem = { file, problems: [symbolicLinkProblem(join(corpusDir, file))] };
    const known = library.problems.find((p) => p.file === file);
    if (known && known.problems.join() === problem.problems.join()) return 'unchanged';
    const hadVersion = library.stamps.delete(file) && library.engine.remove(articleIdOf(file));
    setProblem(file, problem);
    log.warn(`corpus file ${file} skipped: ${problem.problems.join('; ')}${hadVersion ? ' (its earlier version is no longer answered from)' : ''}`);
    return 'broken';
  }

  /** Keeps `library.problems` (the array the commands read) in step, in place. */
  function setProblem(file: string, problem: CorpusProblem | null): void {
    const index = library.problems.findIndex((p) => p.file === file);
    if (index >= 0) library.problems.splice(index, 1);
    if (problem) library.problems.push(problem);
  }

  /** Changes made between loading the library and the watcher starting. */
  function catchUp(): void {
    const { files, links } = scanCorpusFolder(corpusDir);
    const current = new Set(files);
    for (const file of current) {
      if (!sameStamp(library.stamps.get(file), safeStamp(join(corpusDir, file)))) enqueue(file);
    }
    for (const file of library.stamps.keys()) if (!current.has(file)) enqueue(file);
    const linked = new Set(links.map((link) => link.file));
    for (const link of links) if (!library.problems.some((p) => p.file === link.file)) enqueue(link.file);
    for (const { file } of library.problems) if (!linked.has(file) && !library.stamps.has(file)) enqueue(file);
  }

  // The folder itself may be a link (PARLEY_CORPUS_DIR=/srv/corpus → /data/corpus): watched where it is.
  const watchedDir = realpathSync(corpusDir);
  const watcher = watch(watchedDir, {
    ignoreInitial: true,
    // Inside it, a link is seen as itself (reported, not read), and a linked folder is not descended.
    followSymlinks: false,
    ignored: (path, stats) => {
      const parts = relative(watchedDir, path).split(sep);
      // Dot-files include the temporary files ingestion writes before renaming them into place.
      if (parts.some((part) => part.startsWith('.'))) return true;
      return stats?.isFile() === true && !isCorpusFileName(basename(path));
    },
  });
  const onFile = (path: string): void => {
    const file = relative(watchedDir, path);
    // Also a link to a folder, and a reported link once it has gone.
    const relevant = isCorpusFileName(basename(path)) || library.problems.some((p) => p.file === file) || (isSymbolicLink(path) && leadsToFolder(path));
    if (relevant) enqueue(file);
  };
  watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
  watcher.on('error', (error) => log.warn(`watching ${corpusDir}: ${(error as Error).message}`));
  const ready = new Promise<void>((resolve) =>
    watcher.once('ready', () => {
      catchUp();
      log.debug(`watching ${corpusDir} for new, changed and deleted articles`);
      resolve();
    }),
  );

  return {
    ready,
    async close() {
      closed = true;
      applyLater.cancel();
      await watcher.close();
      await applying;
      saveLater.flush();
      await savingInsights;
    },
  };
}

type Outcome = 'added' | 'changed' | 'removed' | 'broken' | 'unchanged' | 'unsettled';

function safeStamp(path: string): FileStamp | undefined {
  try {
    return stampOf(path);
  } catch {
    return undefined;
  }
}

/**
 * - settleMs 500: editors and copy tools finish a file well within half a second of their
 *   last write; ingestion renames complete files into place and is never unsettled.
 * - batchMs 200 / batchMaxMs 1000: a burst of files is applied together, and a long burst
 *   (a feed of hundreds) shows up at least every second.
 * - snapshotMs 2000 / snapshotMaxMs 30000: writing the snapshot serialises the whole index,
 *   so it waits for a quiet moment, but not forever.
 */
export const DEFAULT_WATCH_OPTIONS: Readonly<WatchOptions> = Object.freeze({
  settleMs: 500,
  batchMs: 200,
  batchMaxMs: 1000,
  snapshotMs: 2000,
  snapshotMaxMs: 30_000,
});
