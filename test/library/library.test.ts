import { existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_LIMITS } from '../../src/corpus/limits';
import { openLibrary, SNAPSHOT_FILE, type Library } from '../../src/library/library';
import { createLogger, silentLogger } from '../../src/log';
import { escapeRegExp } from '../../src/text/escapeRegExp';
import { articleFile, CONFIG_DIR, corpusCopy, temporaryDir } from '../helpers/fixtures';
import { flipBytes, snapshotLayout, swapLetterCase, type SnapshotLayout } from '../helpers/snapshotFile';

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

  it('names a symbolic link out of the corpus folder at every start, from the corpus and from the snapshot, once', () => {
    const outside = temporaryDir('parley-outside-');
    writeFileSync(join(outside, 'secret.md'), articleFile({ title: 'Secret', source: 'Test', published: '2025-04-01' }, 'Quokkas guard the secret.'));
    const corpusDir = corpusCopy();
    symlinkSync(join(outside, 'secret.md'), join(corpusDir, 'secret.md'));
    const dataDir = temporaryDir();
    for (const expected of ['corpus', 'snapshot']) {
      const lines: string[] = [];
      const library = openLibrary({ corpusDir, configDir: CONFIG_DIR, dataDir, useSnapshot: true }, createLogger('info', [], (l) => lines.push(l)));
      expect(library.loadedFrom).toBe(expected);
      expect(library.engine.searchPassages('quokkas')).toEqual([]);
      expect(library.problems.map((p) => p.file)).toEqual(['secret.md']);
      expect(lines).toEqual([
        `[warn] corpus file secret.md skipped: a symbolic link (to ${join(outside, 'secret.md')}): not followed, corpus files must be regular files inside the corpus folder`,
      ]);
    }
  });

  it('rebuilds when the corpus limits change, so a file skipped under one loads under another', () => {
    const corpusDir = corpusCopy();
    const dataDir = temporaryDir();
    const location = { corpusDir, configDir: CONFIG_DIR, dataDir, useSnapshot: true };
    // Under 8 KB, the longest seed article (9 KB) is skipped.
    const strict = openLibrary({ ...location, corpusLimits: { ...DEFAULT_CORPUS_LIMITS, maxArticleBytes: 8000 } }, silentLogger);
    expect(strict.engine.articleCount).toBe(4);
    expect(strict.problems[0]!.problems[0]).toMatch(/^too large: 9,\d{3} bytes, over the limit of 8,000 \(PARLEY_MAX_ARTICLE_BYTES\)$/u);
    const relaxed = openLibrary(location, silentLogger);
    expect(relaxed.loadedFrom).toBe('corpus');
    expect(relaxed.engine.articleCount).toBe(5);
    expect(relaxed.problems).toEqual([]);
  });
});

describe('a damaged snapshot', () => {
  /** A snapshot of the seed corpus, and the articles as built from the corpus files, to compare with. */
  function damageable() {
    const corpusDir = corpusCopy();
    const dataDir = temporaryDir();
    const built = open(corpusDir, dataDir);
    const path = join(dataDir, SNAPSHOT_FILE);
    const expected = built.engine.articles().map((article) => ({ ...article, passages: article.passages }));
    return { corpusDir, dataDir, path, expected, layout: snapshotLayout(path) };
  }

  function openLogged(corpusDir: string, dataDir: string) {
    const lines: string[] = [];
    const library = openLibrary({ corpusDir, configDir: CONFIG_DIR, dataDir, useSnapshot: true }, createLogger('info', [], (l) => lines.push(l)));
    return { library, lines };
  }

  const everyArticle = (library: Library) => library.engine.articles().map((article) => ({ ...article, passages: article.passages }));

  it.each([
    ['64 bytes flipped in the index arrays', (path: string, layout: SnapshotLayout) => flipBytes(path, layout.arrays)],
    ['letters changed in the header (still valid JSON)', (path: string, layout: SnapshotLayout) => swapLetterCase(path, layout.header)],
  ])('is rebuilt at start-up, with a warning naming it: %s', (_damage, damage) => {
    const { corpusDir, dataDir, path, expected, layout } = damageable();
    damage(path, layout);
    const { library, lines } = openLogged(corpusDir, dataDir);
    expect(library.loadedFrom).toBe('corpus');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^\\[warn\\] the index snapshot ${escapeRegExp(path)} is damaged .*rebuilding it from the corpus`, 'u'))]);
    expect(everyArticle(library)).toEqual(expected);
    // Rewritten whole: the next start uses it.
    expect(openLogged(corpusDir, dataDir).library.loadedFrom).toBe('snapshot');
  });

  it.each([
    ['64 bytes flipped in every article body', flipBytes],
    ['letters changed in every article body (still valid JSON, different text)', swapLetterCase],
  ])('never quotes a damaged body: %s', (_damage, damage) => {
    const { corpusDir, dataDir, path, expected, layout } = damageable();
    for (const body of layout.bodies) damage(path, body);
    const { library, lines } = openLogged(corpusDir, dataDir);
    // Bodies are read when needed: each damaged one is read again from its corpus file instead.
    expect(everyArticle(library)).toEqual(expected);
    const answer = library.answers.select('What did Putin say about the 30-day ceasefire?');
    expect(JSON.stringify(answer)).toContain('conditional support for the 30-day cease-fire proposal');
    expect(lines[0]).toMatch(new RegExp(`^\\[warn\\] the index snapshot ${escapeRegExp(path)} is damaged .*removed, so that the next start rebuilds it`, 'u'));
    expect(lines.filter((line) => line.startsWith('[warn]'))).toHaveLength(1 + expected.length);
    expect(existsSync(path)).toBe(false);
    expect(openLogged(corpusDir, dataDir).library.loadedFrom).toBe('corpus');
  });
});
