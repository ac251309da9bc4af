/**
 * The insights file (`data/insights.snapshot`): each article's statements and dated events
 * as computed at warm-up, so that a restart reads them back instead of attributing every
 * article again. It sits beside the index snapshot rather than inside it: it is written
 * after the warm-up, while the bot serves, and rewriting the whole index snapshot then
 * would hold the event loop for seconds.
 *
 * Layout: a first line with the format, the fingerprint of the corpus it was computed from
 * (the index snapshot's: the same files, vocabulary and limits), the version of the code
 * that computed it and the number of records (padded with spaces: it is written last).
 * Then one record per line: `checksum TAB kind TAB "article or party id" TAB json`, in the
 * order they are read back, so that each kind reads on through the file without an index
 * (see `InsightsFile`): each party's grouped statements, then each article's statements and
 * events. A record is checked when it is read, so a damaged one costs only its own
 * recomputation. Records are ASCII (other characters escaped in their JSON), and the file is
 * read through a window of it, never whole.
 */

import { closeSync, fstatSync, openSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { FileWindow } from '../util/fileWindow';
import { TimeSlice } from '../util/timeSlices';

/** An article's statements or events, or a party's statements as grouped for replies. */
export type InsightKind = (typeof INSIGHT_KINDS)[number];
const INSIGHT_KINDS = ['statements', 'events', 'groups'] as const;

interface InsightsIdentity {
  format: typeof INSIGHTS_FORMAT;
  fingerprint: string;
  version: string;
  /** How many record lines follow. */
  records: number;
}

/** What reading the insights file found. */
export type InsightsRead =
  | { status: 'loaded'; file: InsightsFile }
  /** No file, or one of another format, corpus or code version. */
  | { status: 'missing' | 'stale' }
  | { status: 'damaged'; reason: string };

/** A record that failed its check: the caller computes the article's insights instead. */
export class DamagedInsight extends Error {}

/** Where a record is in the file, and the checksum it must have. */
interface RecordPlace {
  start: number;
  end: number;
  checksum: string;
}

/**
 * An insights file as opened: its records still on disk, each found, read, decoded (and
 * checked) when taken. The file stays open until every record is taken or `close()`.
 */
export class InsightsFile {
  #fd: number | null;
  /**
   * Where each kind reads on from, and its window of the file. Records are taken in the
   * order they were written (the corpus's), so each kind reads on from where it stopped: no
   * index of the file's 100,000 lines is built first, which took a quarter of a restart's warm-up.
   */
  readonly #cursors = new Map<InsightKind, { at: number; window: FileWindow }>();
  /** `kind \0 id` → records a kind's reading passed while looking for another one, read from here when asked for. */
  readonly #passed = new Map<string, RecordPlace>();
  /** Records not taken yet: once every one is, the file is closed. */
  #untaken: number;

  private constructor(fd: number, size: number, firstRecord: number, records: number) {
    this.#fd = fd;
    this.#untaken = records;
    for (const kind of INSIGHT_KINDS) this.#cursors.set(kind, { at: firstRecord, window: new FileWindow(fd, size) });
  }

  /** Opens the file and checks its first line. */
  static async read(path: string, fingerprint: string, version: string): Promise<InsightsRead> {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return { status: 'missing' };
    }
    let file: InsightsFile | null = null;
    try {
      const size = fstatSync(fd).size;
      const first = new FileWindow(fd, size, IDENTITY_BYTES).lineAt(0);
      let identity: InsightsIdentity;
      try {
        identity = JSON.parse(first ? first.bytes.toString('utf8') : '') as InsightsIdentity;
      } catch (error) {
        return { status: 'damaged', reason: `its first line is unreadable (${(error as Error).message.slice(0, 100)})` };
      }
      if (identity.format !== INSIGHTS_FORMAT || identity.fingerprint !== fingerprint || identity.version !== version) return { status: 'stale' };
      if (!Number.isSafeInteger(identity.records) || identity.records < 0) return { status: 'damaged', reason: 'its first line does not say how many records it holds' };
      file = new InsightsFile(fd, size, first!.next, identity.records);
      return { status: 'loaded', file };
    } catch (error) {
      return { status: 'damaged', reason: `it is unreadable (${(error as Error).message.slice(0, 100)})` };
    } finally {
      if (!file) closeSync(fd);
    }
  }

  /**
   * The record of an article (or a party's groups), removed from the file's (each is taken
   * once: the index keeps it then); undefined when the file has none. Throws
   * `DamagedInsight` when it fails its check.
   */
  take(kind: InsightKind, id: string): unknown {
    if (this.#fd === null) return undefined;
    const key = `${kind}\0${asciiJson(id)}`;
    const passed = this.#passed.get(key);
    const cursor = this.#cursors.get(kind)!;
    let record: { place: RecordPlace; line: Buffer } | undefined;
    if (passed) {
      this.#passed.delete(key);
      record = { place: passed, line: cursor.window.read(passed.start, passed.end) };
    } else {
      record = this.#readOn(cursor, kind, key);
    }
    if (!record) return undefined;
    try {
      return decodeRecord(record.line, record.place.checksum);
    } finally {
      if (--this.#untaken === 0) this.close();
    }
  }

  /** Closes the file: what was not taken by now stays untaken. */
  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
    this.#passed.clear();
  }

  /** Reads on from the kind's cursor to the record of `key`, keeping the places of the kind's records passed on the way. */
  #readOn(cursor: { at: number; window: FileWindow }, kind: InsightKind, key: string): { place: RecordPlace; line: Buffer } | undefined {
    for (let line = cursor.window.lineAt(cursor.at); line; line = cursor.window.lineAt(cursor.at)) {
      const start = cursor.at;
      cursor.at = line.next;
      const { bytes } = line;
      const first = bytes.indexOf(0x09);
      const second = first < 0 ? -1 : bytes.indexOf(0x09, first + 1);
      const third = second < 0 ? -1 : bytes.indexOf(0x09, second + 1);
      // A line without its three fields is damaged: it is never found, and its article is recomputed.
      if (third < 0 || bytes.toString('latin1', first + 1, second) !== kind) continue;
      const lineKey = `${kind}\0${bytes.toString('latin1', second + 1, third)}`;
      const place = { start: start + first + 1, end: start + bytes.length, checksum: bytes.toString('latin1', 0, first) };
      if (lineKey === key) return { place, line: bytes.subarray(first + 1) };
      this.#passed.set(lineKey, place);
    }
    return undefined;
  }
}

