/**
 * Index snapshots let a large corpus start without re-analysing every article. A snapshot
 * is only used when its fingerprint matches: any added, removed or edited corpus file, a
 * changed vocabulary file, different engine options or corpus limits invalidate it.
 */

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusLimits } from '../corpus/limits';
import type { CorpusProblem } from '../corpus/loader';
import { writeFileAtomicFrom } from '../util/writeFileAtomic';
import type { Vocabulary } from '../vocabulary/vocabulary';
import { BodyFile, bodyChecksum } from './articleBodies';
import { SearchEngine, type EngineOptions, type EngineSnapshot, type SnapshotArticle } from './engine';

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
  /** The limits the files were read under: a file skipped under one may load under another. */
  corpusLimits: CorpusLimits;
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

/** Names, sizes and modification times of the corpus files, plus the vocabulary, the options and the corpus limits. */
export function fingerprint({ vocabularyDigest, options, stamps, corpusLimits }: IndexBasis): string {
  const hash = createHash('sha256');
  hash.update(`${SNAPSHOT_VERSION}\n${JSON.stringify(options)}\n${vocabularyDigest}\n${JSON.stringify(corpusLimits)}\n`);
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
 *
 * Everything is checksummed, since a damaged byte would otherwise be quoted as an article's
 * words: the first line holds the checksum of the header and the arrays (checked at start-up),
 * the header one per body (checked whenever a body is read).
 */
interface SnapshotHeader {
  problems: CorpusProblem[];
  /** The engine's state, each typed array of its indexes replaced by `{ "$array": n }`. */
  engine: unknown;
  /** Byte length of each typed array, in the order they follow the header. */
  arrays: number[];
  /** `bodyChecksum` of each article's body, in the order of the engine's articles. */
  bodyChecksums: string[];
}

interface SnapshotIdentity {
  format: typeof FILE_FORMAT;
  fingerprint: string;
  /** SHA-256 of the header line (without its newline) and the arrays' bytes. */
  checksum: string;
}

/** What reading a snapshot found: a usable index, or why the corpus must be read instead. */
export type SnapshotRead =
  | { status: 'loaded'; problems: CorpusProblem[]; engine: SearchEngine }
  /** No snapshot, or one of another format or built from other files, vocabulary or options. */
  | { status: 'missing' | 'stale' }
  | { status: 'damaged'; reason: string };

/** An article body found damaged when it was read, after the start. */
export interface BodyDamage {
  article: SnapshotArticle;
  /** What was wrong with it. */
  reason: string;
  /** True for the first damaged body found in this snapshot. */
  first: boolean;
  /** Whether the snapshot file was removed (at the first damage), so that the next start rebuilds it; not when a newer one had replaced it. */
  removed: boolean;
}

/**
 * Gives the real body of an article whose copy in the snapshot is damaged (say, read again
 * from its corpus file), or throws. It is asked once per damaged body.
 */
export type BodyRecovery = (damage: BodyDamage) => Buffer;

/** Reads a snapshot if it has the expected fingerprint and is intact. */
export function readSnapshot(path: string, expectedFingerprint: string, vocabulary: Vocabulary, recover: BodyRecovery = refuseDamagedBody): SnapshotRead {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { status: 'missing' };
  }
  let handedOver = false;
  try {
    const first = readLine(fd, 0);
    const identity = JSON.parse(first.bytes.toString('utf8')) as SnapshotIdentity;
    if (identity.format !== FILE_FORMAT || identity.fingerprint !== expectedFingerprint) return { status: 'stale' };
    const second = readLine(fd, first.next);
    const checksum = createHash('sha256').update(second.bytes);
    const header = JSON.parse(second.bytes.toString('utf8')) as SnapshotHeader;
    let position = second.next;
    const arrays = header.arrays.map((byteLength) => {
      const bytes = readExactly(fd, byteLength, position);
      checksum.update(bytes);
      position += byteLength;
      return new Uint32Array(bytes.buffer, bytes.byteOffset, byteLength / 4);
    });
    if (checksum.digest('hex') !== identity.checksum) return { status: 'damaged', reason: 'its index does not match its checksum' };
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
    const size = fstatSync(fd).size;
    if (size !== position) return { status: 'damaged', reason: `it is ${size < position ? 'shorter' : 'longer'} than its table of contents says` };
    const file = new BodyFile(fd, damagedBodies(path, fd, offsets, snapshot.articles, recover));
    handedOver = true;
    const location = (i: number) => ({ file, offset: offsets[i]!, length: snapshot.articles[i]!.bodyLength, checksum: header.bodyChecksums[i]! });
    const engine = SearchEngine.fromSnapshot(snapshot, location, vocabulary);
    return { status: 'loaded', problems: header.problems, engine };
  } catch (error) {
    return { status: 'damaged', reason: `it is unreadable (${(error as Error).message.slice(0, 200)})` };
  } finally {
    if (!handedOver) closeSync(fd);
  }
}

