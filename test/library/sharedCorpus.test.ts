import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_LIMITS } from '../../src/corpus/limits';
import { contentHash } from '../../src/ingest/dedupe';
import { SharedArticleStore } from '../../src/ingest/sharedArticleStore';
import { importCorpusFolder } from '../../src/library/importCorpusFolder';
import { SHARED_CORPUS_FOLDER } from '../../src/library/sharedCorpus';
import { openPostgresStorage } from '../../src/store/postgres/storage';
import { silentLogger } from '../../src/log';
import { captureLog } from '../helpers/capturedLog';
import { invalidUtf8File } from '../helpers/hostileFiles';
import { textHash } from '../../src/library/sharedArticles';
import { LISTENER_APPLICATION_NAME } from '../../src/store/postgres/articles';
import { eventually } from '../helpers/eventually';
import { startFakeSite, type FakeSite } from '../helpers/fakeSite';
import { articleFile, corpusCopy, temporaryDir } from '../helpers/fixtures';
import { BLACK_SEA_TALKS, PRISONER_EXCHANGE, PRISONER_EXCHANGE_PARTNER_COPY, REASSURANCE_FORCE } from '../helpers/newsStories';
import { queryPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { startPipedBot, startScript, type PipedBot } from '../helpers/runBot';

/**
 * With PARLEY_DATABASE_URL, the articles live in Postgres: two real bot processes on one real
 * server, each with a data folder of its own, answer from the same corpus, and what one
 * ingests the other answers from, without a restart.
 */
let server: TestPostgres;
let site: FakeSite;
let databaseUrl: string;
const running = new Set<PipedBot>();

beforeAll(async () => {
  [server, site] = await Promise.all([startTestPostgres(), startFakeSite()]);
  databaseUrl = await server.createDatabase();
}, 60_000);
afterAll(async () => {
  for (const bot of running) await bot.stop();
  await site?.close();
  await server?.stop();
});

const sql = <Row extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<Row[]> => queryPostgres<Row>(databaseUrl, text, params);

/** A replica: the real entry point on the shared database, with its own data folder and corpus folder. */
async function startReplica(corpusDir: string, dataDir: string): Promise<PipedBot> {
  const bot = startPipedBot({
    PARLEY_DATABASE_URL: databaseUrl,
    PARLEY_CORPUS_DIR: corpusDir,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_FETCH_ALLOW_PRIVATE: '127.0.0.1',
    PARLEY_LOG_LEVEL: 'debug',
  });
  running.add(bot);
  await bot.send('sources'); // the first reply: it has loaded its corpus and answers
  return bot;
}

async function stopReplica(bot: PipedBot): Promise<void> {
  running.delete(bot);
  expect(await bot.stop()).toBe(0);
}

const articleCount = async (bot: PipedBot): Promise<number> => Number(/^The corpus holds (\d+) articles/u.exec(String((await bot.send('sources')).text))?.[1]);

/** The citation quoting `quote` in the bot's answer to `question`, or undefined. */
async function citationOf(bot: PipedBot, question: string, quote: string): Promise<{ quote: string; title: string; articleId: string } | undefined> {
  const reply = await bot.send(`ask ${question}`);
  return ((reply.citations ?? []) as { quote: string; title: string; articleId: string }[]).find((c) => c.quote.includes(quote));
}

const answered = (bot: PipedBot, question: string, quote: string) => eventually(() => citationOf(bot, question, quote), `an answer quoting “${quote}”`);

const BLACK_SEA_QUESTION = 'What did Rubio say about an inspection regime?';
const BLACK_SEA_QUOTE = 'wanted an inspection regime for merchant ships';
const SEED_QUESTION = 'What did Putin say about the 30-day ceasefire?';

describe('the corpus shared by two replicas', { timeout: 120_000 }, () => {
  const firstData = temporaryDir('parley-shared-first-', 'file');
  const secondData = temporaryDir('parley-shared-second-', 'file');
  const firstCorpus = corpusCopy({}, 'file');
  /** The second replica has no corpus folder of its own: all it answers from comes from the database. */
  const secondCorpus = temporaryDir('parley-shared-empty-', 'file');
  let first: PipedBot;
  let second: PipedBot;
  let seedCount = 0;

  it('is imported from the first replica’s corpus folder, and the second answers from it', async () => {
    first = await startReplica(firstCorpus, firstData);
    seedCount = await articleCount(first);
    expect(seedCount).toBeGreaterThan(0);
    expect(first.stderr()).toMatch(new RegExp(`corpus folder .*: ${seedCount} of its ${seedCount} files imported into the database \\(table articles\\)`, 'u'));
    second = await startReplica(secondCorpus, secondData);
    expect(await articleCount(second)).toBe(seedCount);
    expect(await second.send(`ask ${SEED_QUESTION}`)).toMatchObject({ abstained: false });
    expect(readdirSync(secondCorpus)).toEqual([]);
  });

  it('answers on the second replica, without a restart, an article ingested on the first', async () => {
    const reply = await first.send(`ingest ${site.url(BLACK_SEA_TALKS.path)}`);
    expect(reply.ingested).toMatchObject([{ outcome: 'added' }]);
    const citation = await answered(second, BLACK_SEA_QUESTION, BLACK_SEA_QUOTE);
    expect(citation.title).toBe(BLACK_SEA_TALKS.headline);
    // The article is in the database; the first replica's corpus folder is left as it was.
    const [row] = await sql<{ file: string }>('SELECT file FROM articles WHERE url_key LIKE $1', ['%black-sea-truce-talks-resume-in-riyadh']);
    expect(row?.file).toMatch(/^2025-03-26-black-sea-truce-talks-to-resume-in-riyadh-rubio-says\.md$/u);
    expect(existsSync(join(firstCorpus, row!.file))).toBe(false);
    // Either replica knows it is there: ingesting it again is a duplicate.
    const again = await second.send(`ingest ${site.url(BLACK_SEA_TALKS.path)}`);
    expect(again.ingested).toMatchObject([{ outcome: 'duplicate', articleId: row!.file.replace(/\.md$/u, '') }]);
  });

  it('stops answering, on both replicas, from an article deleted in the database', async () => {
    const { articleId } = (await citationOf(second, BLACK_SEA_QUESTION, BLACK_SEA_QUOTE))!;
    await sql("UPDATE articles SET deleted_at = now()::text WHERE article_id = $1", [articleId]);
    for (const bot of [first, second]) {
      await eventually(async () => (await citationOf(bot, BLACK_SEA_QUESTION, BLACK_SEA_QUOTE)) === undefined, 'the deleted article to go');
      expect(await articleCount(bot)).toBe(seedCount);
    }
  });

  it('names a broken article and an unusable file name, skips them, and answers from the rest', async () => {
    await addArticle('broken.md', articleFile({ title: 'Broken', source: 'Test Wire' }, 'Okapis crossed the Dnipro.'));
    await addArticle('../outside.md', articleFile({ title: 'Outside', source: 'Test Wire', published: '2025-04-02' }, 'Quokkas live outside the corpus folder, the ranger said.'));
    await addArticle('zebras.md', articleFile({ title: 'Zebras at the Dnipro', source: 'Test Wire', published: '2025-04-01' }, 'Zebras crossed the Dnipro near Kherson on Tuesday, the governor said.'));
    await answered(second, 'Did zebras cross the Dnipro?', 'Zebras crossed the Dnipro near Kherson');
    for (const warning of [
      '[warn] corpus file broken.md skipped: published: missing',
      '[warn] shared article ../outside.md skipped: its file name is not a path inside a corpus folder',
    ]) {
      await eventually(() => second.stderr().includes(warning), warning);
    }
    expect(existsSync(join(secondData, 'outside.md'))).toBe(false);
    expect(await second.send(`ask ${SEED_QUESTION}`)).toMatchObject({ abstained: false });
    expect((await second.send('sources')).text).toContain('1 corpus file was skipped because of errors');
  });

  it('answers from the new text of an article changed in the database, and no longer from the old', async () => {
    const text = articleFile({ title: 'Zebras at the Dnipro', source: 'Test Wire', published: '2025-04-01' }, 'Zebras swam across the Dnipro near Kherson on Thursday, the governor said.');
    await sql('UPDATE articles SET text = $2, text_hash = $3, updated_at = now()::text WHERE file = $1', ['zebras.md', text, textHash(text)]);
    for (const bot of [first, second]) {
      await answered(bot, 'Did zebras swim across the Dnipro?', 'Zebras swam across the Dnipro near Kherson');
      expect(await citationOf(bot, 'Did zebras cross the Dnipro?', 'Zebras crossed the Dnipro near Kherson')).toBeUndefined();
    }
  });

  it('catches up, after its listening connection is lost, with what was written meanwhile', async () => {
    await sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [LISTENER_APPLICATION_NAME]);
    await eventually(() => second.stderr().includes('the connection listening for corpus changes failed'), 'the lost connection to be noticed');
    // Written while no replica listens (the connection is reopened a second later): nothing announces it to them.
    await addArticle('okapis.md', articleFile({ title: 'Okapis at the Dnipro', source: 'Test Wire', published: '2025-04-02' }, 'Okapis crossed the Dnipro near Zaporizhzhia on Wednesday, the mayor said.'));
    await eventually(() => second.stderr().includes('listening for corpus changes again'), 'the connection to be reopened');
    await answered(second, 'Did okapis cross the Dnipro?', 'Okapis crossed the Dnipro near Zaporizhzhia');
  });

  it('loads, when a replica restarts, the corpus from the database, with what was written while it was down', async () => {
    await stopReplica(second);
    const reply = await first.send(`ingest ${site.url(REASSURANCE_FORCE.path)}`);
    expect(reply.ingested).toMatchObject([{ outcome: 'added' }]);
    second = await startReplica(secondCorpus, secondData);
    await answered(second, 'Who sketched a reassurance force?', 'planners met in Paris this week to sketch a reassurance force');
    await answered(second, 'Did okapis cross the Dnipro?', 'Okapis crossed the Dnipro near Zaporizhzhia');
    // Its copy of the corpus is what the database holds, and nothing else.
    const stored = await sql<{ file: string }>("SELECT file FROM articles WHERE deleted_at IS NULL AND file NOT LIKE '../%' ORDER BY file");
    expect(readdirSync(join(secondData, SHARED_CORPUS_FOLDER)).filter((file) => !file.startsWith('.')).sort()).toEqual(stored.map((row) => row.file));
  });

  it('stores what `npm run ingest` adds in the database, whence the running replicas answer from it', async () => {
    const env = { PARLEY_DATABASE_URL: databaseUrl, PARLEY_CORPUS_DIR: secondCorpus, PARLEY_FETCH_ALLOW_PRIVATE: '127.0.0.1' };
    const run = startScript('scripts/ingest.ts', [site.url(PRISONER_EXCHANGE.path), site.url(PRISONER_EXCHANGE_PARTNER_COPY.path), '--json'], env);
    run.child.stdin?.end();
    const { code, stdout } = await run.exited;
    expect(code).toBe(0);
    const outcomes = stdout.trim().split('\n').map((line) => (JSON.parse(line) as { ingested: { outcome: string }[] }).ingested[0]?.outcome);
    // The partner's copy has the same text: the database already has it.
    expect(outcomes).toEqual(['added', 'duplicate']);
    expect(readdirSync(secondCorpus)).toEqual([]);
    for (const bot of [first, second]) await answered(bot, 'Who brokered the prisoner exchange?', 'in an exchange brokered by the United Arab Emirates');
  });

  it('imports the corpus folder once: a replica restarted with the same folder imports nothing, and brings back no deleted article', async () => {
    const [seed] = await sql<{ article_id: string; file: string }>("SELECT article_id, file FROM articles WHERE file NOT LIKE '2025-03-26-black-sea%' AND file NOT IN ('broken.md', 'zebras.md', 'okapis.md', '../outside.md') ORDER BY file LIMIT 1");
    expect(existsSync(join(firstCorpus, seed!.file))).toBe(true);
    await sql('UPDATE articles SET deleted_at = now()::text WHERE article_id = $1', [seed!.article_id]);
    const listed = async (bot: PipedBot) => ((await bot.send('sources')).articles as { id: string }[]).map((article) => article.id);
    for (const bot of [first, second]) await eventually(async () => !(await listed(bot)).includes(seed!.article_id), 'the deleted article to go');
    const before = await sql<{ file: string; updated_at: string }>('SELECT file, updated_at FROM articles ORDER BY file');
    const countBefore = await articleCount(second);
    await stopReplica(first);
    first = await startReplica(firstCorpus, firstData);
    expect(first.stderr()).toMatch(new RegExp(`corpus folder .*: 0 of its ${seedCount} files imported`, 'u'));
    expect(await sql('SELECT file, updated_at FROM articles ORDER BY file')).toEqual(before);
    expect(await articleCount(first)).toBe(countBefore);
  });
});

