import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotProcess } from '../helpers/botProcess';
import { eventually } from '../helpers/eventually';
import { temporaryDir } from '../helpers/fixtures';
import { queryPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { DIGEST_CHANNEL, DIGEST_RUN, DigestBots } from '../helpers/slack/digestRun';
import { FakeSlack } from '../helpers/slack/fakeSlack';
import { TEST_SLACK } from '../helpers/slack/slackAdapter';
import { postSlashCommand, slashCommand } from '../helpers/slack/slashCommands';

/**
 * Exactly once across replicas, with real processes: three bots on one real Postgres (on
 * loopback) and the fake Slack, a digest due as they start. One posts it; the replica
 * holding its lease may be SIGKILLed mid-post, and another takes the run over when the lease
 * ends, finds the message in the channel and does not post it again.
 */
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());

let fake: FakeSlack;
let bots: DigestBots;
afterEach(async () => {
  await bots.stopAll();
  await fake.close();
});

/** Short, so that a take-over comes within seconds; long enough that a loaded machine still renews in time (every third of it). */
const LEASE_SECONDS = '5';
const SERVING = /serving \/parley-… slash commands on port (\d+)/u;
const HELD_ELSEWHERE = /digest: the run of 2025-03-21T08:00:00\.000Z for slack channel C0NEWS is being posted by /u;
const DONE_ELSEWHERE = /digest: the run of 2025-03-21T08:00:00\.000Z for slack channel C0NEWS was handled by another replica \(now posted\)/u;
const POSTED = /digest: posted to slack channel C0NEWS/u;


/** Replicas on one database, each with a data folder of its own, their clocks just past the digest's time. */
function startReplicas(count: number, env: Record<string, string>): BotProcess[] {
  return Array.from({ length: count }, () => bots.start(temporaryDir('parley-replica-'), '2025-03-21T08:00:30Z', { PARLEY_LOG_LEVEL: 'debug', ...env }));
}

const othersThan = (all: readonly BotProcess[], one: BotProcess | undefined) => all.filter((bot) => bot !== one);

/** The replica whose process holds the run's lease, read from the database (`host:pid:…`). */
async function leaseHolder(url: string, replicas: readonly BotProcess[]): Promise<BotProcess> {
  const [lease] = await queryPostgres<{ holder: string }>(url, 'SELECT holder FROM leases WHERE name LIKE $1', ['digest:%']);
  const pid = Number(lease?.holder.split(':')[1]);
  const holder = replicas.find((bot) => bot.pid === pid);
  if (!holder) throw new Error(`no replica holds the digest lease (${lease?.holder ?? 'none'})`);
  return holder;
}

/** `/parley-digest show` in the channel, answered by this replica. */
async function digestShow(bot: BotProcess): Promise<string> {
  const [, port] = await bot.waitForLog(SERVING);
  const responseUrl = fake.responseUrl();
  await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-digest', text: 'show', response_url: responseUrl, channel_id: DIGEST_CHANNEL }));
  const [reply] = await fake.waitForResponses(responseUrl);
  return JSON.stringify(reply);
}

/** A fresh database, with a channel subscribed to the digest at seven: what every case here starts from. */
async function subscribedOnOnePostgres(): Promise<{ url: string; env: Record<string, string> }> {
  fake = await FakeSlack.start();
  bots = new DigestBots(fake);
  const url = await server.createDatabase();
  const env = { PARLEY_DATABASE_URL: url, PARLEY_LEASE_SECONDS: LEASE_SECONDS };
  await bots.subscribeAtSeven(temporaryDir('parley-replica-'), env);
  return { url, env };
}

