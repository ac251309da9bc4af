import { afterEach, describe, expect, it } from 'vitest';
import { Parley } from '../../../src/app/parley';
import { BOT_SCOPES } from '../../../src/adapters/slack/scopes';
import { loadCommands } from '../../../src/core/registry';
import { Digests } from '../../../src/digest/digests';
import { captureLog } from '../../helpers/capturedLog';
import { seedCorpusLibrary, TEST_DIGEST_OPTIONS } from '../../helpers/fixtures';
import { blockTexts } from '../../helpers/slack/blockKitLimits';
import { eventCallback, postEvent } from '../../helpers/slack/eventsApi';
import { acceptInstalls, installWorkspace, type TestWorkspace } from '../../helpers/slack/installFlow';
import { startSlackUnderTest, TEST_SLACK, TEST_SLACK_OAUTH, type SlackUnderTest } from '../../helpers/slack/slackAdapter';
import { postSlashCommand, slashCommand, slashCommandEnvelope } from '../../helpers/slack/slashCommands';
import { storageBackends, type StorageBackend } from '../../helpers/storageBackends';
import { freePort } from '../../helpers/freePort';

/**
 * Many Slack workspaces through Bolt's OAuth install flow, end to end: the real Bolt app in
 * HTTP mode against the fake Slack on loopback, signed requests, and the installations and
 * subscriptions in a real database (SQLite and Postgres). Two workspaces install Parley; each
 * one's commands and digests use its own bot token; one uninstalls and is forgotten, while the
 * other keeps working.
 */

const ALPHA: TestWorkspace = { teamId: 'T0ALPHA', name: 'Alpha Newsroom', botToken: 'xoxb-alpha-0000-workspace-token', botUserId: 'U0BOTALPHA' };
const BETA: TestWorkspace = { teamId: 'T0BETA', name: 'Beta Research', botToken: 'xoxb-beta-0000-workspace-token', botUserId: 'U0BOTBETA' };
const channelOf = (workspace: TestWorkspace) => `C0${workspace.teamId.slice(2)}`;
const adminOf = (workspace: TestWorkspace) => `U0ADMIN${workspace.teamId}`;

const running: SlackUnderTest[] = [];
afterEach(async () => {
  for (const slack of running.splice(0)) await slack.stop();
});

/** Parley over one backend's storage, its clock in the test's hands, Slack through the install flow (HTTP mode, or Socket Mode with the install pages on their own port). */
async function startManyWorkspaces(backend: StorageBackend, socketMode: { installPort: number } | null = null) {
  const storage = await backend.open();
  const captured = captureLog('debug');
  let now = new Date('2025-03-21T07:00:00Z');
  const library = seedCorpusLibrary();
  const digests = new Digests(storage, library, { ...TEST_DIGEST_OPTIONS, postWhenEmpty: true }, captured.log, () => now);
  const parley = new Parley(await loadCommands(), { library, now: () => now, digests, installations: storage.installations }, captured.log);
  const slack = await startSlackUnderTest({ parley, captured, oauth: TEST_SLACK_OAUTH, ...(socketMode ? { mode: 'socket', installPort: socketMode.installPort } : {}) });
  running.push(slack);
  digests.registerPoster(slack.adapter.digestPoster!);
  acceptInstalls(slack.fake, [ALPHA, BETA], BOT_SCOPES);
  for (const workspace of [ALPHA, BETA]) slack.fake.admins.add(adminOf(workspace));
  const appUrl = socketMode ? `http://127.0.0.1:${socketMode.installPort}` : slack.eventsUrl.replace(/\/slack\/events$/u, '');
  const command = async (workspace: TestWorkspace, name: string, text: string) => {
    const responseUrl = slack.fake.responseUrl();
    const fields = slashCommand({ command: name, text, response_url: responseUrl, team_id: workspace.teamId, channel_id: channelOf(workspace), user_id: adminOf(workspace) });
    expect((await postSlashCommand(slack.eventsUrl, TEST_SLACK.signingSecret, fields)).status).toBe(200);
    return slack.fake.waitForResponses(responseUrl);
  };
  const digestPosts = (workspace: TestWorkspace) =>
    slack.fake.apiCalls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === channelOf(workspace)).map((call) => call.token);
  return {
    storage,
    digests,
    slack,
    captured,
    appUrl,
    command,
    digestPosts,
    setClock: (iso: string) => {
      now = new Date(iso);
    },
  };
}

