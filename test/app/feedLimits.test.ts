import { describe, expect, it } from 'vitest';
import { PATHS } from '../helpers/fakeSite';
import { liveBotWithSite } from '../helpers/liveBot';

/** The running bot applies PARLEY_FEED_MAX_ENTRIES to a feed typed at its console. */
const live = liveBotWithSite(() => ({ PARLEY_FETCH_ALLOW_PRIVATE: '127.0.0.1', PARLEY_FEED_MAX_ENTRIES: '3' }));

describe('a running bot with PARLEY_FEED_MAX_ENTRIES', () => {
  it('fetches at most that many entries of a feed per ingest, and says how many were left', async () => {
    const pages = () => live.site.requests.filter((r) => /^\/bulk\/\d+$/u.test(r.path)).length;
    const reply = await live.bot.send(`ingest ${live.site.url(`${PATHS.bulkFeed}?count=10`)}`);
    expect(reply).toMatchObject({ command: 'ingest', text: expect.stringMatching(/^The feed “Regional Desk”: 3 entries — 3 added, .* 7 more new entries were left for later/u) as string });
    expect(pages()).toBe(3);
  });
});
