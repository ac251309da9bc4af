import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_OPTIONS, Ingester } from '../../src/ingest/ingest';
import { countOutcomes } from '../../src/ingest/summary';
import { silentLogger } from '../../src/log';
import { eventually } from '../helpers/eventually';
import { PATHS } from '../helpers/fakeSite';
import { testFetchPolicy } from '../helpers/fetchPolicy';
import { placeName } from '../helpers/newsStories';
import { liveBotWithSite } from '../helpers/liveBot';

const COUNT = 1000;

const live = liveBotWithSite();

const articleCount = async (): Promise<number> => Number(/^The corpus holds (\d+) articles/u.exec(String((await live.bot.send('sources')).text))?.[1]);

describe(`ingesting ${COUNT} articles into a running bot`, () => {
  it('keeps answering throughout, and answers from every new article', { timeout: 180_000 }, async () => {
    // All of them in one run: over the cap of entries per run, which is for chat and polling.
    const ingester = new Ingester(live.corpusDir, testFetchPolicy({ timeoutMs: 10_000 }), silentLogger, undefined, { ...DEFAULT_INGEST_OPTIONS, maxFeedEntries: COUNT });
    let finished = false;
    const ingesting = ingester.ingest(live.site.url(`${PATHS.bulkFeed}?count=${COUNT}`), { allowLocalFiles: false }).finally(() => {
      finished = true;
    });

    const answers: Record<string, unknown>[] = [];
    const counts: number[] = [];
    while (!finished) {
      answers.push(await live.bot.send('ask What did Putin say about the 30-day ceasefire?'));
      counts.push(await articleCount());
      await sleep(200);
    }
    const report = await ingesting;
    expect(countOutcomes(report.items)).toEqual({ added: COUNT, duplicate: 0, unextractable: 0, failed: 0 });

    // Every question asked during the run got its answer, while the index grew article by article.
    expect(answers.length).toBeGreaterThan(3);
    for (const answer of answers) expect(answer).toMatchObject({ command: 'ask', abstained: false });
    expect(counts.some((n) => n > 5 && n < 5 + COUNT)).toBe(true);

    await eventually(async () => (await articleCount()) === 5 + COUNT, `all ${COUNT} articles to be indexed`, 60_000);
    for (const n of [1, 500, COUNT]) {
      const reply = await live.bot.send(`ask What did the council of ${placeName(n)} say about residents?`);
      expect(reply).toMatchObject({ abstained: false });
      expect(JSON.stringify(reply.citations)).toContain(`Council of ${placeName(n)} reports on the ceasefire`);
    }
    expect(live.bot.stderr()).not.toContain('[warn]');
  });
});
