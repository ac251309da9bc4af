import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, SNAPSHOT_FILE, type Library, type LibraryLocation } from '../../src/library/library';
import { watchCorpus, type CorpusWatcher, type WatchOptions } from '../../src/library/watchCorpus';
import { createLogger, silentLogger } from '../../src/log';
import { eventually } from '../helpers/eventually';
import { articleFile, CONFIG_DIR, corpusCopy, temporaryDir } from '../helpers/fixtures';

const FAST: WatchOptions = { settleMs: 300, batchMs: 50, batchMaxMs: 200, snapshotMs: 100, snapshotMaxMs: 500 };
const ZEBRAS = articleFile({ title: 'Zebras at the Dnipro', source: 'Test Wire', published: '2025-04-01' }, 'Zebras crossed the Dnipro near Kherson on Tuesday.');

const watchers: CorpusWatcher[] = [];
afterEach(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.close()));
});

interface Watched {
  location: LibraryLocation;
  library: Library;
  watcher: CorpusWatcher;
  lines: string[];
}

async function watched(options: WatchOptions = FAST, beforeWatching: (corpusDir: string) => void = () => undefined): Promise<Watched> {
  const location = { corpusDir: corpusCopy(), configDir: CONFIG_DIR, dataDir: temporaryDir(), useSnapshot: true };
  const lines: string[] = [];
  const log = createLogger('info', [], (l) => lines.push(l));
  const library = openLibrary(location, log);
  beforeWatching(location.corpusDir);
  const watcher = watchCorpus(library, location, log, options);
  watchers.push(watcher);
  await watcher.ready;
  return { location, library, watcher, lines };
}

const write = (dir: string, name: string, text: string): void => writeFileSync(join(dir, name), text);

describe('watchCorpus', () => {
  it('indexes a new file into the running engine, without rebuilding it', async () => {
    const { location, library, lines } = await watched();
    const engine = library.engine;
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras'), 'the new article');
    expect(library.engine).toBe(engine);
    expect(library.engine.articleCount).toBe(6);
    expect(library.engine.searchPassages('zebras')[0]!.article.id).toBe('zebras');
    expect(lines).toContain('[info] corpus updated: 1 added, 0 changed, 0 removed; 6 articles');
  });

  it('follows edits and deletions', async () => {
    const { location, library } = await watched();
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras'), 'the new article');
    write(location.corpusDir, 'zebras.md', ZEBRAS.replace('Zebras crossed', 'Giraffes crossed'));
    await eventually(() => library.engine.searchPassages('giraffes').length === 1, 'the edit');
    expect(library.engine.article('zebras')!.passages.map((p) => p.sentences[0]!.text)).toEqual(['Giraffes crossed the Dnipro near Kherson on Tuesday.']);
    rmSync(join(location.corpusDir, 'zebras.md'));
    await eventually(() => library.engine.article('zebras') === undefined, 'the deletion');
    expect(library.engine.articleCount).toBe(5);
  });

  it('reports a malformed file and leaves the index alone; a fix is picked up', async () => {
    const { location, library, lines } = await watched();
    const before = library.engine.searchPassages('Kursk').map((hit) => hit.id);
    write(location.corpusDir, 'broken.md', articleFile({ title: 'Broken', source: 'Test' }, 'Zebras crossed the Dnipro.'));
    await eventually(() => library.problems.length === 1, 'the problem report');
    expect(library.problems).toEqual([{ file: 'broken.md', problems: ['published: missing'] }]);
    expect(lines).toContain('[warn] corpus file broken.md skipped: published: missing');
    expect(library.engine.articleCount).toBe(5);
    expect(library.engine.searchPassages('Kursk').map((hit) => hit.id)).toEqual(before);

    write(location.corpusDir, 'broken.md', ZEBRAS);
    await eventually(() => library.engine.article('broken'), 'the fixed article');
    expect(library.problems).toEqual([]);
  });

  it('drops an article whose file an edit has broken, so no quote outlives its text', async () => {
    const { location, library, lines } = await watched();
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras'), 'the new article');
    write(location.corpusDir, 'zebras.md', ZEBRAS.replace('published: "2025-04-01"', 'published: "April"'));
    await eventually(() => library.engine.article('zebras') === undefined, 'the broken article to leave the index');
    expect(lines).toContain(
      '[warn] corpus file zebras.md skipped: published: must be an ISO date (YYYY-MM-DD) (its earlier version is no longer answered from)',
    );
  });

  it('does not read a file that is still being written', async () => {
    const { location, library, lines } = await watched({ ...FAST, settleMs: 1500 });
    const [head, tail] = [ZEBRAS.slice(0, 30), ZEBRAS.slice(30)];
    write(location.corpusDir, 'slow.md', head);
    await sleep(200);
    appendFileSync(join(location.corpusDir, 'slow.md'), tail);
    await eventually(() => library.engine.article('slow'), 'the finished file');
    expect(lines.filter((l) => l.includes('skipped'))).toEqual([]);
    expect(library.problems).toEqual([]);
  });

  it('ignores hidden temporary files and files that are not Markdown', async () => {
    const { location, library } = await watched();
    write(location.corpusDir, '.zebras.md.123.tmp', ZEBRAS);
    write(location.corpusDir, 'notes.txt', 'not an article');
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras'), 'the article');
    expect(library.engine.articleCount).toBe(6);
    expect(library.problems).toEqual([]);
  });

  it('catches up with files added before it started watching', async () => {
    const { library } = await watched(FAST, (dir) => write(dir, 'early.md', ZEBRAS));
    await eventually(() => library.engine.article('early'), 'the early article');
  });

  it('refreshes the snapshot, so the next start has the new article without a rebuild', async () => {
    const { location, library } = await watched();
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras'), 'the new article');
    await eventually(() => readFileSync(join(location.dataDir, SNAPSHOT_FILE), 'utf8').includes('Zebras crossed the Dnipro'), 'the snapshot');
    const reopened = openLibrary(location, silentLogger);
    expect(reopened.loadedFrom).toBe('snapshot');
    expect(reopened.engine.article('zebras')?.title).toBe('Zebras at the Dnipro');
  });

  it('writes a pending snapshot when it is closed', async () => {
    const { location, library, watcher } = await watched({ ...FAST, snapshotMs: 60_000, snapshotMaxMs: 60_000 });
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras'), 'the new article');
    await watcher.close();
    expect(openLibrary(location, silentLogger)).toMatchObject({ loadedFrom: 'snapshot' });
  });
});
