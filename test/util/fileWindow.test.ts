import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileWindow } from '../../src/util/fileWindow';

const opened: number[] = [];
afterEach(() => opened.splice(0).forEach((fd) => closeSync(fd)));

function windowOver(text: string, windowBytes: number, size = Buffer.byteLength(text)): FileWindow {
  const path = join(mkdtempSync(join(tmpdir(), 'parley-window-')), 'lines');
  writeFileSync(path, text);
  const fd = openSync(path, 'r');
  opened.push(fd);
  return new FileWindow(fd, size, windowBytes);
}

function allLines(window: FileWindow): string[] {
  const lines: string[] = [];
  for (let line = window.lineAt(0); line; line = window.lineAt(line.next)) lines.push(line.bytes.toString('latin1'));
  return lines;
}

describe('a window over a file’s lines', () => {
  it('reads every line, those across the window’s edge and those longer than it included', () => {
    const lines = ['short', 'x'.repeat(37), '', 'a line that runs past several windows of eight bytes', 'end'];
    expect(allLines(windowOver(`${lines.join('\n')}\n`, 8))).toEqual(lines);
  });

  it('gives the last line without its newline, and nothing after it', () => {
    const window = windowOver('one\ntwo', 4);
    expect(allLines(window)).toEqual(['one', 'two']);
    expect(window.lineAt(7)).toBeNull();
  });

  it('reads any range of the file into bytes of its own, wherever the window is', () => {
    const window = windowOver('first\nsecond\nthird\n', 4);
    const second = window.lineAt(6)!;
    const copy = window.read(6, 12);
    window.lineAt(13);
    expect(copy.toString()).toBe('second');
    expect(second.next).toBe(13);
  });

  it('ends where the file does when it is shorter than it was said to be', () => {
    expect(allLines(windowOver('one\ntwo\n', 4, 100))).toEqual(['one', 'two']);
  });
});
