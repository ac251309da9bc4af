import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmInsights } from '../../src/app/warmInsights';
import { DecodedBodies } from '../../src/engine/articleBodies';
import type { DatedEvent } from '../../src/events/extractEvents';
import { InsightsFile, writeInsightsFile } from '../../src/library/insightsFile';
import { openLibrary, type Library, type LibraryLocation } from '../../src/library/library';
import { INSIGHTS_VERSION } from '../../src/library/savedInsights';
import { watchCorpus } from '../../src/library/watchCorpus';
import { createLogger, silentLogger } from '../../src/log';
import { Attributor } from '../../src/positions/attribute';
import { groupedAlready, groupStatements } from '../../src/positions/entries';
import type { Statement } from '../../src/positions/positionIndex';
import { INSIGHTS_FILE } from '../../src/store/dataFiles';
import { eventually } from '../helpers/eventually';
import { loadCommands } from '../../src/core/registry';
import { articleFile, CONFIG_DIR, CONSOLE_CALLER, corpusCopy, temporaryDir, testParley } from '../helpers/fixtures';

/**
 * The statements and events the warm-up computes are saved to `data/insights.snapshot`, and
 * a restart reads them back instead of attributing every article again: checked by what the
 * restart does (no article attributed, no article body read), never by how long it takes.
 */

afterEach(() => vi.restoreAllMocks());

const location = (): LibraryLocation => ({ corpusDir: corpusCopy(), configDir: CONFIG_DIR, dataDir: temporaryDir(), useSnapshot: true });

/** Everything a reply takes from a statement or an event, by value. */
const statementsAsData = (library: Library) =>
  library.positions.statements(library.engine.articles()).map((s: Statement) => ({
    article: s.article.id,
    party: s.party.id,
    speaker: s.speaker,
    official: s.official?.name ?? null,
    topics: s.topics.map((t) => t.id),
    sentence: s.sentence,
    earlier: s.earlier,
    disputedBy: s.disputedBy,
  }));
const eventsAsData = (library: Library) =>
  library.events.events(library.engine.articles()).map((e: DatedEvent) => ({ article: e.article.id, date: e.date, precision: e.precision, sentence: e.sentence }));

/** A first start: builds the index, warms up, and so saves the insights. */
async function firstStart(at: LibraryLocation) {
  const library = openLibrary(at, silentLogger);
  await warmInsights(library, silentLogger);
  return { library, statements: statementsAsData(library), events: eventsAsData(library) };
}

/** A restart, watching what it computes. */
async function restart(at: LibraryLocation) {
  const lines: string[] = [];
  const library = openLibrary(at, createLogger('debug', [], (line) => lines.push(line)));
  const attribute = vi.spyOn(Attributor.prototype, 'attribute');
  const bodiesRead = vi.spyOn(DecodedBodies.prototype, 'get');
  await warmInsights(library, createLogger('debug', [], (line) => lines.push(line)));
  const attributed = attribute.mock.calls.map(([article]) => article.id);
  const bodies = bodiesRead.mock.calls.length;
  vi.restoreAllMocks();
  return { library, lines, attributed, bodies };
}

const recordLines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').slice(1).filter(Boolean);

