import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_LIMITS, type CorpusLimits } from '../../src/corpus/limits';
import { openLibrary, SNAPSHOT_FILE, type Library, type LibraryLocation } from '../../src/library/library';
import { watchCorpus, type CorpusWatcher, type WatchOptions } from '../../src/library/watchCorpus';
import { createLogger, silentLogger } from '../../src/log';
import { eventually } from '../helpers/eventually';
import { articleFile, CONFIG_DIR, corpusCopy, temporaryDir } from '../helpers/fixtures';
import { ALIAS_BOMB, invalidUtf8File, manyKeysFile } from '../helpers/hostileFiles';

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

async function watched(
  options: WatchOptions = FAST,
  beforeWatching: (corpusDir: string) => void = () => undefined,
  corpusLimits: CorpusLimits = DEFAULT_CORPUS_LIMITS,
): Promise<Watched> {
  const location = { corpusDir: corpusCopy(), configDir: CONFIG_DIR, dataDir: temporaryDir(), useSnapshot: true, corpusLimits };
  const lines: string[] = [];
  const log = createLogger('info', [], (l) => lines.push(l));
  const library = openLibrary(location, log);
  beforeWatching(location.corpusDir);
  const watcher = watchCorpus(library, location, log, options);
  watchers.push(watcher);
  await watcher.ready;
  return { location, library, watcher, lines };
}

