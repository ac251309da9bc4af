import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures';
import { importCircles, importGraph } from '../helpers/importGraph';

/** The layering the layout promises (README, Layout): engine at the bottom, commands above it, adapters on top. */
const graph = importGraph(ROOT, ['src', 'commands', 'scripts', 'bench']);
const importers = (from: (file: string) => boolean, to: (file: string) => boolean): string[] =>
  [...graph].flatMap(([file, targets]) => (from(file) ? targets.filter(to).map((target) => `${file} -> ${target}`) : []));

describe('the import structure', () => {
  it('has no import circles', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('keeps the core free of the application and its services', () => {
    expect(importers((f) => f.startsWith('src/core/'), (t) => /^src\/(digest|ingest|library|app)\//u.test(t))).toEqual([]);
  });

  it('lets no adapter import the list of adapters', () => {
    expect(importers((f) => f.startsWith('src/adapters/') && f !== 'src/adapters/platforms.ts', (t) => t === 'src/adapters/platforms.ts')).toEqual([]);
  });

  it('keeps the benchmarks off the tests', () => {
    expect(importers((f) => f.startsWith('bench/'), (t) => t.startsWith('test/'))).toEqual([]);
  });
});
