import { readFileSync, writeFileSync } from 'node:fs';
import type { SearchEngine } from '../../src/engine/engine';
import { readSnapshot } from '../../src/engine/snapshot';
import type { Vocabulary } from '../../src/vocabulary/vocabulary';

/** Byte ranges of an index snapshot file: its header line, the typed arrays after it, and each article's body. */
export interface SnapshotLayout {
  header: Range;
  arrays: Range;
  bodies: (Range & { articleId: string })[];
}

interface Range {
  start: number;
  end: number;
}

export function snapshotLayout(path: string): SnapshotLayout {
  const bytes = readFileSync(path);
  const headerStart = bytes.indexOf(0x0a) + 1;
  const headerEnd = bytes.indexOf(0x0a, headerStart);
  const header = JSON.parse(bytes.subarray(headerStart, headerEnd).toString('utf8')) as { arrays: number[]; engine: { articles: { id: string; bodyLength: number }[] } };
  const arraysEnd = headerEnd + 1 + header.arrays.reduce((sum, length) => sum + length, 0);
  let at = arraysEnd;
  const bodies = header.engine.articles.map(({ id, bodyLength }) => ({ articleId: id, start: at, end: (at += bodyLength) }));
  return { header: { start: headerStart, end: headerEnd }, arrays: { start: headerEnd + 1, end: arraysEnd }, bodies };
}

/** Flips every bit of `count` bytes from the middle of the range, as a failing disk or a stray write would. */
export function flipBytes(path: string, range: Range, count = 64): void {
  const bytes = readFileSync(path);
  const start = range.start + Math.max(0, Math.floor((range.end - range.start - count) / 2));
  for (let i = start; i < Math.min(start + count, range.end); i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(path, bytes);
}

/** Swaps the case of `count` letters from the middle of the range: the damage still parses, with different text. */
export function swapLetterCase(path: string, range: Range, count = 64): void {
  const bytes = readFileSync(path);
  let changed = 0;
  for (let i = range.start + Math.floor((range.end - range.start) / 3); i < range.end && changed < count; i++) {
    const byte = bytes[i]!;
    if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) {
      bytes[i] = byte ^ 0x20;
      changed++;
    }
  }
  writeFileSync(path, bytes);
}

/** The engine of a snapshot that must load; the test fails with the reason otherwise. */
export function loadedSnapshot(path: string, fingerprint: string, vocabulary: Vocabulary): SearchEngine {
  const read = readSnapshot(path, fingerprint, vocabulary);
  if (read.status !== 'loaded') throw new Error(`the snapshot did not load: ${read.status}${'reason' in read ? ` (${read.reason})` : ''}`);
  return read.engine;
}
