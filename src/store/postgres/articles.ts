import pg from 'pg';
import { articleIdOf } from '../../corpus/loader';
import type { Duplicate } from '../../ingest/dedupe';
import { textHash, type ArticleListener, type DedupeKeys, type ImportedFile, type ListenHandlers, type SharedArticles, type StoredKeys, type StoredText } from '../../library/sharedArticles';
import type { Logger } from '../../log';
import { inTransaction } from './transaction';

/** The channel the `articles` table's trigger notifies, with the file name written (migration 5). */
export const ARTICLES_CHANNEL = 'parley_articles';

/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'parley-corpus-listener';

/**
 * Held while articles are written, by every replica (any number unique to Parley): while an
 * ingested article is checked for duplicates and stored, and while a corpus folder is
 * imported. Two replicas starting at once import the same files, and `ON CONFLICT` arbitrates
 * only the article id: the same file inserted by both at the same moment broke the unique
 * file name instead, and one replica failed to start.
 */
const INGEST_LOCK = 0x70617269; // "pari"

/** Rows imported in one statement: large enough for a fast first import, small enough to stay far from Postgres's parameter limits. */
const IMPORT_BATCH = 500;

/** A lost listening connection is reopened after 1 s, then 2, 4 … at most this long apart. */
const MAX_RECONNECT_MS = 30_000;

/** The shared corpus in the `articles` table: each corpus file's text, and a trigger that notifies every replica of each write. */
export class PostgresArticles implements SharedArticles {
  readonly location = 'the database (table articles)';

  constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly log: Logger,
  ) {}

  async hashes({ includeDeleted = false } = {}): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ file: string; text_hash: string }>(
      `SELECT file, text_hash FROM articles${includeDeleted ? '' : ' WHERE deleted_at IS NULL'}`,
    );
    return new Map(rows.map((row) => [row.file, row.text_hash]));
  }

  async texts(files: readonly string[]): Promise<Map<string, StoredText>> {
    const { rows } = await this.pool.query<{ file: string; text: string; text_hash: string }>(
      'SELECT file, text, text_hash FROM articles WHERE file = ANY($1) AND deleted_at IS NULL',
      [[...files]],
    );
    return new Map(rows.map((row) => [row.file, { text: row.text, hash: row.text_hash }]));
  }

  async importFiles(files: readonly ImportedFile[]): Promise<string[]> {
    const written: string[] = [];
    for (let start = 0; start < files.length; start += IMPORT_BATCH) {
      const batch = files.slice(start, start + IMPORT_BATCH);
      const now = new Date().toISOString();
      // A row is rewritten only when its text differs: the same text, deleted or not, stays as it is.
      const { rows } = await this.#locked((client) =>
        client.query<{ file: string }>(
          `INSERT INTO articles (article_id, file, text, text_hash, url_key, content_hash, updated_at)
           SELECT id, file, text, hash, url_key, content_hash, $7
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS f (id, file, text, hash, url_key, content_hash)
           ON CONFLICT (article_id) DO UPDATE SET
             file = excluded.file, text = excluded.text, text_hash = excluded.text_hash, url_key = excluded.url_key,
             content_hash = excluded.content_hash, updated_at = excluded.updated_at, deleted_at = NULL
           WHERE articles.text_hash <> excluded.text_hash
           RETURNING file`,
          [
            batch.map((f) => articleIdOf(f.file)),
            batch.map((f) => f.file),
            batch.map((f) => f.text),
            batch.map((f) => f.hash),
            batch.map((f) => f.urlKey),
            batch.map((f) => f.contentHash),
            now,
          ],
        ),
      );
      written.push(...rows.map((row) => row.file));
    }
    return written;
  }

  /** Runs `write` in a transaction holding `INGEST_LOCK`. */
  #locked<T>(write: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
      return write(client);
    });
  }

  async dedupeKeys(): Promise<StoredKeys[]> {
    const { rows } = await this.pool.query<{ file: string; url_key: string | null; content_hash: string | null }>(
      'SELECT file, url_key, content_hash FROM articles WHERE deleted_at IS NULL',
    );
    return rows.map((row) => ({ file: row.file, urlKey: row.url_key, contentHash: row.content_hash }));
  }

  async add(base: string, text: string, keys: DedupeKeys): Promise<{ added: true; file: string } | { added: false; duplicate: Duplicate }> {
    return this.#locked(async (client) => {
      const { rows: same } = await client.query<{ file: string; by: Duplicate['by'] }>(
        `SELECT file, CASE WHEN url_key = $1 THEN 'url' ELSE 'content' END AS by FROM articles
         WHERE deleted_at IS NULL AND (url_key = $1 OR content_hash = $2) ORDER BY (url_key = $1) DESC NULLS LAST LIMIT 1`,
        [keys.urlKey, keys.contentHash],
      );
      if (same[0]) return { added: false, duplicate: { by: same[0].by, file: same[0].file } };
      // Names of deleted articles stay taken: a deleted article keeps its row.
      let file = `${base}.md`;
      for (let n = 2; (await client.query('SELECT 1 FROM articles WHERE article_id = $1', [articleIdOf(file)])).rowCount; n++) file = `${base}-${n}.md`;
      await client.query(
        'INSERT INTO articles (article_id, file, text, text_hash, url_key, content_hash, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [articleIdOf(file), file, text, textHash(text), keys.urlKey, keys.contentHash, new Date().toISOString()],
      );
      return { added: true, file };
    });
  }

  listen(handlers: ListenHandlers): ArticleListener {
    let current: pg.Client | null = null;
    let closed = false;
    let retryMs = 1000;
    let retry: NodeJS.Timeout | null = null;
    let lostOnce = false;

    const reconnectLater = (reason: string): void => {
      if (closed) return;
      current = null;
      lostOnce = true;
      this.log.warn(`Postgres: the connection listening for corpus changes failed (${reason.slice(0, 200)}); trying again in ${retryMs / 1000} s`);
      retry = setTimeout(() => void connect(), retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RECONNECT_MS);
    };

    const connect = async (): Promise<void> => {
      retry = null;
      const client = new pg.Client({ connectionString: this.url, application_name: LISTENER_APPLICATION_NAME, connectionTimeoutMillis: 10_000 });
      let failed = false;
      // Each connection is given up once, however many of `error` and `end` it emits.
      const fail = (reason: string): void => {
        if (failed) return;
        failed = true;
        client.end().catch(() => undefined);
        reconnectLater(reason);
      };
      client.on('notification', (message) => {
        if (message.channel === ARTICLES_CHANNEL && message.payload) handlers.changed([message.payload]);
      });
      client.on('error', (error) => fail(error.message));
      client.on('end', () => fail('the server closed it'));
      try {
        await client.connect();
        await client.query(`LISTEN ${ARTICLES_CHANNEL}`);
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
        return;
      }
      if (closed) {
        failed = true;
        await client.end().catch(() => undefined);
        return;
      }
      current = client;
      retryMs = 1000;
      if (lostOnce) this.log.info('Postgres: listening for corpus changes again; catching up with those made meanwhile');
      handlers.listening();
    };

    void connect();
    return {
      close: async () => {
        closed = true;
        if (retry) clearTimeout(retry);
        const client = current;
        current = null;
        await client?.end().catch(() => undefined);
      },
    };
  }
}