describe('importing a corpus folder into the shared corpus', { timeout: 60_000 }, () => {
  it('names and skips the files it cannot read, imports the rest once, and a changed file again', async () => {
    const url = await server.createDatabase();
    const { log, lines } = captureLog('debug');
    const storage = await openPostgresStorage(url, log);
    try {
      const articles = storage.articles!;
      const dir = temporaryDir('parley-import-');
      const outside = temporaryDir('parley-import-outside-');
      const good = articleFile({ title: 'Zebras', source: 'Test Wire', published: '2025-04-01', url: 'https://example.com/zebras?utm_source=x' }, 'Zebras crossed the Dnipro.');
      writeFileSync(join(dir, 'zebras.md'), good);
      writeFileSync(join(dir, 'no-date.md'), articleFile({ title: 'No date', source: 'Test Wire' }, 'Okapis crossed the Dnipro.'));
      writeFileSync(join(dir, 'latin1.md'), invalidUtf8File().bytes);
      writeFileSync(join(dir, 'huge.md'), articleFile({ title: 'Huge', source: 'Test Wire', published: '2025-04-01' }, 'Words. '.repeat(400)));
      writeFileSync(join(outside, 'secret.md'), good);
      symlinkSync(join(outside, 'secret.md'), join(dir, 'secret.md'));
      const limits = { ...DEFAULT_CORPUS_LIMITS, maxArticleBytes: 2048 };

      await importCorpusFolder(dir, articles, limits, log);
      for (const skipped of ['corpus file huge.md not imported: too large', 'corpus file latin1.md not imported: not valid UTF-8', 'corpus file secret.md not imported: a symbolic link']) {
        expect(lines.some((line) => line.includes(skipped))).toBe(true);
      }
      // A file that reads but fails validation is imported: every replica names and skips it, as it would the file.
      expect([...(await articles.hashes()).keys()].sort()).toEqual(['no-date.md', 'zebras.md']);
      expect(await articles.dedupeKeys()).toContainEqual({ file: 'zebras.md', urlKey: 'example.com/zebras', contentHash: expect.any(String) as string });

      await importCorpusFolder(dir, articles, limits, log);
      expect(lines.filter((line) => line.includes('0 of its 4 files imported'))).toHaveLength(1);

      const changed = good.replace('crossed', 'swam across');
      writeFileSync(join(dir, 'zebras.md'), changed);
      await importCorpusFolder(dir, articles, limits, log);
      expect((await articles.texts(['zebras.md'])).get('zebras.md')).toEqual({ text: changed, hash: textHash(changed) });
    } finally {
      await storage.close();
    }
  });
});

