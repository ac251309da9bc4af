import type { Parley } from '../../../src/app/parley';
import { SLACK_EVENTS_PATH, startSlackAdapter, type RunningSlackAdapter } from '../../../src/adapters/slack/app';
import type { SlackOAuthSettings } from '../../../src/adapters/slack/settings';
import type { SlackConnection } from '../../../src/settings';
import { captureLog, type CapturedLog } from '../capturedLog';
import { seedParley } from '../fixtures';
import { FakeSlack } from './fakeSlack';

/** Credentials of the test app; none is a real one. */
export const TEST_SLACK = Object.freeze({
  botToken: 'xoxb-0000-0000-test-bot-token',
  appToken: 'xapp-1-A0PARLEY-0000-test-app-token',
  signingSecret: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
});

/** The test app's OAuth credentials, for the install flow (many workspaces, no SLACK_BOT_TOKEN). */
export const TEST_SLACK_OAUTH: Readonly<SlackOAuthSettings> = Object.freeze({
  clientId: '1111111111.2222222222',
  clientSecret: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  stateSecret: 'state-secret-of-the-test-app-0123456789',
});

/** The settings (environment variables) of a bot serving Slack in HTTP mode on loopback, against the fake. */
export function slackHttpEnvironment(fake: FakeSlack): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_SLACK.botToken,
    SLACK_SIGNING_SECRET: TEST_SLACK.signingSecret,
    SLACK_MODE: 'http',
    SLACK_PORT: '0',
    SLACK_HOST: '127.0.0.1',
    SLACK_API_URL: fake.apiUrl,
  };
}

export interface SlackUnderTest {
  fake: FakeSlack;
  adapter: RunningSlackAdapter;
  /** HTTP mode: where Slack would POST slash commands. */
  eventsUrl: string;
  captured: CapturedLog;
  stop(): Promise<void>;
}

export interface SlackUnderTestOptions {
  mode?: SlackConnection['mode'];
  parley?: Parley;
  commandPrefix?: string;
  /** The log to write to; pass the one the Parley under test logs to, to read both in one place. */
  captured?: CapturedLog;
  /** A fake Slack set up beforehand (say, to refuse a token); one is started otherwise. */
  fake?: FakeSlack;
  /** Ask Slack for the bot's ids (auth.test) as in production, instead of giving them. */
  verifyBotToken?: boolean;
  /** Users allowed to manage digest subscriptions (SLACK_DIGEST_MANAGERS). */
  digestManagers?: string[];
  /** Many workspaces through the install flow instead of the one bot token; the Parley must have the database's installations. */
  oauth?: SlackOAuthSettings;
  /** Socket Mode with the install flow: the port of the install pages. */
  installPort?: number;
}

/**
 * The real Slack adapter (Bolt and all) against a fake Slack on loopback: HTTP mode on a free
 * port, or Socket Mode connected through the fake's apps.connections.open. The bot's ids are
 * given, so no auth.test is needed (unless `verifyBotToken`), and the Web API client does not retry.
 */
export async function startSlackUnderTest(options: SlackUnderTestOptions = {}): Promise<SlackUnderTest> {
  const fake = options.fake ?? (await FakeSlack.start());
  const captured = options.captured ?? captureLog('debug');
  const connection: SlackConnection =
    options.mode === 'socket'
      ? { mode: 'socket', appToken: TEST_SLACK.appToken, ...(options.installPort === undefined ? {} : { installPort: options.installPort }) }
      : { mode: 'http', signingSecret: TEST_SLACK.signingSecret, port: 0, host: '127.0.0.1' };
  const adapter = await startSlackAdapter(
    options.parley ?? (await seedParley()),
    {
      botToken: options.oauth ? null : TEST_SLACK.botToken,
      ...(options.oauth ? { oauth: options.oauth } : {}),
      connection,
      commandPrefix: options.commandPrefix ?? 'parley',
      apiUrl: fake.apiUrl,
      digestManagers: options.digestManagers ?? [],
      logLevel: 'debug',
      ...(options.verifyBotToken || options.oauth ? {} : { identity: { botId: 'B0PARLEY', botUserId: 'U0PARLEY' } }),
      clientOptions: { retryConfig: { retries: 0 } },
    },
    captured.log,
  );
  return {
    fake,
    adapter,
    eventsUrl: `http://127.0.0.1:${adapter.port ?? 0}${SLACK_EVENTS_PATH}`,
    captured,
    stop: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
}
