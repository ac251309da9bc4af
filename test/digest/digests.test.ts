import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Parley } from '../../src/app/parley';
import { parseArticle } from '../../src/corpus/loader';
import { loadCommands } from '../../src/core/registry';
import { Digests, type DigestOptions } from '../../src/digest/digests';
import { openSqliteStorage } from '../../src/store/sqlite/storage';
import { captureLog } from '../helpers/capturedLog';
import { articleFile, corpusCopy, libraryOf, temporaryDir, TEST_DIGEST_OPTIONS } from '../helpers/fixtures';
import type { PostedSlackMessage } from '../helpers/slack/fakeSlack';
import { postSlashCommand, slashCommand } from '../helpers/slack/slashCommands';
import { startSlackUnderTest, TEST_SLACK, type SlackUnderTest } from '../helpers/slack/slackAdapter';

const MANAGER = 'U0MANAGER';
const ANALYST = 'U0ANALYST';
const NEWSROOM = 'C0NEWS';
const EUROPE_DESK = 'C0EUROPE';

/**
 * Digests driven by a controllable clock and posted through the real Slack adapter (Bolt)
 * into a fake Slack on loopback: no waiting, no mock of our own code.
 */
interface World {
  slack: SlackUnderTest;
  digests: Digests;
  corpusDir: string;
  setClock(iso: string): void;
  command(text: string, user?: string, channel?: string): Promise<string>;
  posted(channel?: string): PostedSlackMessage[];
  addArticle(file: string, title: string, published: string, body: string): void;
}

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.slack.stop();
});