/** A record's JSON, once its line (after the checksum) is checked. */
function decodeRecord(line: Buffer, checksum: string): unknown {
  if (recordChecksum(line) !== checksum) throw new DamagedInsight('it does not match its checksum');
  const tab = line.lastIndexOf(0x09);
  try {
    // Records are written in ASCII (see `asciiJson`): read as Latin-1, several times faster than UTF-8.
    return JSON.parse(line.toString('latin1', tab + 1));
  } catch {
    throw new DamagedInsight('it is not JSON');
  }
}

/** One record to write: an article's statements or events, or a party's groups, as JSON-able data. */
export interface InsightRecord {
  kind: InsightKind;
  /** The article's id, or the party's for its groups. */
  id: string;
  data: unknown;
}

/**
 * Writes the file through a hidden temporary file and a rename, a few milliseconds of
 * encoding at a time with the event loop free between them: it is written while the bot serves.
 */
export async function writeInsightsFile(path: string, fingerprint: string, version: string, records: Iterable<InsightRecord>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'w');
  let renamed = false;
  try {
    // The first line is written last, when the records are counted: room for it is kept.
    let lines = [`${' '.repeat(IDENTITY_BYTES - 1)}\n`];
    let count = 0;
    const slice = new TimeSlice();
    for (const { kind, id, data } of records) {
      const body = `${kind}\t${asciiJson(id)}\t${asciiJson(data)}`;
      lines.push(`${recordChecksum(Buffer.from(body))}\t${body}\n`);
      count++;
      if (slice.spent) {
        await handle.write(lines.join(''));
        lines = [];
        await slice.next();
      }
    }
    await handle.write(lines.join(''));
    const identity: InsightsIdentity = { format: INSIGHTS_FORMAT, fingerprint, version, records: count };
    const firstLine = JSON.stringify(identity);
    if (firstLine.length >= IDENTITY_BYTES) throw new Error(`the insights file's first line is longer than its ${IDENTITY_BYTES} bytes`);
    // Padded to its room with spaces, which JSON allows after a value.
    await handle.write(firstLine.padEnd(IDENTITY_BYTES - 1), 0);
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => undefined);
      await rm(temporary, { force: true });
    }
  }
}

/**
 * CRC-32 of a record's line after its checksum: it detects damage (it is no signature), and
 * checking 70 MB of records at a restart takes a fifth of the time SHA-256 does.
 */
const recordChecksum = (bytes: Uint8Array): string => crc32(bytes).toString(16).padStart(8, '0');

/** JSON with every character beyond ASCII escaped (`\\u201c`): the same data, readable as Latin-1. */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** 2: records in ASCII, and the first line says how many there are. */
const INSIGHTS_FORMAT = 'parley-insights/2';

/** The first line's room, newline included: its JSON is under 300 bytes. */
const IDENTITY_BYTES = 512;