describe('three replicas on one Postgres', { timeout: 180_000 }, () => {
  it('post a due digest exactly once, the two others waiting on the lease of the one posting it', async () => {
    const { url, env } = await subscribedOnOnePostgres();

    let replicas: BotProcess[] = [];
    let poster: BotProcess | undefined;
    // The post is held until both other replicas have looked at the run and found it taken.
    fake.onApi('chat.postMessage', async (args) => {
      poster = await leaseHolder(url, replicas);
      await eventually(() => othersThan(replicas, poster).every((bot) => HELD_ELSEWHERE.test(bot.stderr())), 'both other replicas to find the run taken', 90_000);
      return fake.post(args);
    });
    replicas = startReplicas(3, env);
    await eventually(() => poster && POSTED.test(poster.stderr()), 'the digest posted', 90_000);
    // When the lease ends, each of the others looks again and finds the run posted.
    for (const other of othersThan(replicas, poster)) await other.waitForLog(DONE_ELSEWHERE);

    expect(bots.posted()).toHaveLength(1);
    expect(fake.apiCalls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    for (const other of othersThan(replicas, poster)) expect(other.stderr()).not.toMatch(POSTED);
    const runs = await queryPostgres<{ state: string; message_ids: string }>(url, 'SELECT state, message_ids FROM digest_runs WHERE scheduled_for = $1', [DIGEST_RUN.scheduledFor]);
    expect(runs).toEqual([{ state: 'posted', message_ids: JSON.stringify([bots.posted()[0]!.ts]) }]);
    expect(await queryPostgres(url, 'SELECT * FROM leases')).toEqual([]);
  });

  it('take over a digest whose posting replica is SIGKILLed mid-post: one post, and digest show right on every replica', async () => {
    const { url, env } = await subscribedOnOnePostgres();

    let replicas: BotProcess[] = [];
    let victim: BotProcess | undefined;
    // Slack takes the message, and the replica posting it dies before it hears back.
    fake.onApi('chat.postMessage', async (args) => {
      if (victim) return fake.post(args);
      victim = await leaseHolder(url, replicas);
      await eventually(() => othersThan(replicas, victim).every((bot) => HELD_ELSEWHERE.test(bot.stderr())), 'both other replicas to find the run taken', 90_000);
      const response = fake.post(args);
      process.kill(victim.pid, 'SIGKILL');
      await victim.exited;
      return response;
    });
    replicas = startReplicas(3, env);
    await eventually(() => victim, 'a replica to post', 90_000);
    await victim!.exited;
    expect(bots.posted()).toHaveLength(1);
    const [pending] = await queryPostgres<{ state: string }>(url, 'SELECT state FROM digest_runs WHERE scheduled_for = $1', [DIGEST_RUN.scheduledFor]);
    expect(pending).toEqual({ state: 'pending' });

    const survivors = othersThan(replicas, victim);
    const takenOverBy = await eventually(() => survivors.find((bot) => POSTED.test(bot.stderr())), 'a survivor to take the run over', 90_000);
    await othersThan(survivors, takenOverBy)[0]!.waitForLog(DONE_ELSEWHERE);
    expect(bots.posted()).toHaveLength(1);
    expect(fake.apiCalls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    const runs = await queryPostgres<{ state: string; message_ids: string }>(url, 'SELECT state, message_ids FROM digest_runs WHERE scheduled_for = $1', [DIGEST_RUN.scheduledFor]);
    expect(runs).toEqual([{ state: 'posted', message_ids: JSON.stringify([bots.posted()[0]!.ts]) }]);

    // The killed replica, restarted, and both survivors tell the same story.
    const restarted = bots.start(temporaryDir('parley-replica-'), '2025-03-21T08:02:00Z', env);
    for (const bot of [...survivors, restarted]) {
      const shown = await digestShow(bot);
      expect(shown).toMatch(/Last run: [^"]*, posted\./u);
      expect(shown).toContain('Schedule: every day at 08:00 (UTC).');
    }
    expect(bots.posted()).toHaveLength(1);
  });
});

describe('two replicas on one Postgres', { timeout: 120_000 }, () => {
  it('answer a slash command Slack delivers again to the other replica once', async () => {
    fake = await FakeSlack.start();
    bots = new DigestBots(fake);
    const url = await server.createDatabase();
    const replicas = startReplicas(2, { PARLEY_DATABASE_URL: url, PARLEY_LOG_LEVEL: 'info' });
    const ports = await Promise.all(replicas.map(async (bot) => (await bot.waitForLog(SERVING))[1]));
    const responseUrl = fake.responseUrl();
    const command = slashCommand({ command: '/parley-sources', text: '', response_url: responseUrl });
    // The first delivery's acknowledgement was lost, as far as Slack knows; its retry goes to the other replica behind the load balancer.
    const first = await postSlashCommand(`http://127.0.0.1:${ports[0]}/slack/events`, TEST_SLACK.signingSecret, command);
    const retry = await postSlashCommand(`http://127.0.0.1:${ports[1]}/slack/events`, TEST_SLACK.signingSecret, command, { retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    // Each acknowledges at once and then records the request: whichever records it first answers (mostly the first, not always on a loaded machine).
    const REFUSED = /slack: \/parley-sources delivered again \(retry (1|without a number)\); answered already/u;
    const refuser = await Promise.any(replicas.map(async (bot, i) => (await bot.waitForLog(REFUSED), i)));
    await fake.waitForResponses(responseUrl);
    // Another command afterwards, on the replica that refused: its answer comes after any second one would have.
    const later = fake.responseUrl();
    await postSlashCommand(`http://127.0.0.1:${ports[refuser]}/slack/events`, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-sources', text: '', response_url: later }));
    await fake.waitForResponses(later);
    expect(fake.responses(responseUrl)).toHaveLength(1);
    expect(replicas.filter((bot) => REFUSED.test(bot.stderr()))).toHaveLength(1);
    expect((await queryPostgres<{ key: string }>(url, 'SELECT key FROM deliveries ORDER BY seen_at')).map((row) => row.key)).toEqual([`slack:${command.trigger_id}`, expect.stringMatching(/^slack:/u)]);
  });
});
