/**
 * The insights file (`data/insights.snapshot`): each article's statements and dated events
 * as computed at warm-up, so that a restart reads them back instead of attributing every
 * article again. It sits beside the index snapshot rather than inside it: it is written
 * after the warm-up, while the bot serves, and rewriting the whole index snapshot then
 * would hold the event loop for seconds.
 *
 * Layout: a first line with the format, the fingerprint of the corpus it was computed from
 * (the index snapshot's: the same files, vocabulary and limits) and the version of the
 * code that computed it; then one line per article and kind of insight, and one per party for
 * its grouped statements: `checksum TAB kind TAB "article or party id" TAB json`. Each line
 * is checked when it is read, so a damaged one costs only its own recomputation.
 */

import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { TimeSlice } from '../util/timeSlices';

/** An article's statements or events, or a party's statements as grouped for replies. */
export type InsightKind = 'statements' | 'events' | 'groups';

interface InsightsIdentity {
  format: typeof INSIGHTS_FORMAT;
  fingerprint: string;
  version: string;
}

/** What reading the insights file found. */
export type InsightsRead =
  | { status: 'loaded'; file: InsightsFile }
  /** No file, or one of another format, corpus or code version. */
  | { status: 'missing' | 'stale' }
  | { status: 'damaged'; reason: string };

/** A record that failed its check: the caller computes the article's insights instead. */
export class DamagedInsight extends Error {}

/** An insights file as read: its records still encoded, each decoded (and checked) when taken. */
export class InsightsFile {
  #bytes: Buffer | null;
  /** `kind \0 article id` → where its JSON is, and the checksum it must have. */
  readonly #records = new Map<string, { start: number; end: number; checksum: string }>();

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  /** Finds the records' lines, a slice at a time (a large corpus's file has 100,000 of them). */
  async #index(firstRecord: number): Promise<void> {
    const bytes = this.#bytes!;
    const slice = new TimeSlice();
    for (let at = firstRecord; at < bytes.length; ) {
      if (slice.spent) await slice.next();
      let end = bytes.indexOf(0x0a, at);
      if (end < 0) end = bytes.length;
      const tabs = [bytes.indexOf(0x09, at)];
      tabs.push(bytes.indexOf(0x09, tabs[0]! + 1), -1);
      tabs[2] = tabs[1]! < 0 ? -1 : bytes.indexOf(0x09, tabs[1]! + 1);
      // A line without its three fields is damaged: it is found missing, and its article recomputed.
      if (tabs.every((tab) => tab >= 0 && tab < end)) {
        const key = `${bytes.toString('latin1', tabs[0]! + 1, tabs[1])}\0${bytes.toString('utf8', tabs[1]! + 1, tabs[2])}`;
        this.#records.set(key, { start: tabs[0]! + 1, end, checksum: bytes.toString('latin1', at, tabs[0]) });
      }
      at = end + 1;
    }
  }

  /** Reads the file without holding the event loop. */
  static async read(path: string, fingerprint: string, version: string): Promise<InsightsRead> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return { status: 'missing' };
    }
    const firstLineEnd = bytes.indexOf(0x0a);
    try {
      const identity = JSON.parse(bytes.toString('utf8', 0, firstLineEnd < 0 ? bytes.length : firstLineEnd)) as InsightsIdentity;
      if (identity.format !== INSIGHTS_FORMAT || identity.fingerprint !== fingerprint || identity.version !== version) return { status: 'stale' };
    } catch (error) {
      return { status: 'damaged', reason: `its first line is unreadable (${(error as Error).message.slice(0, 100)})` };
    }
    const file = new InsightsFile(bytes);
    await file.#index(firstLineEnd + 1);
    return { status: 'loaded', file };
  }

  /**
   * The record of an article (or a party's groups), removed from the file's (each is taken
   * once: the index keeps it then); undefined when the file has none. Throws
   * `DamagedInsight` when it fails its check.
   */
  take(kind: InsightKind, id: string): unknown {
    const key = `${kind}\0${JSON.stringify(id)}`;
    const record = this.#records.get(key);
    const bytes = this.#bytes;
    if (!record || !bytes) return undefined;
    this.#records.delete(key);
    // Once every record is taken, the file's bytes go.
    if (this.#records.size === 0) this.#bytes = null;
    const line = bytes.subarray(record.start, record.end);
    if (recordChecksum(line) !== record.checksum) throw new DamagedInsight('it does not match its checksum');
    const tab = line.lastIndexOf(0x09);
    try {
      return JSON.parse(line.toString('utf8', tab + 1));
    } catch {
      throw new DamagedInsight('it is not JSON');
    }
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
    const identity: InsightsIdentity = { format: INSIGHTS_FORMAT, fingerprint, version };
    let lines = [`${JSON.stringify(identity)}\n`];
    const slice = new TimeSlice();
    for (const { kind, id, data } of records) {
      const body = `${kind}\t${JSON.stringify(id)}\t${JSON.stringify(data)}`;
      lines.push(`${recordChecksum(Buffer.from(body))}\t${body}\n`);
      if (slice.spent) {
        await handle.write(lines.join(''));
        lines = [];
        await slice.next();
      }
    }
    await handle.write(lines.join(''));
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

const INSIGHTS_FORMAT = 'parley-insights/1';
