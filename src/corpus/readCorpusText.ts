import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { echoInput } from '../core/errors';
import { overTheLimit } from './limits';

export type CorpusText = { ok: true; text: string } | { ok: false; problems: string[] };

const NOT_FOLLOWED = 'not followed, corpus files must be regular files inside the corpus folder';

/**
 * One corpus file's text (path relative to the corpus folder), or why it must not be read:
 * it is reached through a symbolic link, which may lead anywhere on the machine; it is over
 * `maxBytes`, found from the open file before a byte is read; or it is not UTF-8, which would
 * otherwise be quoted with replacement characters in place of its text.
 */
export function readCorpusText(dir: string, file: string, maxBytes: number): CorpusText {
  const path = join(dir, file);
  let fd: number;
  try {
    // The real path differs when the file, or a folder on the way to it, is a link.
    if (realpathSync(path) !== join(realpathSync(dir), file)) return refused(symbolicLinkProblem(path));
    // O_NOFOLLOW: a file swapped for a link since the check above is refused all the same.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if (isSymbolicLink(path)) return refused(symbolicLinkProblem(path));
    return refused(`unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refused('not a regular file');
    if (stats.size > maxBytes) {
      return refused(`too large: ${overTheLimit(stats.size, 'bytes', maxBytes, 'PARLEY_MAX_ARTICLE_BYTES')}`);
    }
    return decodeUtf8(readBytes(fd, stats.size));
  } catch (error) {
    return refused(`unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** What a symbolic link in the corpus folder is reported as: where it leads, and that it is not followed. */
export function symbolicLinkProblem(path: string): string {
  let target: string;
  try {
    target = resolve(dirname(path), readlinkSync(path));
  } catch {
    return `reached through a symbolic link: ${NOT_FOLLOWED}`;
  }
  return leadsToFolder(path) ? `a symbolic link to a folder (${echoInput(target)}): ${NOT_FOLLOWED}` : `a symbolic link (to ${echoInput(target)}): ${NOT_FOLLOWED}`;
}

/** Whether a path leads to a folder, following links (false when it leads nowhere). */
export const leadsToFolder = (path: string): boolean => safeStat(path)?.isDirectory() === true;

/** The first `size` bytes of the file (fewer if it shrank meanwhile; a file that grew is read again when it settles). */
function readBytes(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return bytes.subarray(0, filled);
}

/** Strict UTF-8 (a byte-order mark is kept, as the front matter reader expects it). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Buffer): CorpusText {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const { offset, line } = firstInvalidByte(bytes);
    return refused(`not valid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`);
  }
}

/**
 * Where decoding fails, counted from byte 0, with its line. The lenient decoder puts U+FFFD
 * where the bytes are not UTF-8; one that is in the file itself is three valid bytes, skipped.
 */
function firstInvalidByte(bytes: Buffer): { offset: number; line: number } {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let counted = 0;
  for (let at = lenient.indexOf('\uFFFD'); at >= 0; at = lenient.indexOf('\uFFFD', at + 1)) {
    offset += Buffer.byteLength(lenient.slice(counted, at));
    counted = at;
    const inTheFile = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!inTheFile) return { offset, line: lenient.slice(0, at).split('\n').length };
  }
  return { offset: bytes.length, line: lenient.split('\n').length };
}

/** Whether the path itself is a link (false when nothing is there). */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const refused = (problem: string): CorpusText => ({ ok: false, problems: [problem] });
