import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusProblem } from '../corpus/loader';
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

export interface FingerprintInput {
  corpusDir: string;
  corpusFiles: readonly string[];
  vocabularyFiles: readonly string[];
  options: EngineOptions;
}

/** Names, sizes and modification times of the corpus files, plus the vocabulary's contents. */
export function fingerprint({ corpusDir, corpusFiles, vocabularyFiles, options }: FingerprintInput): string {
  const hash = createHash('sha256');
  hash.update(`${SNAPSHOT_VERSION}\n${JSON.stringify(options)}\n`);
  for (const file of corpusFiles) {
    const stat = statSync(join(corpusDir, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  for (const file of vocabularyFiles) hash.update(readFileSync(file));
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

/** Writes via a temporary file and a rename, so a crash never leaves half a snapshot. */
export function writeSnapshot(path: string, snapshot: SnapshotFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, path);
}

/** Bumped whenever analysis or segmentation changes what an index would contain. */
const SNAPSHOT_VERSION = 1;
