import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusProblem } from '../corpus/loader';
import { writeFileAtomic } from '../util/writeFileAtomic';
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

export function readSnapshot(path: string, expectedFingerprint: string): SnapshotFile | null {
  let snapshot: SnapshotFile;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
  } catch {
    return null; // missing or unreadable: rebuild
  }
  return snapshot.fingerprint === expectedFingerprint ? snapshot : null;
}

export function writeSnapshot(path: string, snapshot: SnapshotFile): void {
  writeFileAtomic(path, JSON.stringify(snapshot));
}

/** Bumped whenever analysis or segmentation changes what an index would contain. */
const SNAPSHOT_VERSION = 1;
