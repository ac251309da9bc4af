import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Passage } from '../corpus/article';

/**
 * Article bodies (passages and sentences) are the bulk of a corpus, and only a few are read
 * per question. The engine keeps each one encoded — in memory as UTF-8 JSON, or as a range
 * of the snapshot file it started from — and decodes it when asked, keeping the most
 * recently used ones decoded.
 */
export type BodyLocation = { bytes: Buffer } | { file: BodyFile; offset: number; length: number; checksum?: string };

/** Encoded passages: [heading, sentences, how many trailing sentences are list items] each. */
type EncodedPassage = [string | null, string[], number];

export function encodePassages(passages: readonly Passage[]): Buffer {
  const encoded: EncodedPassage[] = passages.map((p) => [p.heading, p.sentences.map((s) => s.text), p.sentences.filter((s) => s.listItem).length]);
  return Buffer.from(JSON.stringify(encoded));
}

export function decodePassages(articleId: string, bytes: Buffer): Passage[] {
  return (JSON.parse(bytes.toString('utf8')) as EncodedPassage[]).map(([heading, sentences, listItems], index) => ({
    articleId,
    index,
    heading,
    sentences: sentences.map((text, i) => ({ text, listItem: i >= sentences.length - listItems })),
  }));
}

export function readBody(location: BodyLocation): Buffer {
  return 'bytes' in location ? location.bytes : location.file.read(location.offset, location.length, location.checksum);
}

/** A body's checksum in a snapshot: SHA-256, cut to 128 bits (it detects damage; it is no signature). */
export function bodyChecksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/**
 * What a file does with a body that does not match its checksum (or is cut short): gives the
 * right bytes from elsewhere, or throws. Damaged bytes are never returned.
 */
export type DamagedBodyHandler = (offset: number, reason: string) => Buffer;

/**
 * An open snapshot file that bodies are read from. It stays open for as long as articles
 * refer to it, so a newer snapshot written over the same path (a rename) never changes what
 * it reads; it is closed once nothing refers to it any more.
 */
export class BodyFile {
  static readonly #closer = new FinalizationRegistry<number>((fd) => closeSync(fd));
  readonly #fd: number;
  readonly #onDamage: DamagedBodyHandler;
  #end = 0;

  /** Takes over an open file descriptor: the file closes it. */
  constructor(fd: number, onDamage: DamagedBodyHandler = refuseDamagedBody) {
    this.#fd = fd;
    this.#onDamage = onDamage;
    BodyFile.#closer.register(this, fd);
  }

  /**
   * A nameless scratch file in `dir` to append bodies to while an index is built, so that a
   * large corpus's text is not held in memory meanwhile. Its name is removed at once: the
   * open descriptor keeps it readable, and nothing is left behind, whatever happens.
   */
  static scratch(dir: string): BodyFile {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `.index-bodies.${process.pid}.tmp`);
    const file = new BodyFile(openSync(path, 'w+'));
    try {
      unlinkSync(path);
    } catch {
      // A platform that cannot remove an open file: a leftover dot-file, ignored by the corpus watcher.
    }
    return file;
  }

  /** Appends bytes; returns where they are. */
  append(bytes: Buffer): { file: BodyFile; offset: number; length: number } {
    const offset = this.#end;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.#fd, bytes, done, bytes.length - done, offset + done);
    this.#end += bytes.length;
    return { file: this, offset, length: bytes.length };
  }

  /** The bytes at `offset`, checked against their checksum when one is given. */
  read(offset: number, length: number, checksum?: string): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const read = readSync(this.#fd, bytes, done, length - done, offset + done);
      if (read === 0) return this.#onDamage(offset, 'the file is shorter than its table of contents says');
      done += read;
    }
    if (checksum !== undefined && bodyChecksum(bytes) !== checksum) return this.#onDamage(offset, 'it does not match its checksum');
    return bytes;
  }
}

const refuseDamagedBody: DamagedBodyHandler = (offset, reason) => {
  throw new Error(`the article body at byte ${offset} of the index snapshot is damaged: ${reason}`);
};

/** An article whose `passages` are decoded on access. */
export function lazyArticle(meta: Omit<Article, 'passages'>, passages: () => Passage[]): Article {
  // A getter in the literal keeps the object compact (Object.defineProperty made it ~0.9 kB bigger).
  return {
    ...meta,
    get passages() {
      return passages();
    },
  };
}

/**
 * The most recently used decoded bodies, so that one answer reading a passage several times
 * decodes it once. Kept by the body they were decoded from, not by article: an article's
 * replaced version, read later by work that still holds it, never passes its text to the new one.
 */
export class DecodedBodies {
  readonly #cache = new Map<BodyLocation, Passage[]>();

  constructor(private readonly capacity: number) {}

  get(articleId: string, location: BodyLocation): Passage[] {
    let passages = this.#cache.get(location);
    if (passages) {
      this.#cache.delete(location);
    } else {
      passages = decodePassages(articleId, readBody(location));
      if (this.#cache.size >= this.capacity) this.#cache.delete(this.#cache.keys().next().value!);
    }
    this.#cache.set(location, passages);
    return passages;
  }

  forget(location: BodyLocation): void {
    this.#cache.delete(location);
  }
}