describe('the insights snapshot', () => {
  it('gives a restart every article’s statements and events as computed before: none attributed, no article body read', async () => {
    const at = location();
    const first = await firstStart(at);
    expect(first.statements.length).toBeGreaterThan(10);
    expect(first.events.length).toBeGreaterThan(5);

    const again = await restart(at);
    expect(again.library.loadedFrom).toBe('snapshot');
    expect(again.attributed).toEqual([]);
    expect(again.bodies).toBe(0);
    expect(again.library.positions.counts).toEqual({ restored: 5, computed: 0 });
    expect(again.library.events.counts).toEqual({ restored: 5, computed: 0 });
    expect(statementsAsData(again.library)).toEqual(first.statements);
    expect(eventsAsData(again.library)).toEqual(first.events);
  });

  it('gives every party the same statements after a restart, and /recent the same events', async () => {
    const at = location();
    const first = await firstStart(at);
    const again = await restart(at);
    for (const { id } of first.library.vocabulary.parties) {
      const of = async (library: Library) => {
        const party = library.vocabulary.parties.find((p) => p.id === id)!;
        return (await library.positions.corpusStatements(library.engine.articles())).of(party).map((s) => s.sentence.text);
      };
      expect((await of(first.library)).length).toBeGreaterThan(0);
      expect(await of(again.library)).toEqual(await of(first.library));
    }
    const recent = async (library: Library) => (await library.events.corpusEvents(library.engine.articles())).newestFirst.map((e) => `${e.date} ${e.sentence.text}`);
    expect(await recent(again.library)).toEqual(await recent(first.library));
  });

  it('gives a restart every party’s statements grouped as before, grouping none of them again', async () => {
    const at = location();
    const first = await firstStart(at);
    const grouping = async (library: Library) => {
      const statements = await library.positions.corpusStatements(library.engine.articles());
      return library.vocabulary.parties.map((party) => {
        const list = statements.of(party);
        return { list, kept: groupedAlready(list), entries: groupStatements(list).map((e) => e.reports.map((r) => `${r.article.id}: ${r.sentence.text}`)) };
      });
    };
    const before = await grouping(first.library);
    expect(before.flatMap(({ entries }) => entries).length).toBeGreaterThan(10);
    const lines = recordLines(join(at.dataDir, INSIGHTS_FILE)).filter((line) => line.includes('\tgroups\t'));
    expect(lines).toHaveLength(first.library.vocabulary.parties.length);

    const again = await restart(at);
    const after = await grouping(again.library);
    // Taken from the snapshot at the warm-up: the seed corpus's parties are too small for the warm-up to group them itself.
    for (const { kept } of after) expect(kept).toBeDefined();
    expect(after.map((a) => a.entries)).toEqual(before.map((b) => b.entries));
  });

  it('groups a party anew when its saved grouping does not fit its statements', async () => {
    const at = location();
    const first = await firstStart(at);
    const path = join(at.dataDir, INSIGHTS_FILE);
    const russia = first.library.vocabulary.parties.find((p) => p.id === 'russia')!;
    const expected = groupStatements((await first.library.positions.corpusStatements(first.library.engine.articles())).of(russia)).map((e) => e.reports.length);
    // A record for one statement fewer, checksummed as the file's own are: it parses, and fits no list.
    const lines = readFileSync(path, 'utf8').split('\n');
    const at_ = lines.findIndex((line) => line.includes('\tgroups\t"russia"'));
    const [, kind, id, json] = lines[at_]!.split('\t');
    const record = JSON.parse(json!) as { statements: number };
    const body = `${kind}\t${id}\t${JSON.stringify({ ...record, statements: record.statements - 1 })}`;
    lines[at_] = `${crc32(Buffer.from(body)).toString(16).padStart(8, '0')}\t${body}`;
    writeFileSync(path, lines.join('\n'));

    const again = await restart(at);
    const list = (await again.library.positions.corpusStatements(again.library.engine.articles())).of(again.library.vocabulary.parties.find((p) => p.id === 'russia')!);
    expect(groupStatements(list).map((e) => e.reports.length)).toEqual(expected);
    // Grouped anew, and saved again as it is now.
    const saved = recordLines(path).find((line) => line.includes('\tgroups\t"russia"'))!;
    expect((JSON.parse(saved.split('\t')[3]!) as { statements: number }).statements).toBe(list.length);
  });

  it('still lets /ask name the speaker of a reported statement after a restart (the statements are no longer the article’s own sentence objects)', async () => {
    const at = location();
    await firstStart(at);
    const again = await restart(at);
    const outcome = await testParley(await loadCommands(), again.library).run({
      command: 'ask',
      options: { question: 'Which issues need to be painstakingly studied by both sides?' },
      caller: CONSOLE_CALLER,
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply.citations[0]).toMatchObject({ speaker: 'Putin', quote: expect.stringMatching(/^“All these issues need to be painstakingly studied/u) });
  });

  it('computes only the article whose record is damaged, names the file, and writes it whole again', async () => {
    const at = location();
    const first = await firstStart(at);
    const path = join(at.dataDir, INSIGHTS_FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    // A statements record of an article that has statements: its letters' case swapped, so it still parses.
    const damaged = lines.findIndex((line, i) => i > 0 && line.includes('\tstatements\t') && line.includes('Putin'));
    const articleId = JSON.parse(lines[damaged]!.split('\t')[2]!) as string;
    lines[damaged] = lines[damaged]!.replace(/Putin/gu, 'pUTIN');
    writeFileSync(path, lines.join('\n'));

    const again = await restart(at);
    expect(again.attributed).toEqual([articleId]);
    expect(again.lines.join('\n')).toContain(`[warn] the insights snapshot ${path} is damaged (the statements of ${articleId}.md: it does not match its checksum)`);
    expect(statementsAsData(again.library)).toEqual(first.statements);

    const third = await restart(at);
    expect(third.attributed).toEqual([]);
    expect(third.lines.join('\n')).not.toContain('damaged');
    expect(statementsAsData(third.library)).toEqual(first.statements);
  });

  it('computes every article again when the file is unreadable, and saves them', async () => {
    const at = location();
    const first = await firstStart(at);
    const path = join(at.dataDir, INSIGHTS_FILE);
    writeFileSync(path, 'not an insights file\n');
    const again = await restart(at);
    expect(again.library.positions.counts).toEqual({ restored: 0, computed: 5 });
    expect(again.lines.join('\n')).toContain(`[warn] the insights snapshot ${path} is damaged`);
    expect(statementsAsData(again.library)).toEqual(first.statements);
    expect((await restart(at)).attributed).toEqual([]);
  });

  it('is not used for another corpus or another version of the code that computed it', async () => {
    const path = join(temporaryDir(), INSIGHTS_FILE);
    await writeInsightsFile(path, 'fingerprint-a', INSIGHTS_VERSION, [{ kind: 'statements', id: 'a', data: [] }]);
    expect((await InsightsFile.read(path, 'fingerprint-a', INSIGHTS_VERSION)).status).toBe('loaded');
    expect((await InsightsFile.read(path, 'fingerprint-b', INSIGHTS_VERSION)).status).toBe('stale');
    expect((await InsightsFile.read(path, 'fingerprint-a', `${INSIGHTS_VERSION}+1`)).status).toBe('stale');
    expect((await InsightsFile.read(join(temporaryDir(), INSIGHTS_FILE), 'fingerprint-a', INSIGHTS_VERSION)).status).toBe('missing');
  });

  it('is kept up to date by live reload: a new article’s statements come back at the next start', async () => {
    const at = location();
    const { library } = await firstStart(at);
    const watcher = watchCorpus(library, at, silentLogger, { settleMs: 300, batchMs: 50, batchMaxMs: 200, snapshotMs: 100, snapshotMaxMs: 500 });
    await watcher.ready;
    const path = join(at.dataDir, INSIGHTS_FILE);
    writeFileSync(
      join(at.corpusDir, 'zebras.md'),
      articleFile({ title: 'Zebras', source: 'Test Wire', published: '2025-04-01' }, 'Putin said on March 30 that Russia would never accept zebras at the Dnipro.'),
    );
    await eventually(() => library.engine.article('zebras'), 'the new article');
    await eventually(() => recordLines(path).some((line) => line.includes('"zebras"') && line.includes('never accept zebras')), 'the new article’s statements saved');
    await watcher.close();

    const again = await restart(at);
    expect(again.attributed).toEqual([]);
    const zebras = again.library.positions.ofArticle(again.library.engine.article('zebras')!);
    expect(zebras.map((s) => [s.party.id, s.speaker, s.sentence.text])).toEqual([['russia', 'Putin', 'Putin said on March 30 that Russia would never accept zebras at the Dnipro.']]);
    expect(again.library.events.events([again.library.engine.article('zebras')!]).map((e) => e.date)).toEqual(['2025-03-30']);
  });
});