const write = (dir: string, name: string, text: string | Buffer): void => writeFileSync(join(dir, name), text);
const OKAPIS = articleFile({ title: 'Okapis at the Dnipro', source: 'Test Wire', published: '2025-04-02' }, 'Okapis crossed the Dnipro near Zaporizhzhia on Wednesday.');
const QUOKKAS = articleFile({ title: 'Outside the corpus', source: 'Test Wire', published: '2025-04-03' }, 'Quokkas live outside the corpus folder.');
const problemOf = (library: Library, file: string): string | undefined => library.problems.find((p) => p.file === file)?.problems.join('; ');

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

  describe('a hostile file is named and skipped, and the rest of its batch is indexed', () => {
    it('a YAML alias bomb', async () => {
      const { location, library, lines } = await watched();
      // Written together, so they are applied in one batch; the bomb sorts first.
      write(location.corpusDir, 'a-bomb.md', ALIAS_BOMB);
      write(location.corpusDir, 'okapis.md', OKAPIS);
      write(location.corpusDir, 'zebras.md', ZEBRAS);
      await eventually(() => library.engine.article('okapis') && library.engine.article('zebras'), 'the rest of the batch');
      await eventually(() => problemOf(library, 'a-bomb.md'), 'the bomb to be named');
      expect(problemOf(library, 'a-bomb.md')).toBe('front matter: its YAML aliases expand too far (more than 100 alias uses; an alias bomb?)');
      expect(lines).toContain('[warn] corpus file a-bomb.md skipped: front matter: its YAML aliases expand too far (more than 100 alias uses; an alias bomb?)');
      expect(library.engine.articleCount).toBe(7);
    });

    it('files over the limits', async () => {
      const limits = { maxArticleBytes: 20_000, maxFrontMatterBytes: 8192, maxFrontMatterKeys: 200 };
      const { location, library } = await watched(FAST, () => undefined, limits);
      write(location.corpusDir, 'big.md', articleFile({ title: 'Big', source: 'Test Wire', published: '2025-04-01' }, 'Zebras grazed. '.repeat(2000)));
      write(location.corpusDir, 'keys.md', manyKeysFile(300));
      write(location.corpusDir, 'long.md', articleFile({ title: 'Long', source: 'Test Wire', published: '2025-04-01', published_basis: 'x'.repeat(10_000) }, 'Zebras slept.'));
      write(location.corpusDir, 'zebras.md', ZEBRAS);
      await eventually(() => library.engine.article('zebras') && library.problems.length === 3, 'the three files to be named');
      expect(problemOf(library, 'big.md')).toMatch(/^too large: 30,\d{3} bytes, over the limit of 20,000 \(PARLEY_MAX_ARTICLE_BYTES\)$/u);
      expect(problemOf(library, 'keys.md')).toBe('front matter: 304 keys, over the limit of 200 (PARLEY_MAX_FRONT_MATTER_KEYS)');
      expect(problemOf(library, 'long.md')).toMatch(/^front matter: 10,\d{3} bytes, over the limit of 8,192 \(PARLEY_MAX_FRONT_MATTER_BYTES\)$/u);
      expect(library.engine.articleCount).toBe(6);
    });

    it('a file that is not valid UTF-8', async () => {
      const { location, library, lines } = await watched();
      const { bytes, offset, line } = invalidUtf8File();
      write(location.corpusDir, 'latin1.md', bytes);
      write(location.corpusDir, 'zebras.md', ZEBRAS);
      await eventually(() => library.engine.article('zebras') && problemOf(library, 'latin1.md'), 'the file to be named');
      expect(problemOf(library, 'latin1.md')).toBe(`not valid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`);
      expect(lines).toContain(`[warn] corpus file latin1.md skipped: not valid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`);
      expect(library.engine.article('latin1')).toBeUndefined();
    });
  });

  it('watches a corpus folder that is itself reached through a symbolic link', async () => {
    const location = { corpusDir: join(temporaryDir('parley-link-'), 'corpus'), configDir: CONFIG_DIR, dataDir: temporaryDir(), useSnapshot: false };
    symlinkSync(corpusCopy(), location.corpusDir);
    const library = openLibrary(location, silentLogger);
    const watcher = watchCorpus(library, location, silentLogger, FAST);
    watchers.push(watcher);
    await watcher.ready;
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras'), 'the new article');
    expect(library.problems).toEqual([]);
  });

  it('never follows a symbolic link out of the corpus folder, and names it', async () => {
    const outside = temporaryDir('parley-outside-');
    writeFileSync(join(outside, 'secret.md'), QUOKKAS);
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder', 'more.md'), QUOKKAS);
    const { location, library, lines } = await watched();
    symlinkSync(join(outside, 'secret.md'), join(location.corpusDir, 'secret.md'));
    symlinkSync(join(outside, 'folder'), join(location.corpusDir, 'linked'));
    write(location.corpusDir, 'zebras.md', ZEBRAS);
    await eventually(() => library.engine.article('zebras') && problemOf(library, 'secret.md') && problemOf(library, 'linked'), 'both links to be named');
    expect(library.engine.searchPassages('quokkas')).toEqual([]);
    expect(library.engine.articleCount).toBe(6);
    const notFollowed = 'not followed, corpus files must be regular files inside the corpus folder';
    expect(problemOf(library, 'secret.md')).toBe(`a symbolic link (to ${join(outside, 'secret.md')}): ${notFollowed}`);
    expect(problemOf(library, 'linked')).toBe(`a symbolic link to a folder (${join(outside, 'folder')}): ${notFollowed}`);
    expect(lines).toContain(`[warn] corpus file secret.md skipped: a symbolic link (to ${join(outside, 'secret.md')}): ${notFollowed}`);

    // An article whose file is swapped for a link leaves the index.
    symlinkSync(join(outside, 'secret.md'), join(location.corpusDir, '.swap'));
    renameSync(join(location.corpusDir, '.swap'), join(location.corpusDir, 'zebras.md'));
    await eventually(() => library.engine.article('zebras') === undefined && problemOf(library, 'zebras.md'), 'the swapped article to leave');
    expect(library.engine.searchPassages('quokkas')).toEqual([]);

    // A link removed is no longer a problem.
    rmSync(join(location.corpusDir, 'secret.md'));
    rmSync(join(location.corpusDir, 'linked'));
    await eventually(() => library.problems.map((p) => p.file).join() === 'zebras.md', 'the removed links to be forgotten');
  });
});
