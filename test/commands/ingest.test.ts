import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Parley } from '../../src/app/parley';
import type { Caller } from '../../src/core/command';
import { loadCommands } from '../../src/core/registry';
import { replySchema } from '../../src/core/reply';
import { Ingester } from '../../src/ingest/ingest';
import { silentLogger } from '../../src/log';
import { CONSOLE_CALLER, corpusCopy, libraryOf, temporaryDir } from '../helpers/fixtures';
import { PATHS, startFakeSite, type FakeSite } from '../helpers/fakeSite';
import { testFetchPolicy } from '../helpers/fetchPolicy';
import { BLACK_SEA_TALKS } from '../helpers/newsStories';

let site: FakeSite;
beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

const MEMBER: Caller = { platform: 'discord', userId: 'u1', channelId: 'c1', canManageChannel: false };
const MANAGER: Caller = { ...MEMBER, userId: 'u2', canManageChannel: true };

async function parleyOver(corpusDir: string, maxBytes = 256 * 1024): Promise<Parley> {
  const ingester = new Ingester(corpusDir, testFetchPolicy({ maxBytes }), silentLogger);
  return new Parley(await loadCommands(), { library: libraryOf(corpusDir), now: () => new Date(), ingester }, silentLogger);
}

describe('/ingest', () => {
  it('is for channel managers only', async () => {
    const dir = corpusCopy();
    const outcome = await (await parleyOver(dir)).runText(`/ingest ${site.url(BLACK_SEA_TALKS.path)}`, MEMBER);
    expect(outcome).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only people who can manage this channel can add articles to the corpus.' } });
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it('takes only URLs from chat: local files are the host’s', async () => {
    const outcome = await (await parleyOver(corpusCopy())).runText('/ingest /etc', MANAGER);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Give the http(s) URL') as string } });
  });

  it('ingests a feed for a manager and reports every entry', async () => {
    const parley = await parleyOver(corpusCopy());
    const outcome = await parley.runText(`/ingest ${site.url(PATHS.rss)}`, MANAGER);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const reply = replySchema.parse(outcome.reply);
    expect(reply).toMatchObject({
      command: 'ingest',
      title: 'Ingest The Kyiv Ledger — World',
      text: 'The feed “The Kyiv Ledger — World”: 9 entries — 2 added, 1 already in the corpus, 2 not extractable, 4 failed.',
      ephemeral: true,
    });
    expect(reply.sections!.map((s) => s.title)).toEqual(['Added', 'Already in the corpus', 'Not added']);
    expect(reply.articles!.map((a) => a.title)).toEqual(['Black Sea truce talks to resume in Riyadh, Rubio says', 'Prisoner exchange frees 175 soldiers on each side']);
    expect(reply.ingested).toHaveLength(9);
    expect(reply.ingested![0]).toEqual({
      source: site.url(BLACK_SEA_TALKS.path),
      outcome: 'added',
      reason: null,
      articleId: '2025-03-26-black-sea-truce-talks-to-resume-in-riyadh-rubio-says',
    });
  });

  it('takes at most the cap of a long feed’s entries, with a short reply that says what was left', { timeout: 60_000 }, async () => {
    const parley = await parleyOver(corpusCopy(), 1024 * 1024); // room for the feed itself
    const feed = site.url(`${PATHS.bulkFeed}?count=1000`);
    const pages = () => site.requests.filter((r) => /^\/bulk\/\d+$/u.test(r.path)).length;
    const before = pages();
    const outcome = await parley.runText(`/ingest ${feed}`, MANAGER);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const reply = replySchema.parse(outcome.reply);
    expect(pages() - before).toBe(50);
    expect(reply.text).toBe(
      'The feed “Regional Desk”: 50 entries — 50 added, 0 already in the corpus. 950 more new entries were left for later: ingest the feed again to take the next ones (a feed in PARLEY_FEEDS gets them at its next polls).',
    );
    expect(reply.ingested).toHaveLength(50);
    expect(reply.sections).toEqual([{ title: 'Added', body: expect.stringMatching(/\n… and 40 more$/u) as string }]);
    expect(reply.sections![0]!.body.split('\n')).toHaveLength(11);

    // The next run takes the next 50, without fetching again the pages it has.
    const again = await parley.runText(`/ingest ${feed}`, MANAGER);
    expect(pages() - before).toBe(100);
    expect(again).toMatchObject({ ok: true, reply: { text: expect.stringContaining('50 added, 50 already in the corpus. 900 more new entries were left for later') as string } });
  });

  it('says when there is nothing to do', async () => {
    const parley = await parleyOver(corpusCopy());
    await parley.runText(`/ingest ${site.url(BLACK_SEA_TALKS.path)}`, MANAGER);
    const again = await parley.runText(`/ingest ${site.url(BLACK_SEA_TALKS.path)}`, MANAGER);
    expect(again).toMatchObject({
      ok: true,
      reply: {
        text: `Nothing to do: ${site.url(BLACK_SEA_TALKS.path)} is already in the corpus as 2025-03-26-black-sea-truce-talks-to-resume-in-riyadh-rubio-says.md (same URL).`,
        ingested: [{ outcome: 'duplicate', articleId: '2025-03-26-black-sea-truce-talks-to-resume-in-riyadh-rubio-says' }],
      },
    });
  });

  it('takes a local folder at the console', async () => {
    const empty = temporaryDir();
    const outcome = await (await parleyOver(corpusCopy())).runText(`/ingest ${empty}`, CONSOLE_CALLER);
    expect(outcome).toMatchObject({
      ok: true,
      reply: { text: `Not added: ${empty}: no Markdown or plain-text files (.md, .markdown, .txt) in the folder.` },
    });
  });
});
