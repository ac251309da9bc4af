import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type AppOptions, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Parley } from '../../app/parley';
import type { Logger, LogLevel } from '../../log';
import type { SlackConnection, SlackSettings } from './settings';
import type { RunningAdapter } from '../contract';
import { boltLogger, boltLogLevel } from './boltLogger';
import { channelManagers } from './channelManagers';
import { commandListener } from './commandListener';
import { CommandNames } from './commandNames';
import { DeliveryLog } from '../deliveries';
import { slackDigestPoster } from './digestPoster';

export interface SlackAdapterOptions extends SlackSettings {
  logLevel: LogLevel;
  /** The bot's ids. When absent they are asked of Slack (auth.test), which also checks the bot token. */
  identity?: { botId: string; botUserId: string };
  /** More Web API client options, such as the retry policy. */
  clientOptions?: Omit<webApi.WebClientOptions, 'logger' | 'logLevel' | 'slackApiUrl'>;
}

export interface RunningSlackAdapter extends RunningAdapter {
  name: 'slack';
  /** HTTP mode: the port Slack's requests are served on (`/slack/events`); null in Socket Mode. */
  port: number | null;
}

/** The path Slack posts slash commands to in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Serves every Parley command as Slack slash commands through Bolt, over a Socket Mode
 * connection (no public URL needed) or HTTP requests verified with the signing secret.
 */
export async function startSlackAdapter(parley: Parley, options: SlackAdapterOptions, log: Logger): Promise<RunningSlackAdapter> {
  const { connection, identity } = options;
  const logger = boltLogger(log, boltLogLevel(options.logLevel));
  const app = new App({
    token: options.botToken,
    ...(identity ? { botId: identity.botId, botUserId: identity.botUserId } : {}),
    tokenVerificationEnabled: identity === undefined,
    deferInitialization: true,
    logger,
    clientOptions: { ...options.clientOptions, ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}) },
    convoStore: false,
    ...receiverOptions(connection, logger),
  });
  try {
    await app.init();
  } catch (error) {
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN: ${describeSlackError(error)}`);
  }

  const names = new CommandNames(options.commandPrefix);
  const isChannelManager = channelManagers(app.client, options.digestManagers, log);
  app.command(names.pattern, commandListener({ parley, names, deliveries: new DeliveryLog(), isChannelManager, log }));
  app.error(async (error) => log.error('slack: a request failed in Bolt', error));

  let port: number | null = null;
  if (connection.mode === 'http') {
    const server = await app.start({ port: connection.port, ...(connection.host ? { host: connection.host } : {}) });
    port = (server.address() as AddressInfo).port;
    log.info(`slack: HTTP mode, serving ${names.entryPoint}-… slash commands on port ${port} at ${SLACK_EVENTS_PATH}`);
  } else {
    await app.start().catch((error: unknown) => {
      throw new Error(`Slack Socket Mode could not connect; check SLACK_APP_TOKEN: ${describeSlackError(error)}`);
    });
    log.info(`slack: Socket Mode, serving ${names.entryPoint}-… slash commands`);
  }

  return {
    name: 'slack',
    port,
    stop: () => app.stop().then(() => undefined),
    digestPoster: slackDigestPoster(app.client, names),
  };
}

function receiverOptions(connection: SlackConnection, logger: BoltLogger): AppOptions {
  if (connection.mode === 'socket') return { socketMode: true, appToken: connection.appToken };
  const receiver = new HTTPReceiver({ signingSecret: connection.signingSecret, endpoints: SLACK_EVENTS_PATH, logger });
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
