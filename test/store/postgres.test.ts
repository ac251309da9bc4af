import { existsSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textHash } from '../../src/library/sharedArticles';
import { silentLogger } from '../../src/log';
import { MIGRATIONS } from '../../src/store/migrations';
import { openPostgresStorage } from '../../src/store/postgres/storage';
import { DATABASE_FILE } from '../../src/store/sqlite/database';
import type { Storage } from '../../src/store/storage';
import { temporaryDir } from '../helpers/fixtures';
import { queryPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { runBot } from '../helpers/runBot';
import { DIGEST_RUN, DigestBots } from '../helpers/slack/digestRun';
import { FakeSlack } from '../helpers/slack/fakeSlack';

/**
 * With PARLEY_DATABASE_URL, the real process keeps its state in Postgres (a real server on
 * loopback) and none in its data folder; a Postgres it cannot use stops start-up, saying why.
 */
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());


const sqliteFiles = (dataDir: string) => (existsSync(dataDir) ? readdirSync(dataDir).filter((file) => file.startsWith(DATABASE_FILE)) : []);

describe('Postgres storage', { timeout: 90_000 }, () => {
  const opened: Storage[] = [];
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
  });

  it('is migrated once when several replicas start on an empty database at the same moment', async () => {
    const url = await server.createDatabase();
    opened.push(...(await Promise.all([1, 2, 3].map(() => openPostgresStorage(url, silentLogger)))));
    const applied = await queryPostgres<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = await queryPostgres<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    expect(tables.map((row) => row.tablename)).toEqual(['articles', 'corpus_articles', 'deliveries', 'digest_runs', 'feed_state', 'installations', 'leases', 'schema_migrations', 'subscriptions']);
    expect(await queryPostgres(url, 'SELECT * FROM installations')).toEqual([]);
  });

  it('takes the same corpus imported by several replicas at the same moment, each file once, failing none of them', async () => {
    // Writers hold one lock: without it, two inserting a file at the same moment could break its unique name (seen once in CI).
    const url = await server.createDatabase();
    const replicas = await Promise.all([1, 2, 3].map(() => openPostgresStorage(url, silentLogger)));
    opened.push(...replicas);
    const files = Array.from({ length: 300 }, (_, i) => {
      const text = `---\ntitle: Article ${i}\n---\nPutin said on day ${i} that talks would go on.\n`;
      return { file: `article-${i}.md`, text, hash: textHash(text), urlKey: null, contentHash: `content-${i}` };
    });
    const written = await Promise.all(replicas.map((replica) => replica.articles!.importFiles(files)));
    // Each file is written by one replica; the others find it there already, with the same text.
    expect(written.flat().sort()).toEqual(files.map((f) => f.file).sort());
    expect(await queryPostgres<{ count: string }>(url, 'SELECT count(*) FROM articles')).toEqual([{ count: '300' }]);
  });

  it('is used by the real process when PARLEY_DATABASE_URL is set: nothing is written to SQLite', async () => {
    const url = await server.createDatabase();
    const dataDir = temporaryDir('parley-pg-data-');
    const run = await runBot(['digest', 'preview'], { env: { PARLEY_DATA_DIR: dataDir, PARLEY_DATABASE_URL: url } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('new article in the most recent day of coverage');
    const [{ count }] = (await queryPostgres<{ count: number }>(url, 'SELECT count(*)::int AS count FROM corpus_articles')) as [{ count: number }];
    expect(count).toBeGreaterThan(0);
    expect(sqliteFiles(dataDir)).toEqual([]);
  });

  it('stops start-up naming the setting, with the password hidden, when the server cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there (tcpmux is never run), so the connection is refused at once.
    const url = 'postgres://parley:S3cretPassw0rd@127.0.0.1:1/parley';
    const run = await runBot(['sources'], { env: { PARLEY_DATABASE_URL: url } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('PARLEY_DATABASE_URL');
    expect(run.stderr).toMatch(/cannot be used: .*ECONNREFUSED/u);
    expect(run.stderr).not.toContain('S3cretPassw0rd');
  });

  it('exits when the server cannot be reached even with the health endpoints already up, which would otherwise keep it alive', async () => {
    const run = await runBot(['sources'], { env: { PARLEY_DATABASE_URL: 'postgres://parley@127.0.0.1:1/parley', PARLEY_HEALTH_PORT: '0' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('health endpoints on');
    expect(run.stderr).toMatch(/Parley could not start: the database .*cannot be used/u);
  });

  it('refuses a URL that is not a Postgres one, before anything starts', async () => {
    const run = await runBot(['sources'], { env: { PARLEY_DATABASE_URL: 'mysql://root:pw@db/parley' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Setting PARLEY_DATABASE_URL is invalid: must be a Postgres URL');
    expect(run.stderr).not.toContain('root:pw');
  });
});

describe('a digest kept in Postgres', { timeout: 120_000 }, () => {
  let fake: FakeSlack;
  let bots: DigestBots;
  afterEach(async () => {
    await bots.stopAll();
    await fake.close();
  });

  it('is subscribed by one bot process and posted, once, by another with a data folder of its own', async () => {
    fake = await FakeSlack.start();
    bots = new DigestBots(fake);
    const url = await server.createDatabase();
    const env = { PARLEY_DATABASE_URL: url };
    const subscribingDir = temporaryDir('parley-pg-first-');
    await bots.subscribeAtSeven(subscribingDir, env);

    const postingDir = temporaryDir('parley-pg-second-');
    const posting = bots.start(postingDir, '2025-03-21T08:00:30Z', { PARLEY_LOG_LEVEL: 'info', ...env });
    await posting.waitForLog(/digest: posted to slack channel C0NEWS/u);
    expect(bots.posted()).toHaveLength(1);
    const runs = await queryPostgres<{ state: string; message_ids: string }>(url, 'SELECT state, message_ids FROM digest_runs WHERE scheduled_for = $1', [DIGEST_RUN.scheduledFor]);
    expect(runs).toEqual([{ state: 'posted', message_ids: JSON.stringify(bots.posted().map((m) => m.ts)) }]);
    expect([...sqliteFiles(subscribingDir), ...sqliteFiles(postingDir)]).toEqual([]);
  });
});
