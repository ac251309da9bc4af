import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file through a hidden temporary file in the same folder and a rename, so a
 * reader (or a crash) never sees half of it. Dot-files are ignored by the corpus watcher.
 */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = temporaryPath(path);
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** The same for content given piece by piece, for files too large to hold as one string. */
export function writeFileAtomicFrom(path: string, pieces: Iterable<string | Uint8Array>): void {
  const temporary = temporaryPath(path);
  const fd = openSync(temporary, 'w');
  try {
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      // writeSync may write less than asked: carry on from where it stopped.
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

function temporaryPath(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}