describe.each(storageBackends())('Slack with many workspaces (OAuth), installations in $name', { timeout: 60_000 }, (backend) => {
  it('installs two workspaces, answers and posts digests in each with its own token, and forgets the one that uninstalls', async () => {
    const bot = await startManyWorkspaces(backend);

    for (const workspace of [ALPHA, BETA]) {
      const { consentPage, redirect } = await installWorkspace(bot.appUrl, workspace);
      // Slack's consent page (beside the Web API) for this app and its bot scopes, with the state the cookie holds.
      expect(`${consentPage.origin}${consentPage.pathname}`).toBe(`${bot.slack.fake.url}/oauth/v2/authorize`);
      expect(consentPage.searchParams.get('client_id')).toBe(TEST_SLACK_OAUTH.clientId);
      expect(consentPage.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
      expect(redirect.status).toBe(200);
      const stored = JSON.parse((await bot.storage.installations.get('slack', workspace.teamId))!) as { bot: { token: string }; team: { id: string } };
      expect(stored).toMatchObject({ team: { id: workspace.teamId }, bot: { token: workspace.botToken } });
    }
    const exchanges = bot.slack.fake.apiCalls.filter((call) => call.method === 'oauth.v2.access');
    expect(exchanges.map((call) => call.args)).toEqual([ALPHA, BETA].map((w) => expect.objectContaining({ code: `code-${w.teamId}`, client_id: TEST_SLACK_OAUTH.clientId })));

    // A command from each workspace is answered; subscribing asks Slack (users.info) with that workspace's token.
    for (const workspace of [ALPHA, BETA]) {
      const [answer] = await bot.command(workspace, '/parley-ask', 'What did Zelensky say about sanctions?');
      expect(blockTexts(answer!).join('\n')).toContain('automatic sanctions');
      const [subscribed] = await bot.command(workspace, '/parley-digest', 'subscribe 08:00 UTC');
      expect(String(subscribed!.text)).toContain('every day at 08:00 (UTC)');
      const lookup = bot.slack.fake.apiCalls.filter((call) => call.method === 'users.info' && call.args.user === adminOf(workspace));
      expect(lookup.map((call) => call.token)).toEqual([workspace.botToken]);
      expect(await bot.storage.subscriptions.get('slack', channelOf(workspace))).toMatchObject({ workspaceId: workspace.teamId });
    }

    // Each digest is posted into its channel with its own workspace's token.
    bot.setClock('2025-03-21T08:00:30Z');
    await bot.digests.runDue();
    expect(bot.digestPosts(ALPHA).length).toBeGreaterThan(0);
    expect(new Set(bot.digestPosts(ALPHA))).toEqual(new Set([ALPHA.botToken]));
    expect(new Set(bot.digestPosts(BETA))).toEqual(new Set([BETA.botToken]));
    const history = bot.slack.fake.apiCalls.filter((call) => call.method === 'conversations.history');
    expect(history.map((call) => [call.args.channel, call.token])).toEqual([
      [channelOf(ALPHA), ALPHA.botToken],
      [channelOf(BETA), BETA.botToken],
    ]);

    // Alpha uninstalls: its installation, token and subscription are gone; Beta's are not.
    expect((await postEvent(bot.slack.eventsUrl, TEST_SLACK.signingSecret, eventCallback(ALPHA.teamId, { type: 'app_uninstalled' }))).status).toBe(200);
    await bot.captured.waitFor(/slack: Parley was uninstalled in workspace T0ALPHA: its installation and 1 digest subscription\(s\) removed/u);
    expect(await bot.storage.installations.get('slack', ALPHA.teamId)).toBeNull();
    expect(await bot.storage.subscriptions.get('slack', channelOf(ALPHA))).toBeNull();
    expect(await bot.storage.installations.get('slack', BETA.teamId)).not.toBeNull();
    expect(await bot.storage.subscriptions.get('slack', channelOf(BETA))).toMatchObject({ workspaceId: BETA.teamId, pausedReason: null });

    // Beta keeps working: its commands are answered, and the next day's digest is posted with its token, Alpha's not at all.
    const [answer] = await bot.command(BETA, '/parley-sources', '');
    expect(blockTexts(answer!).join('\n')).toContain('Sources');
    const [alphaBefore, betaBefore] = [bot.digestPosts(ALPHA).length, bot.digestPosts(BETA).length];
    bot.setClock('2025-03-22T08:00:30Z');
    await bot.digests.runDue();
    expect(bot.digestPosts(ALPHA)).toHaveLength(alphaBefore);
    expect(bot.digestPosts(BETA).slice(betaBefore)).toEqual([BETA.botToken]);

    // A command from the uninstalled workspace finds no token, and is not answered.
    const responseUrl = bot.slack.fake.responseUrl();
    const stale = slashCommand({ command: '/parley-ask', text: 'Who met in Riyadh?', response_url: responseUrl, team_id: ALPHA.teamId, channel_id: channelOf(ALPHA) });
    await postSlashCommand(bot.slack.eventsUrl, TEST_SLACK.signingSecret, stale);
    await bot.captured.waitFor(/Parley is not installed in Slack workspace T0ALPHA/u);
    expect(bot.slack.fake.responses(responseUrl)).toEqual([]);
  });

  it('forgets a workspace whose bot token is revoked, and ignores revoked user tokens', async () => {
    const bot = await startManyWorkspaces(backend);
    await installWorkspace(bot.appUrl, BETA);
    await bot.command(BETA, '/parley-digest', 'subscribe 08:00 UTC');

    await postEvent(bot.slack.eventsUrl, TEST_SLACK.signingSecret, eventCallback(BETA.teamId, { type: 'tokens_revoked', tokens: { oauth: ['U0SOMEONE'] } }));
    await postEvent(bot.slack.eventsUrl, TEST_SLACK.signingSecret, eventCallback(BETA.teamId, { type: 'tokens_revoked', tokens: { bot: [BETA.botUserId] } }));
    await bot.captured.waitFor(/slack: the bot token was revoked in workspace T0BETA: its installation and 1 digest subscription\(s\) removed/u);
    expect(bot.captured.lines.filter((line) => line.includes('removed'))).toHaveLength(1);
    expect(await bot.storage.installations.get('slack', BETA.teamId)).toBeNull();
    expect(await bot.digests.subscriptions()).toEqual([]);
  });

  it('in Socket Mode, serves the install pages on their port and answers each workspace over the one connection with its token', async () => {
    const bot = await startManyWorkspaces(backend, { installPort: await freePort() });
    expect(bot.slack.adapter.port).toBe(Number(new URL(bot.appUrl).port));
    for (const workspace of [ALPHA, BETA]) expect((await installWorkspace(bot.appUrl, workspace)).redirect.status).toBe(200);
    for (const workspace of [ALPHA, BETA]) {
      const responseUrl = bot.slack.fake.responseUrl();
      const fields = slashCommand({ command: '/parley-digest', text: 'subscribe 08:00 UTC', response_url: responseUrl, team_id: workspace.teamId, channel_id: channelOf(workspace), user_id: adminOf(workspace) });
      await bot.slack.fake.deliver(slashCommandEnvelope(fields));
      const [reply] = await bot.slack.fake.waitForResponses(responseUrl);
      expect(String(reply!.text)).toContain('every day at 08:00 (UTC)');
      expect(bot.slack.fake.apiCalls.filter((call) => call.method === 'users.info' && call.args.user === adminOf(workspace)).map((call) => call.token)).toEqual([workspace.botToken]);
    }
    expect((await bot.digests.subscriptions()).map((s) => s.workspaceId)).toEqual([ALPHA.teamId, BETA.teamId]);
  });

  it('refuses a redirect whose state is not the browser\'s, and stores nothing', async () => {
    const bot = await startManyWorkspaces(backend);
    const { redirect } = await installWorkspace(bot.appUrl, ALPHA, { cookie: 'slack-app-oauth-state=forged' });
    expect(redirect.status).toBe(400);
    expect(await bot.storage.installations.get('slack', ALPHA.teamId)).toBeNull();
    expect(bot.slack.fake.apiCalls.filter((call) => call.method === 'oauth.v2.access')).toEqual([]);
  });
});

