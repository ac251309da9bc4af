/**
 * Index snapshots let a large corpus start without re-analysing every article. A snapshot
 * is only used when its fingerprint matches: any added, removed or edited corpus file, a
 * changed vocabulary file or different engine options invalidate it.
 */

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusProblem } from '../corpus/loader';
import { writeFileAtomicFrom } from '../util/writeFileAtomic';
import type { Vocabulary } from '../vocabulary/vocabulary';
import { BodyFile } from './articleBodies';
import { SearchEngine, type EngineOptions, type EngineSnapshot } from './engine';

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
 * The snapshot file: a first line with the format and fingerprint (checked before reading
 * anything else), a JSON header with the engine's state, whose typed arrays follow it as raw
 * bytes, then the article bodies. Bodies are not read at start-up: the engine reads each one
 * from this file when a question needs it. Arrays are in the machine's byte order: a
 * snapshot is a local cache, rebuilt whenever it does not fit.
 */
interface SnapshotHeader {
  problems: CorpusProblem[];
  /** The engine's state, each typed array of its indexes replaced by `{ "$array": n }`. */
  engine: unknown;
  /** Byte length of each typed array, in the order they follow the header. */
  arrays: number[];
}

interface SnapshotIdentity {
  format: typeof FILE_FORMAT;
  fingerprint: string;
}

/** Reads a snapshot if it has the expected fingerprint; null when it is missing, stale or damaged (then the corpus is re-read). */
export function readSnapshot(path: string, expectedFingerprint: string, vocabulary: Vocabulary): { problems: CorpusProblem[]; engine: SearchEngine } | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null; // missing: build
  }
  let handedOver = false;
  try {
    const first = readLine(fd, 0);
    const identity = JSON.parse(first.text) as SnapshotIdentity;
    if (identity.format !== FILE_FORMAT || identity.fingerprint !== expectedFingerprint) return null;
    const second = readLine(fd, first.next);
    const header = JSON.parse(second.text) as SnapshotHeader;
    let position = second.next;
    const arrays = header.arrays.map((byteLength) => {
      const bytes = readExactly(fd, byteLength, position);
      position += byteLength;
      return new Uint32Array(bytes.buffer, bytes.byteOffset, byteLength / 4);
    });
    const saved = header.engine as EngineSnapshot;
    const snapshot: EngineSnapshot = {
      ...saved,
      miniSearch: insertArrays(saved.miniSearch, arrays) as EngineSnapshot['miniSearch'],
      passages: insertArrays(saved.passages, arrays) as EngineSnapshot['passages'],
    };
    const offsets: number[] = [];
    for (const article of snapshot.articles) {
      offsets.push(position);
      position += article.bodyLength;
    }
    if (fstatSync(fd).size !== position) return null; // cut short: rebuild
    const file = new BodyFile(fd);
    handedOver = true;
    const engine = SearchEngine.fromSnapshot(snapshot, (i) => ({ file, offset: offsets[i]!, length: snapshot.articles[i]!.bodyLength }), vocabulary);
    return { problems: header.problems, engine };
  } catch {
    return null; // unreadable: rebuild
  } finally {
    if (!handedOver) closeSync(fd);
  }
}

export function writeSnapshot(path: string, fingerprint: string, problems: CorpusProblem[], engine: SearchEngine): void {
  const { snapshot, bodies } = engine.toSnapshot();
  const arrays: Uint32Array[] = [];
  // Only the two indexes hold typed arrays; the articles' metadata is plain JSON.
  const { miniSearch, passages, ...rest } = snapshot;
  const state = { ...rest, miniSearch: extractArrays(miniSearch, arrays), passages: extractArrays(passages, arrays) };
  const header: SnapshotHeader = { problems, engine: state, arrays: arrays.map((a) => a.byteLength) };
  const identity: SnapshotIdentity = { format: FILE_FORMAT, fingerprint };
  writeFileAtomicFrom(path, snapshotPieces(identity, header, arrays, bodies()));
}

function* snapshotPieces(identity: SnapshotIdentity, header: SnapshotHeader, arrays: Uint32Array[], bodies: Iterable<Buffer>): Iterable<string | Uint8Array> {
  yield `${JSON.stringify(identity)}\n`;
  yield `${JSON.stringify(header)}\n`;
  for (const array of arrays) yield new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  yield* bodies;
}

/** A copy of the value with every typed array moved out into `arrays`. */
function extractArrays(value: unknown, arrays: Uint32Array[]): unknown {
  if (value instanceof Uint32Array) return { $array: arrays.push(value) - 1 };
  if (Array.isArray(value)) return value.map((item) => extractArrays(item, arrays));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, extractArrays(item, arrays)]));
  }
  return value;
}

function insertArrays(value: unknown, arrays: Uint32Array[]): unknown {
  if (Array.isArray(value)) return value.map((item) => insertArrays(item, arrays));
  if (value !== null && typeof value === 'object') {
    if ('$array' in value) return arrays[(value as { $array: number }).$array];
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, insertArrays(item, arrays)]));
  }
  return value;
}

/** One line of the file from `position`, read in chunks. */
function readLine(fd: number, position: number): { text: string; next: number } {
  const chunks: Buffer[] = [];
  for (let at = position; ; ) {
    const chunk = Buffer.allocUnsafe(LINE_CHUNK);
    const read = readSync(fd, chunk, 0, LINE_CHUNK, at);
    if (read === 0) throw new Error('the snapshot ends in its header');
    const newline = chunk.subarray(0, read).indexOf(0x0a);
    if (newline >= 0) {
      chunks.push(chunk.subarray(0, newline));
      return { text: Buffer.concat(chunks).toString('utf8'), next: at + newline + 1 };
    }
    chunks.push(chunk.subarray(0, read));
    at += read;
  }
}

/** Exactly `length` bytes from `position`, in a fresh (so aligned) buffer. */
function readExactly(fd: number, length: number, position: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let done = 0; done < length; ) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) throw new Error('the snapshot is cut short');
    done += read;
  }
  return bytes;
}

const FILE_FORMAT = 'parley-snapshot/3';
const LINE_CHUNK = 1 << 20;

/** Bumped whenever analysis or segmentation changes what an index would contain. */
const SNAPSHOT_VERSION = 4;
