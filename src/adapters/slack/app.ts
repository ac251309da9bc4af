import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type AppOptions, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Parley } from '../../app/parley';
import type { Logger, LogLevel } from '../../log';
import type { SlackConnection, SlackOAuthSettings, SlackSettings } from './settings';
import type { RunningAdapter } from '../contract';
import { boltLogger, boltLogLevel } from './boltLogger';
import { channelManagers } from './channelManagers';
import { commandListener } from './commandListener';
import { CommandNames } from './commandNames';
import { DeliveryLog } from '../deliveries';
import { slackDigestPoster } from './digestPoster';
import type { InstallationRecords } from '../../store/installations';
import { SlackInstallations, workspaceIdOf, type WorkspaceIdentity } from './installations';
import { BOT_SCOPES } from './scopes';
import { listenForUninstalls } from './uninstall';

export interface SlackAdapterOptions extends SlackSettings {
  logLevel: LogLevel;
  /** The bot's ids. When absent they are asked of Slack (auth.test), which also checks the bot token. */
  identity?: { botId: string; botUserId: string };
  /** More Web API client options, such as the retry policy. */
  clientOptions?: Omit<webApi.WebClientOptions, 'logger' | 'logLevel' | 'slackApiUrl'>;
}

export interface RunningSlackAdapter extends RunningAdapter {
  name: 'slack';
  /**
   * HTTP mode: the port Slack's requests (`/slack/events`) and the install pages are served on.
   * Socket Mode: the install pages' port with the install flow, otherwise null.
   */
  port: number | null;
}

/** The path Slack posts slash commands and events to in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** With the install flow: where a workspace admin starts installing Parley, and where Slack sends them back. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * Serves every Parley command as Slack slash commands through Bolt, over a Socket Mode
 * connection (no public URL needed) or HTTP requests verified with the signing secret. With
 * one bot token it serves that token's workspace; with the OAuth credentials, every workspace
 * installed at `/slack/install`, each request and digest with its workspace's own token.
 */
export async function startSlackAdapter(parley: Parley, options: SlackAdapterOptions, log: Logger): Promise<RunningSlackAdapter> {
  const { connection, identity, oauth } = options;
  const logger = boltLogger(log, boltLogLevel(options.logLevel));
  const clientOptions = { ...options.clientOptions, ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}) };
  const installations = oauth ? new SlackInstallations(installationRecordsOf(parley), log) : null;
  const installFlow = oauth && installations ? installFlowOptions(oauth, installations, { ...clientOptions, logger }, options.apiUrl) : null;
  const app = new App({
    ...(installFlow
      ? {}
      : {
          token: options.botToken ?? undefined,
          ...(identity ? { botId: identity.botId, botUserId: identity.botUserId } : {}),
          tokenVerificationEnabled: identity === undefined,
        }),
    deferInitialization: true,
    logger,
    clientOptions,
    convoStore: false,
    ...receiverOptions(connection, logger, installFlow),
  });
  try {
    await app.init();
  } catch (error) {
    throw new Error(installFlow ? `Slack's install flow could not be set up: ${describeSlackError(error)}` : `Slack did not accept SLACK_BOT_TOKEN: ${describeSlackError(error)}`);
  }

  const names = new CommandNames(options.commandPrefix);
  const isChannelManager = channelManagers(app.client, options.digestManagers, log);
  // With one token, subscriptions belong to no particular workspace (NULL), as they always have.
  const workspaceOf = installations ? (context: WorkspaceIdentity) => workspaceIdOf(context) ?? null : () => null;
  app.command(names.pattern, commandListener({ parley, names, deliveries: new DeliveryLog({ shared: parley.sharedDeliveries, log }), isChannelManager, workspaceOf, log }));
  if (installations) listenForUninstalls(app, installations, parley.services.digests, log);
  app.error(async (error) => log.error('slack: a request failed in Bolt', error));

  let port: number | null = null;
  const installing = installations ? ` and installs at ${SLACK_INSTALL_PATH}` : '';
  if (connection.mode === 'http') {
    const server = await app.start({ port: connection.port, ...(connection.host ? { host: connection.host } : {}) });
    port = (server.address() as AddressInfo).port;
    log.info(`slack: HTTP mode, serving ${names.entryPoint}-… slash commands on port ${port} at ${SLACK_EVENTS_PATH}${installing}`);
  } else {
    await app.start().catch((error: unknown) => {
      throw new Error(`Slack Socket Mode could not connect; check SLACK_APP_TOKEN: ${describeSlackError(error)}`);
    });
    port = installations ? (connection.installPort ?? null) : null;
    log.info(`slack: Socket Mode, serving ${names.entryPoint}-… slash commands${installations ? `; install pages on port ${port} at ${SLACK_INSTALL_PATH}` : ''}`);
  }

  return {
    name: 'slack',
    port,
    stop: () => app.stop().then(() => undefined),
    digestPoster: slackDigestPoster(app.client, names, installations ? workspaceToken(installations) : () => Promise.resolve(undefined)),
  };
}

