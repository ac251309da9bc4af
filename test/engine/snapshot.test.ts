import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePassages } from '../../src/engine/articleBodies';
import { readSnapshot, writeSnapshot, type BodyDamage } from '../../src/engine/snapshot';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { CONFIG_DIR, seedCorpusLibrary, temporaryDir } from '../helpers/fixtures';
import { flipBytes, snapshotLayout } from '../helpers/snapshotFile';

const vocabulary = loadVocabulary(CONFIG_DIR);
const engine = seedCorpusLibrary().engine;

function written(): string {
  const path = join(temporaryDir('parley-snapshot-'), 'index.snapshot');
  writeSnapshot(path, 'fingerprint', [], engine);
  return path;
}

describe('index snapshots', () => {
  it('say whether they are missing, stale or damaged', () => {
    const path = written();
    expect(readSnapshot(path, 'fingerprint', vocabulary).status).toBe('loaded');
    expect(readSnapshot(path, 'another fingerprint', vocabulary)).toEqual({ status: 'stale' });
    expect(readSnapshot(`${path}.absent`, 'fingerprint', vocabulary)).toEqual({ status: 'missing' });

    const bytes = readFileSync(path);
    const [identity, ...rest] = bytes.toString('latin1').split('\n');
    writeFileSync(path, Buffer.from([identity!.replace('parley-snapshot/4', 'parley-snapshot/3'), ...rest].join('\n'), 'latin1'));
    expect(readSnapshot(path, 'fingerprint', vocabulary)).toEqual({ status: 'stale' });

    writeFileSync(path, bytes);
    flipBytes(path, snapshotLayout(path).arrays, 1);
    expect(readSnapshot(path, 'fingerprint', vocabulary)).toEqual({ status: 'damaged', reason: 'its index does not match its checksum' });
    writeFileSync(path, bytes.subarray(0, bytes.length - 1));
    expect(readSnapshot(path, 'fingerprint', vocabulary)).toEqual({ status: 'damaged', reason: 'it is shorter than its table of contents says' });
  });

  it('check each body when it is read: a damaged one is never decoded but recovered, and the file removed', () => {
    const path = written();
    const [damaged, intact] = snapshotLayout(path).bodies;
    const damagedArticle = engine.article(damaged!.articleId);
    const intactArticle = engine.article(intact!.articleId);
    flipBytes(path, damaged!, 1);
    const damages: BodyDamage[] = [];
    const read = readSnapshot(path, 'fingerprint', vocabulary, (damage) => {
      damages.push(damage);
      return encodePassages(damagedArticle!.passages);
    });
    if (read.status !== 'loaded') throw new Error(read.status);
    expect(read.engine.article(intactArticle!.id)!.passages).toEqual(intactArticle!.passages);
    expect(damages).toEqual([]);
    expect(read.engine.article(damagedArticle!.id)!.passages).toEqual(damagedArticle!.passages);
    expect(damages).toEqual([{ article: expect.objectContaining({ id: damagedArticle!.id, file: damagedArticle!.file }), reason: 'it does not match its checksum', first: true, removed: true }]);
    expect(existsSync(path)).toBe(false);
  });

  it('leave a newer snapshot written over theirs in place', () => {
    const path = written();
    const [damaged] = snapshotLayout(path).bodies;
    const original = engine.article(damaged!.articleId)!;
    flipBytes(path, damaged!, 1);
    const read = readSnapshot(path, 'fingerprint', vocabulary, (damage) => {
      expect(damage).toMatchObject({ first: true, removed: false });
      return encodePassages(original.passages);
    });
    if (read.status !== 'loaded') throw new Error(read.status);
    const newer = `${path}.new`;
    writeSnapshot(newer, 'fingerprint', [], engine);
    renameSync(newer, path); // as saving one does
    expect(read.engine.article(original.id)!.passages).toEqual(original.passages);
    expect(readSnapshot(path, 'fingerprint', vocabulary).status).toBe('loaded');
  });

  it('refuse a damaged body when nothing can recover it, rather than decode it', () => {
    const path = written();
    const damaged = snapshotLayout(path).bodies[2]!;
    flipBytes(path, damaged, 64);
    const read = readSnapshot(path, 'fingerprint', vocabulary);
    if (read.status !== 'loaded') throw new Error(read.status);
    const article = read.engine.article(damaged.articleId)!;
    expect(() => article.passages).toThrow(`the text of ${article.file} in the index snapshot is damaged: it does not match its checksum`);
  });
});
