import { afterAll, beforeAll, expect } from 'vitest';
import { corpusCopy } from './fixtures';
import { startFakeSite, type FakeSite } from './fakeSite';
import { startPipedBot, type PipedBot } from './runBot';

export interface LiveBot {
  site: FakeSite;
  bot: PipedBot;
  /** The running bot's corpus folder: a copy of the seed corpus. */
  corpusDir: string;
}

/**
 * For the whole test file: the fake news site, and a running bot over a copy of the corpus
 * with the settings `env` gives (it may use the site's address). Filled in by `beforeAll`;
 * the bot must exit cleanly at the end.
 */
export function liveBotWithSite(env: (site: FakeSite) => Record<string, string> = () => ({})): LiveBot {
  const live = {} as LiveBot;
  beforeAll(async () => {
    live.site = await startFakeSite();
    live.corpusDir = corpusCopy({}, 'file');
    live.bot = startPipedBot({ PARLEY_CORPUS_DIR: live.corpusDir, ...env(live.site) });
    await live.bot.send('sources'); // the first reply: the bot has loaded its corpus and is answering
  });
  afterAll(async () => {
    expect(await live.bot.stop()).toBe(0);
    await live.site.close();
  });
  return live;
}
