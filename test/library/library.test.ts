import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, SNAPSHOT_FILE } from '../../src/library/library';
import { createLogger, silentLogger } from '../../src/log';
import { articleFile, CONFIG_DIR, corpusCopy, temporaryDir } from '../helpers/fixtures';

function open(corpusDir: string, dataDir: string) {
  return openLibrary({ corpusDir, configDir: CONFIG_DIR, dataDir, useSnapshot: true }, silentLogger);
}

describe('openLibrary', () => {
  it('writes a snapshot, then starts from it while the corpus is unchanged', () => {
    const corpusDir = corpusCopy();
    const dataDir = temporaryDir();
    const built = open(corpusDir, dataDir);
    expect(built.loadedFrom).toBe('corpus');
    // A first line naming what the index was built from; the header, the index and the bodies follow.
    const firstLine = JSON.parse(readFileSync(join(dataDir, SNAPSHOT_FILE), 'utf8').split('\n')[0]!) as object;
    expect(firstLine).toHaveProperty('fingerprint');

    const restored = open(corpusDir, dataDir);
    expect(restored.loadedFrom).toBe('snapshot');
    expect(restored.engine.articleCount).toBe(5);
    expect(restored.engine.searchPassages('Sudzha')[0]!.passage).toEqual(built.engine.searchPassages('Sudzha')[0]!.passage);
    expect(restored.engine.articles()).toEqual(built.engine.articles());
  });

  it('rebuilds when a file is added or edited', () => {
    const corpusDir = corpusCopy();
    const dataDir = temporaryDir();
    open(corpusDir, dataDir);

    writeFileSync(join(corpusDir, 'new.md'), articleFile({ title: 'New', source: 'Test', published: '2025-04-01' }, 'Zebras crossed the Dnipro.'));
    const afterAdd = open(corpusDir, dataDir);
    expect(afterAdd.loadedFrom).toBe('corpus');
    expect(afterAdd.engine.searchPassages('zebras')).toHaveLength(1);

    const file = join(corpusDir, 'new.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Zebras', 'Giraffes'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const afterEdit = open(corpusDir, dataDir);
    expect(afterEdit.loadedFrom).toBe('corpus');
    expect(afterEdit.engine.searchPassages('giraffes')).toHaveLength(1);
    expect(afterEdit.engine.searchPassages('zebras')).toHaveLength(0);
  });

  it('reports a broken file by name, from the corpus and again from the snapshot', () => {
    const corpusDir = corpusCopy({ 'broken.md': articleFile({ title: 'Broken', source: 'Test' }, 'Text.') });
    const dataDir = temporaryDir();
    for (const expected of ['corpus', 'snapshot']) {
      const lines: string[] = [];
      const library = openLibrary({ corpusDir, configDir: CONFIG_DIR, dataDir, useSnapshot: true }, createLogger('info', [], (l) => lines.push(l)));
      expect(library.loadedFrom).toBe(expected);
      expect(library.engine.articleCount).toBe(5);
      expect(lines).toEqual(['[warn] corpus file broken.md skipped: published: missing']);
    }
  });

  it('ignores a corrupt snapshot and rebuilds', () => {
    const corpusDir = corpusCopy();
    const dataDir = temporaryDir();
    writeFileSync(join(dataDir, SNAPSHOT_FILE), '{"fingerprint": "trunc');
    expect(open(corpusDir, dataDir).loadedFrom).toBe('corpus');
  });

  it('removes the JSON Lines snapshot of earlier versions once it has written its own', () => {
    const corpusDir = corpusCopy();
    const dataDir = temporaryDir();
    writeFileSync(join(dataDir, 'index-snapshot.json'), '{"fingerprint":"old"}\n');
    open(corpusDir, dataDir);
    expect(existsSync(join(dataDir, 'index-snapshot.json'))).toBe(false);
    expect(existsSync(join(dataDir, SNAPSHOT_FILE))).toBe(true);
  });

  it('rebuilds from a snapshot cut short, whose fingerprint still matches', () => {
    const corpusDir = corpusCopy();
    const dataDir = temporaryDir();
    open(corpusDir, dataDir);
    const snapshot = readFileSync(join(dataDir, SNAPSHOT_FILE));
    writeFileSync(join(dataDir, SNAPSHOT_FILE), snapshot.subarray(0, snapshot.length - 100));
    const library = open(corpusDir, dataDir);
    expect(library.loadedFrom).toBe('corpus');
    expect(library.engine.articleCount).toBe(5);
  });
});