async function world(options: Partial<DigestOptions> = {}, start = '2025-03-21T06:00:00Z'): Promise<World> {
  let clock = new Date(start);
  const now = () => clock;
  const corpusDir = corpusCopy();
  const library = libraryOf(corpusDir);
  const captured = captureLog('debug');
  const digests = new Digests(openSqliteStorage(temporaryDir(), captured.log), library, { ...TEST_DIGEST_OPTIONS, ...options }, captured.log, now);
  const parley = new Parley(await loadCommands(), { library, now, digests }, captured.log);
  const slack = await startSlackUnderTest({ parley, captured, digestManagers: [MANAGER] });
  digests.registerPoster(slack.adapter.digestPoster!);
  const created: World = {
    slack,
    digests,
    corpusDir,
    setClock: (iso) => {
      clock = new Date(iso);
    },
    command: async (text, user = MANAGER, channel = NEWSROOM) => {
      const responseUrl = slack.fake.responseUrl();
      await postSlashCommand(slack.eventsUrl, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-digest', text, response_url: responseUrl, user_id: user, channel_id: channel }));
      const [message] = await slack.fake.waitForResponses(responseUrl);
      return String(message!.text);
    },
    posted: (channel = NEWSROOM) => slack.fake.posted.filter((m) => m.channel === channel),
    addArticle: (file, title, published, body) => {
      const text = articleFile({ title, source: 'Test Wire', published }, body);
      writeFileSync(join(corpusDir, file), text);
      const parsed = parseArticle(file, text);
      if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
      library.engine.add(parsed.article);
    },
  };
  worlds.push(created);
  return created;
}

const digestTitle = (message: PostedSlackMessage) => JSON.stringify(message.blocks[0]);

describe('daily digest subscriptions', () => {
  it('lets a channel manager subscribe, and tells them when the first digest comes', async () => {
    const w = await world();
    const reply = await w.command('subscribe 08:00 Europe/Berlin');
    expect(reply).toContain('every day at 08:00 (Europe/Berlin), the first on 2025-03-21 08:00 (Europe/Berlin)');
    expect(await w.command('show', ANALYST)).toContain('Next digest: 2025-03-21 08:00 (Europe/Berlin).');
  });

  it('refuses a member who does not manage the channel, and accepts a workspace admin', async () => {
    const w = await world();
    expect(await w.command('subscribe', ANALYST)).toContain('Only channel managers can subscribe or unsubscribe a channel');
    expect(await w.digests.subscriptions()).toEqual([]);
    w.slack.fake.admins.add('U0ADMIN');
    expect(await w.command('subscribe', 'U0ADMIN')).toContain('every day at 08:00 (UTC)');
    expect(await w.command('unsubscribe', ANALYST)).toContain('Only channel managers can unsubscribe');
  });

  it('names a bad time zone or time, with an example', async () => {
    const w = await world();
    expect(await w.command('subscribe 08:00 Europe/Paris-Nord')).toBe('Unknown time zone "Europe/Paris-Nord": use an IANA name such as Europe/Berlin, America/New_York or UTC.');
    expect(await w.command('subscribe 25:00')).toContain('time must be HH:MM on a 24-hour clock, e.g. 08:00 or 17:30');
  });

  it('previews the digest for the caller only', async () => {
    const w = await world();
    const responseUrl = w.slack.fake.responseUrl();
    await postSlashCommand(w.slack.eventsUrl, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-digest', text: 'preview', response_url: responseUrl, user_id: ANALYST }));
    const [message] = await w.slack.fake.waitForResponses(responseUrl);
    expect(message).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(message)).toContain('Trump’s Ceasefire Push Meets Putin’s Caution');
    expect(w.posted()).toEqual([]);
  });
});

describe('posting digests', () => {
  it('posts at each channel’s local time, in its time zone, across a daylight-saving change', async () => {
    const w = await world({}, '2025-03-28T12:00:00Z');
    await w.command('subscribe 08:00 Europe/Berlin');
    await w.command('subscribe 08:00 America/New_York', MANAGER, EUROPE_DESK);
    const postsAt = async (iso: string) => {
      w.setClock(iso);
      await w.digests.runDue();
      return [w.posted(NEWSROOM).length, w.posted(EUROPE_DESK).length];
    };
    expect(await postsAt('2025-03-29T06:59:00Z')).toEqual([0, 0]);
    expect(await postsAt('2025-03-29T07:00:00Z')).toEqual([1, 0]); // 08:00 CET
    expect(await postsAt('2025-03-29T12:00:00Z')).toEqual([1, 1]); // 08:00 EDT
    w.addArticle('2025-03-30-new.md', 'A later article on the Black Sea', '2025-03-30', 'Russia agreed to a Black Sea truce, the Kremlin said.');
    expect(await postsAt('2025-03-30T05:59:00Z')).toEqual([1, 1]);
    expect(await postsAt('2025-03-30T06:00:00Z')).toEqual([2, 1]); // 08:00 CEST, after the clocks moved
  });

  it('does not backfill: a first digest covers the most recent day of coverage', async () => {
    const w = await world();
    await w.command('subscribe 08:00 UTC');
    w.setClock('2025-03-21T08:00:00Z');
    await w.digests.runDue();
    const [digest] = w.posted();
    expect(digestTitle(digest!)).toContain('Parley daily digest — 2025-03-21');
    const text = JSON.stringify(digest!.blocks);
    expect(text).toContain('1 new article in the most recent day of coverage (2025-03-20)');
    expect(text).toContain('Trump’s Ceasefire Push Meets Putin’s Caution');
    expect(text).not.toContain('Putin Voices Conditional Support');
  });

  it('then covers only what was added since the previous digest, and skips a day with nothing new', async () => {
    const w = await world();
    await w.command('subscribe 08:00 UTC');
    w.setClock('2025-03-21T08:00:00Z');
    await w.digests.runDue();
    w.setClock('2025-03-22T08:00:00Z');
    await w.digests.runDue();
    expect(w.posted()).toHaveLength(1);
    expect(await w.command('show', ANALYST)).toContain('Last run: 2025-03-22 08:00 (UTC), nothing new, not posted.');

    w.setClock('2025-03-22T15:00:00Z');
    w.addArticle('2025-03-22-kursk.md', 'Kursk after the call', '2025-03-22', 'Putin demanded that Ukrainian troops leave Kursk.');
    w.setClock('2025-03-23T08:00:00Z');
    await w.digests.runDue();
    expect(w.posted()).toHaveLength(2);
    const text = JSON.stringify(w.posted()[1]!.blocks);
    expect(text).toContain('1 new article since the previous digest (2025-03-21 08:00 (UTC))');
    expect(text).toContain('Kursk after the call');
    expect(text).not.toContain('Trump’s Ceasefire Push');
  });

  it('can post "no new coverage" instead of skipping', async () => {
    const w = await world({ postWhenEmpty: true });
    await w.command('subscribe 08:00 UTC');
    for (const day of ['2025-03-21', '2025-03-22']) {
      w.setClock(`${day}T08:00:00Z`);
      await w.digests.runDue();
    }
    expect(w.posted().map((m) => m.text)).toEqual([expect.stringContaining('1 new article'), expect.stringContaining('No new coverage since the previous digest')]);
  });

  it('posts once per run however often it is woken', async () => {
    const w = await world();
    await w.command('subscribe 08:00 UTC');
    w.setClock('2025-03-21T08:00:05Z');
    await Promise.all([w.digests.runDue(), w.digests.runDue(), w.digests.runDue()]);
    await w.digests.runDue();
    expect(w.posted()).toHaveLength(1);
    expect(w.posted()[0]!.metadata).toEqual({ event_type: 'parley_digest', event_payload: { run: `slack:${NEWSROOM}:2025-03-21T08:00:00.000Z`, part: 0 } });
  });

  it('posts a run missed while the bot was down once, within the grace period, not once per missed day', async () => {
    const w = await world();
    await w.command('subscribe 08:00 UTC');
    w.setClock('2025-03-24T13:59:00Z'); // three scheduled runs missed; the latest 5 h 59 min ago
    await w.digests.runDue();
    await w.digests.runDue();
    expect(w.posted()).toHaveLength(1);
    expect(digestTitle(w.posted()[0]!)).toContain('2025-03-24');
  });

  it('lets a run go once the grace period is over', async () => {
    const w = await world();
    await w.command('subscribe 08:00 UTC');
    w.setClock('2025-03-21T14:00:01Z'); // six hours and a second late
    await w.digests.runDue();
    expect(w.posted()).toEqual([]);
    w.setClock('2025-03-22T08:00:00Z');
    await w.digests.runDue();
    expect(w.posted()).toHaveLength(1);
  });

  it('retries a failed post with back-off, pauses the subscription after the last attempt, and spares the others', async () => {
    const w = await world({ maxAttempts: 3 });
    await w.command('subscribe 08:00 UTC');
    await w.command('subscribe 08:00 UTC', MANAGER, EUROPE_DESK);
    w.slack.fake.onApi('chat.postMessage', (args) => (args.channel === NEWSROOM ? { ok: false, error: 'channel_not_found' } : w.slack.fake.post(args)));
    const failures = () => w.slack.fake.apiCalls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === NEWSROOM).length;

    w.setClock('2025-03-21T08:00:00Z');
    await w.digests.runDue();
    expect([failures(), w.posted(EUROPE_DESK).length]).toEqual([1, 1]);
    w.setClock('2025-03-21T08:00:30Z'); // before the first retry (1 minute)
    await w.digests.runDue();
    expect(failures()).toBe(1);
    w.setClock('2025-03-21T08:01:00Z');
    await w.digests.runDue();
    expect(failures()).toBe(2);
    w.setClock('2025-03-21T08:05:00Z'); // second retry 4 minutes later
    await w.digests.runDue();
    expect(failures()).toBe(3);
    w.setClock('2025-03-22T08:00:00Z');
    await w.digests.runDue();
    expect(failures()).toBe(3);
    expect(w.posted(EUROPE_DESK)).toHaveLength(1); // nothing new for it on the 22nd
    expect(await w.command('show')).toContain('Paused: posting failed 3 times (last: An API error occurred: channel_not_found).');
    expect(w.slack.captured.lines.join('\n')).toContain('subscription paused');
  });
});
