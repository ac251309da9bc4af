import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusProblem } from '../corpus/loader';
import { writeFileAtomicFrom } from '../util/writeFileAtomic';
import type { EngineOptions, EngineSnapshot } from './engine';

/**
 * Index snapshots let a large corpus start without re-analysing every article. A snapshot
 * is only used when its fingerprint matches: any added, removed or edited corpus file, a
 * changed vocabulary file or different engine options invalidate it.
 */
export interface SnapshotFile {
  fingerprint: string;
  problems: CorpusProblem[];
  engine: EngineSnapshot;
}

/** A corpus file as the index saw it: a different size or modification time means it changed. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What an index was built from. */
export interface IndexBasis {
  /** `digestFiles` of the vocabulary files, as they were when the index was built. */
  vocabularyDigest: string;
  options: EngineOptions;
  /** Every corpus file (relative path) the index reflects, broken ones included. */
  stamps: ReadonlyMap<string, FileStamp>;
}

export function stampFiles(dir: string, files: readonly string[]): Map<string, FileStamp> {
  return new Map(files.map((file) => [file, stampOf(join(dir, file))]));
}

export function stampOf(path: string): FileStamp {
  const { size, mtimeMs } = statSync(path);
  return { size, mtimeMs };
}

export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
  a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** The contents of some files, as one hash. */
export function digestFiles(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(readFileSync(path));
  return hash.digest('hex');
}

/** Names, sizes and modification times of the corpus files, plus the vocabulary and the options. */
export function fingerprint({ vocabularyDigest, options, stamps }: IndexBasis): string {
  const hash = createHash('sha256');
  hash.update(`${SNAPSHOT_VERSION}\n${JSON.stringify(options)}\n${vocabularyDigest}\n`);
  for (const file of [...stamps.keys()].sort()) {
    const stamp = stamps.get(file)!;
    hash.update(`${file}\0${stamp.size}\0${stamp.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/**
 * Snapshots are JSON Lines — a header, MiniSearch's own serialisation split into its index
 * entries, then the articles, in batches — because one JSON string of a large corpus's
 * index exceeds what V8 can hold in a single string.
 */
interface SnapshotHeader {
  fingerprint: string;
  problems: CorpusProblem[];
  format: EngineSnapshot['format'];
  options: EngineOptions;
  index: Omit<EngineSnapshot['index'], 'index'>;
}
type SnapshotLine = { indexEntries: EngineSnapshot['index']['index'] } | { articles: EngineSnapshot['articles'] };

export function readSnapshot(path: string, expectedFingerprint: string): SnapshotFile | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null; // missing: build
  }
  try {
    const lines = jsonLines(bytes);
    const header = lines.next().value as SnapshotHeader | undefined;
    if (header?.fingerprint !== expectedFingerprint) return null;
    const { fingerprint: _fingerprint, problems, format, options, index } = header;
    const engine: EngineSnapshot = { format, options, articles: [], index: { ...index, index: [] } };
    for (const line of lines as Iterable<SnapshotLine>) {
      if ('indexEntries' in line) for (const entry of line.indexEntries) engine.index.index.push(entry);
      else for (const article of line.articles) engine.articles.push(article);
    }
    return { fingerprint: expectedFingerprint, problems, engine };
  } catch {
    return null; // unreadable or cut short: rebuild
  }
}

export function writeSnapshot(path: string, { fingerprint, problems, engine }: SnapshotFile): void {
  const { index: entries, ...index } = engine.index;
  const header: SnapshotHeader = { fingerprint, problems, format: engine.format, options: engine.options, index };
  writeFileAtomicFrom(path, snapshotLines(header, entries, engine.articles));
}

function* snapshotLines(header: SnapshotHeader, entries: EngineSnapshot['index']['index'], articles: EngineSnapshot['articles']): Iterable<string> {
  yield `${JSON.stringify(header)}\n`;
  for (let i = 0; i < entries.length; i += BATCH) yield `${JSON.stringify({ indexEntries: entries.slice(i, i + BATCH) })}\n`;
  for (let i = 0; i < articles.length; i += BATCH) yield `${JSON.stringify({ articles: articles.slice(i, i + BATCH) })}\n`;
}

/** Each line of a buffer, parsed, without ever decoding the whole buffer into one string. */
function* jsonLines(bytes: Buffer): Generator<unknown> {
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (end > start) yield JSON.parse(bytes.toString('utf8', start, end));
    start = end + 1;
  }
}

/** Index entries or articles per line: lines of a few megabytes at most. */
const BATCH = 500;

/** Bumped whenever analysis or segmentation changes what an index would contain. */
const SNAPSHOT_VERSION = 2;
