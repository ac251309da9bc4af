import { describe, expect, it } from 'vitest';
import { runBot } from '../helpers/runBot';

describe('PARLEY_FEEDS at start-up', () => {
  it('refuses a feed URL with a user name or password, naming the setting and showing neither', async () => {
    const run = await runBot([], { env: { PARLEY_FEEDS: 'https://news.example/world.rss, http://reader:hunter2@news.example/members.rss' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Setting PARLEY_FEEDS is invalid: a feed URL must not hold a user name or password');
    expect(run.stderr).toContain('http://***@news.example/members.rss');
    expect(run.stderr).not.toMatch(/reader|hunter2/u);
  });
});