/** The database's installations, which the install flow needs; the adapter is only started where they are open. */
function installationRecordsOf(parley: Parley): InstallationRecords {
  const records = parley.services.installations;
  if (!records) throw new Error('the Slack install flow (SLACK_CLIENT_ID) needs the database, and none is open');
  return records;
}

/** Bolt's OAuth options: straight to Slack's consent page from `/slack/install` (no page of ours first), the bot scopes, the tokens in the database. */
function installFlowOptions(oauth: SlackOAuthSettings, installationStore: SlackInstallations, clientOptions: webApi.WebClientOptions, apiUrl: string | null) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore,
    scopes: [...BOT_SCOPES],
    installerOptions: {
      directInstall: true,
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
      clientOptions,
      // The consent page lives beside the Web API: https://slack.com/oauth/v2/authorize, or GovSlack's.
      ...(apiUrl ? { authorizationUrl: new URL('../oauth/v2/authorize', apiUrl).href } : {}),
    },
  };
}
type InstallFlowOptions = ReturnType<typeof installFlowOptions>;

/** The bot token of a subscription's workspace; one subscribed before the install flow (no workspace) has none to post with. */
function workspaceToken(installations: SlackInstallations): (workspaceId: string | null) => Promise<string> {
  return (workspaceId) =>
    workspaceId === null
      ? Promise.reject(new Error('this channel was subscribed when Parley had one SLACK_BOT_TOKEN, which is no longer set: subscribe it again from its workspace'))
      : installations.botToken(workspaceId);
}

function receiverOptions(connection: SlackConnection, logger: BoltLogger, installFlow: InstallFlowOptions | null): AppOptions {
  if (connection.mode === 'socket') {
    // Bolt's Socket Mode receiver serves the install pages itself, on a port of their own.
    const install = installFlow ? { ...installFlow, installerOptions: { ...installFlow.installerOptions, port: connection.installPort } } : {};
    return { socketMode: true, appToken: connection.appToken, ...install };
  }
  const receiver = new HTTPReceiver({ signingSecret: connection.signingSecret, endpoints: SLACK_EVENTS_PATH, logger, ...(installFlow ?? {}) });
  const verified = receiver.requestListener;
  receiver.requestListener = (request: IncomingMessage, response: ServerResponse) => {
    if (!isTimely(request)) {
      response.writeHead(401).end();
      return;
    }
    verified(request, response);
  };
  return { receiver };
}

/**
 * Slack's rule for a request's timestamp is "more than five minutes from local time", either
 * way; Bolt refuses old ones only, so one dated in the future would be answered (and could be
 * replayed for as long). A missing or malformed timestamp is left to Bolt, which refuses it.
 */
function isTimely(request: IncomingMessage): boolean {
  const header = request.headers['x-slack-request-timestamp'];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(timestamp)) return true;
  return Math.abs(Date.now() / 1000 - timestamp) <= MAX_CLOCK_SKEW_SECONDS;
}

/** Slack's five minutes. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Slack's error code (`invalid_auth`, …) rather than a stack: enough to fix the setting, and no token in it. */
function describeSlackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}
