import { join } from 'node:path';
import type { CorpusLimits } from '../corpus/limits';
import type { Logger } from '../log';
import { debounce } from '../util/debounce';
import { CorpusMirror, type MirrorCounts } from './corpusMirror';
import { importCorpusFolder } from './importCorpusFolder';
import type { SharedArticles } from './sharedArticles';

/** The replica's copy of the shared corpus, in its data folder (rewritten from the database whenever it differs). */
export const SHARED_CORPUS_FOLDER = 'shared-corpus';

/** The corpus that replicas share (`PARLEY_DATABASE_URL`), as this replica keeps it. */
export interface SharedCorpus {
  /** The folder the library loads and the corpus watcher follows in place of the corpus folder. */
  readonly mirrorDir: string;
  /** Keeps the mirror in step with what any replica writes, until closed (the watcher then indexes it). */
  follow(): CorpusFollower;
}

export interface CorpusFollower {
  close(): Promise<void>;
}

/**
 * Opens the shared corpus: imports the corpus folder into it (see `importCorpusFolder`), then
 * brings this replica's mirror of it up to date, so the library loads what the database holds.
 */
export async function openSharedCorpus(
  articles: SharedArticles,
  location: { corpusDir: string; dataDir: string; corpusLimits: CorpusLimits },
  log: Logger,
): Promise<SharedCorpus> {
  await importCorpusFolder(location.corpusDir, articles, location.corpusLimits, log);
  const mirror = CorpusMirror.open(join(location.dataDir, SHARED_CORPUS_FOLDER), articles, log);
  logCounts(await mirror.catchUp(), mirror, log);
  return { mirrorDir: mirror.dir, follow: () => followChanges(mirror, articles, log) };
}

/**
 * Listens for the files any replica writes and copies each into the mirror; announcements
 * arriving together are fetched in one query. Whenever the connection listens (again), the
 * whole mirror is compared with the database, so nothing written while it was lost is missed.
 */
function followChanges(mirror: CorpusMirror, articles: SharedArticles, log: Logger): CorpusFollower {
  const announced = new Set<string>();
  let closed = false;
  const refresh = debounce(
    () => {
      if (closed) return;
      const files = [...announced];
      announced.clear();
      mirror.refresh(files).then(
        (counts) => logCounts(counts, mirror, log),
        (error: unknown) => {
          log.error(`copying ${files.length} changed shared articles failed; trying again in ${RETRY_MS / 1000} s`, error);
          if (closed) return;
          for (const file of files) announced.add(file);
          setTimeout(refresh, RETRY_MS).unref();
        },
      );
    },
    FOLLOW_BATCH_MS,
    FOLLOW_BATCH_MAX_MS,
  );
  const catchUp = (): void => {
    if (closed) return;
    mirror.catchUp().then(
      (counts) => logCounts(counts, mirror, log),
      (error: unknown) => {
        log.error(`catching up with the shared corpus failed; trying again in ${RETRY_MS / 1000} s`, error);
        setTimeout(catchUp, RETRY_MS).unref();
      },
    );
  };
  const listener = articles.listen({
    changed(files) {
      if (closed) return;
      for (const file of files) announced.add(file);
      refresh();
    },
    listening: catchUp,
  });
  return {
    async close() {
      closed = true;
      refresh.cancel();
      await listener.close();
      await mirror.settled();
    },
  };
}

function logCounts({ written, removed }: MirrorCounts, mirror: CorpusMirror, log: Logger): void {
  if (written + removed > 0) log.debug(`shared corpus: ${written} articles copied to ${mirror.dir}, ${removed} removed`);
}

/** Announcements are gathered for 50 ms (a feed's articles arrive as a burst), and for at most half a second. */
const FOLLOW_BATCH_MS = 50;
const FOLLOW_BATCH_MAX_MS = 500;

/** A failed copy or catch-up is tried again this much later (the database may be restarting). */
const RETRY_MS = 5000;
