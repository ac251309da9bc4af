import { Presets, SingleBar } from 'cli-progress';
import type { Logger } from '../log';
import type { IngestItem, ProgressListener } from './ingest';
import { countOutcomes } from './summary';

/**
 * Progress of a long ingest: a live bar when `stream` is a terminal, otherwise (a log
 * file, CI, a pipe) one plain log line per article.
 */
export function progressFor(stream: NodeJS.WriteStream, log: Logger): ProgressListener {
  return stream.isTTY ? terminalProgress(stream) : logProgress(log);
}

function terminalProgress(stream: NodeJS.WriteStream): ProgressListener {
  const bar = new SingleBar(
    { stream, format: '{bar} {value}/{total} | {added} added, {duplicate} known, {skipped} not added | {label}', hideCursor: true, fps: 5 },
    Presets.shades_classic,
  );
  const items: IngestItem[] = [];
  const tallies = (): Record<string, number> => {
    const counts = countOutcomes(items);
    return { added: counts.added, duplicate: counts.duplicate, skipped: counts.unextractable + counts.failed };
  };
  return {
    start: (total, label) => {
      items.length = 0;
      bar.start(total, 0, { ...tallies(), label });
    },
    item: (item) => {
      items.push(item);
      bar.increment(1, tallies());
    },
    done: () => bar.stop(),
  };
}

function logProgress(log: Logger): ProgressListener {
  let total = 0;
  let done = 0;
  return {
    start: (count, label) => {
      total = count;
      done = 0;
      log.info(`ingesting ${label}: ${count} ${count === 1 ? 'article' : 'articles'}`);
    },
    item: (item) => {
      done++;
      const what = item.outcome === 'added' ? `added “${item.article!.title}” as ${item.file}` : `${item.outcome}: ${item.reason ?? ''}`;
      log.info(`[${done}/${total}] ${item.source} — ${what}`);
    },
    done: () => undefined,
  };
}
