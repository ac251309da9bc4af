import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IngestItem } from '../../src/ingest/ingest';
import { progressFor } from '../../src/ingest/progress';
import { createLogger } from '../../src/log';

const item = (outcome: IngestItem['outcome'], source: string, reason: string | null = null): IngestItem => ({
  source,
  outcome,
  reason,
  file: outcome === 'added' ? 'a.md' : null,
  article: outcome === 'added' ? ({ title: 'Talks resume' } as IngestItem['article']) : null,
  entryId: null,
});

function stream(isTTY: boolean): { stream: NodeJS.WriteStream; output: () => string } {
  const passThrough = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let output = '';
  passThrough.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { stream: passThrough as unknown as NodeJS.WriteStream, output: () => output };
}

describe('progressFor', () => {
  it('writes plain log lines when the output is not a terminal', () => {
    const lines: string[] = [];
    const { stream: out, output } = stream(false);
    const progress = progressFor(out, createLogger('info', [], (l) => lines.push(l)));
    progress.start(2, 'World feed');
    progress.item(item('added', 'https://x.example/a'));
    progress.item(item('failed', 'https://x.example/b', 'HTTP 404 Not Found'));
    progress.done();
    expect(lines).toEqual([
      '[info] ingesting World feed: 2 articles',
      '[info] [1/2] https://x.example/a — added “Talks resume” as a.md',
      '[info] [2/2] https://x.example/b — failed: HTTP 404 Not Found',
    ]);
    expect(output()).toBe('');
  });

  it('draws a progress bar on a terminal', () => {
    const lines: string[] = [];
    const { stream: out, output } = stream(true);
    const progress = progressFor(out, createLogger('info', [], (l) => lines.push(l)));
    progress.start(2, 'World feed');
    progress.item(item('added', 'https://x.example/a'));
    progress.item(item('duplicate', 'https://x.example/b', 'already in the corpus'));
    progress.done();
    expect(lines).toEqual([]);
    expect(output()).toContain('2/2 | 1 added, 1 known, 0 not added | World feed');
    expect(output()).toContain('█');
  });
});
