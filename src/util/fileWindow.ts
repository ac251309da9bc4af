import { readSync } from 'node:fs';

/**
 * Lines of an open file, read forward through a window of its bytes: a large file is never
 * held whole. Holding one (an 80 MB insights snapshot) counts as memory outside the heap, and
 * allocating that much at once makes V8 collect the whole heap, a fifth of a second at a restart.
 * Reads are synchronous and a window's worth at a time (a millisecond from the page cache).
 */
export class FileWindow {
  #bytes: Buffer;
  /** The file offsets the window holds: [#start, #end). */
  #start = 0;
  #end = 0;

  /** The file's length: as it was opened, or less once a read finds it shorter. */
  #size: number;

  constructor(
    private readonly fd: number,
    size: number,
    windowBytes = WINDOW_BYTES,
  ) {
    this.#size = size;
    this.#bytes = Buffer.allocUnsafe(windowBytes);
  }

  /**
   * The line starting at file offset `at`, without its newline, and the offset after it; null
   * at the end of the file. The bytes are a view of the window: valid until the next call.
   */
  lineAt(at: number): { bytes: Buffer; next: number } | null {
    if (at < this.#start || at >= this.#end) this.#fill(at);
    for (;;) {
      if (at >= this.#end) return null;
      const newline = this.#bytes.indexOf(0x0a, at - this.#start);
      if (newline >= 0 && newline < this.#end - this.#start) return { bytes: this.#bytes.subarray(at - this.#start, newline), next: this.#start + newline + 1 };
      if (this.#end >= this.#size) return { bytes: this.#bytes.subarray(at - this.#start, this.#end - this.#start), next: this.#size };
      // The line runs past the window: read from its start, with a larger window if it already started there.
      if (this.#start === at) this.#bytes = Buffer.allocUnsafe(this.#bytes.length * 2);
      this.#fill(at);
    }
  }

  /** The bytes [start, end) of the file, a copy of their own. */
  read(start: number, end: number): Buffer {
    const bytes = Buffer.allocUnsafe(end - start);
    for (let done = 0; done < bytes.length; ) {
      const read = readSync(this.fd, bytes, done, bytes.length - done, start + done);
      if (read === 0) return bytes.subarray(0, done);
      done += read;
    }
    return bytes;
  }

  #fill(at: number): void {
    let filled = 0;
    while (filled < this.#bytes.length && at + filled < this.#size) {
      const read = readSync(this.fd, this.#bytes, filled, this.#bytes.length - filled, at + filled);
      if (read === 0) {
        this.#size = at + filled;
        break;
      }
      filled += read;
    }
    this.#start = at;
    this.#end = at + filled;
  }
}

/** A window's size: a few insights records of a long article, read in about a millisecond. */
const WINDOW_BYTES = 1024 * 1024;