/**
 * The snapshot's answer to a damaged body: at the first, the file is removed (if it is still
 * the one read: a newer snapshot may have replaced it since), so that the next start
 * rebuilds it; each damaged body is recovered once and kept, never the damaged bytes.
 */
function damagedBodies(path: string, fd: number, offsets: readonly number[], articles: readonly SnapshotArticle[], recover: BodyRecovery) {
  const recovered = new Map<number, Buffer>();
  let first = true;
  return (offset: number, reason: string): Buffer => {
    const known = recovered.get(offset);
    if (known) return known;
    const removed = first && removeIfSameFile(path, fd);
    const damage = { article: articles[offsets.indexOf(offset)]!, reason, first, removed };
    first = false;
    const body = recover(damage);
    recovered.set(offset, body);
    return body;
  };
}

function removeIfSameFile(path: string, fd: number): boolean {
  try {
    const open = fstatSync(fd);
    const named = statSync(path);
    if (open.ino !== named.ino || open.dev !== named.dev) return false;
    rmSync(path);
    return true;
  } catch {
    return false;
  }
}

const refuseDamagedBody: BodyRecovery = ({ article, reason }) => {
  throw new Error(`the text of ${article.file} in the index snapshot is damaged: ${reason}`);
};

export function writeSnapshot(path: string, fingerprint: string, problems: CorpusProblem[], engine: SearchEngine): void {
  const { snapshot, bodies } = engine.toSnapshot();
  const arrays: Uint32Array[] = [];
  // Only the two indexes hold typed arrays; the articles' metadata is plain JSON.
  const { miniSearch, passages, ...rest } = snapshot;
  const state = { ...rest, miniSearch: extractArrays(miniSearch, arrays), passages: extractArrays(passages, arrays) };
  // The bodies' checksums go in the header, before them: they are walked twice.
  const bodyList = [...bodies()];
  const header: SnapshotHeader = { problems, engine: state, arrays: arrays.map((a) => a.byteLength), bodyChecksums: bodyList.map(bodyChecksum) };
  const headerLine = JSON.stringify(header);
  const checksum = createHash('sha256').update(headerLine);
  for (const array of arrays) checksum.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  const identity: SnapshotIdentity = { format: FILE_FORMAT, fingerprint, checksum: checksum.digest('hex') };
  writeFileAtomicFrom(path, snapshotPieces(identity, headerLine, arrays, bodyList));
}

function* snapshotPieces(identity: SnapshotIdentity, headerLine: string, arrays: Uint32Array[], bodies: Iterable<Buffer>): Iterable<string | Uint8Array> {
  yield `${JSON.stringify(identity)}\n`;
  yield `${headerLine}\n`;
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

/** One line of the file from `position` (its bytes, as written), read in chunks. */
function readLine(fd: number, position: number): { bytes: Buffer; next: number } {
  const chunks: Buffer[] = [];
  for (let at = position; ; ) {
    const chunk = Buffer.allocUnsafe(LINE_CHUNK);
    const read = readSync(fd, chunk, 0, LINE_CHUNK, at);
    if (read === 0) throw new Error('the snapshot ends in its header');
    const newline = chunk.subarray(0, read).indexOf(0x0a);
    if (newline >= 0) {
      chunks.push(chunk.subarray(0, newline));
      return { bytes: Buffer.concat(chunks), next: at + newline + 1 };
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

/** 4: checksums of the header, the arrays and each body. */
const FILE_FORMAT = 'parley-snapshot/4';
const LINE_CHUNK = 1 << 20;

/** Bumped whenever analysis or segmentation changes what an index would contain. */
const SNAPSHOT_VERSION = 4;