describe('ingesting into the shared corpus', { timeout: 60_000 }, () => {
  it('stores one story once when two replicas ingest it at the same moment, under two URLs', async () => {
    const url = await server.createDatabase();
    const [one, two] = await Promise.all([openPostgresStorage(url, silentLogger), openPostgresStorage(url, silentLogger)]);
    try {
      const lines = ['Russia and Ukraine each released 175 prisoners of war on Friday.', 'The Emirati foreign ministry said the swap was the thirteenth it had mediated.'];
      const draft = (source: string) => ({ frontMatter: { title: 'Prisoner exchange frees 175', source, published: '2025-03-28', url: `https://${source}/swap` }, lines });
      const stores = [new SharedArticleStore(one.articles!), new SharedArticleStore(two.articles!)];
      const dedupes = await Promise.all(stores.map((store) => store.dedupeIndex()));
      const outcomes = await Promise.all(
        ['wire.example', 'partner.example'].map((source, i) => {
          const d = draft(source);
          return stores[i]!.store(d, { url: d.frontMatter.url, hash: contentHash(lines.join('\n'), d.frontMatter.title) }, dedupes[i]!);
        }),
      );
      expect(outcomes.filter((outcome) => outcome.stored)).toHaveLength(1);
      expect(outcomes.find((outcome) => !outcome.stored)).toMatchObject({ duplicate: { by: 'content', file: '2025-03-28-prisoner-exchange-frees-175.md' } });
      expect([...(await one.articles!.hashes()).keys()]).toEqual(['2025-03-28-prisoner-exchange-frees-175.md']);
      // Another story under the same headline and date gets the next free name.
      const other = { frontMatter: { title: 'Prisoner exchange frees 175', source: 'other.example', published: '2025-03-28' }, lines: ['Another text altogether, about another exchange.'] };
      const third = await stores[1]!.store(other, { url: null, hash: contentHash(other.lines.join('\n'), other.frontMatter.title) }, dedupes[1]!);
      expect(third).toMatchObject({ stored: true, file: '2025-03-28-prisoner-exchange-frees-175-2.md', article: { id: '2025-03-28-prisoner-exchange-frees-175-2' } });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

/** Writes an article straight into the database, as another replica or an operator would. */
async function addArticle(file: string, text: string): Promise<void> {
  await sql(
    'INSERT INTO articles (article_id, file, text, text_hash, updated_at) VALUES ($1, $2, $3, $4, now()::text)',
    [file.replace(/\.md$/u, ''), file, text, textHash(text)],
  );
}
