import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/settings';

/** The settings of the Slack install flow (many workspaces), beside the one-token settings that stay as they were. */
const APP = 'xapp-1-A0-3333-abcdefghijklmnop';
const SIGNING = '0123456789abcdef0123456789abcdef';
const OAUTH = { SLACK_CLIENT_ID: '1111111111.2222222222', SLACK_CLIENT_SECRET: '0a1b2c3d4e5f60718293a4b5c6d7e8f9', SLACK_STATE_SECRET: 'a-long-random-state-secret-0123456789' };

describe('Slack install flow settings', () => {
  it('turns the install flow on with the three credentials, in HTTP mode, and keeps the secrets out of logs', () => {
    const settings = parseSettings({ ...OAUTH, SLACK_MODE: 'http', SLACK_SIGNING_SECRET: SIGNING, SLACK_PORT: '8080' });
    expect(settings.slack).toEqual({
      botToken: null,
      oauth: { clientId: OAUTH.SLACK_CLIENT_ID, clientSecret: OAUTH.SLACK_CLIENT_SECRET, stateSecret: OAUTH.SLACK_STATE_SECRET },
      connection: { mode: 'http', signingSecret: SIGNING, port: 8080 },
      commandPrefix: 'parley',
      apiUrl: null,
      digestManagers: [],
    });
    expect(settings.secrets).toEqual(expect.arrayContaining([SIGNING, OAUTH.SLACK_CLIENT_SECRET, OAUTH.SLACK_STATE_SECRET]));
  });

  it('in Socket Mode serves the install pages on SLACK_PORT', () => {
    expect(parseSettings({ ...OAUTH, SLACK_APP_TOKEN: APP, SLACK_PORT: '3100' }).slack).toMatchObject({ botToken: null, connection: { mode: 'socket', appToken: APP, installPort: 3100 } });
  });

  it('names the credential that is missing', () => {
    expect(() => parseSettings({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID, SLACK_MODE: 'http', SLACK_SIGNING_SECRET: SIGNING })).toThrow(
      'Setting SLACK_CLIENT_SECRET is missing: SLACK_CLIENT_ID is set, and the Slack install flow needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET.',
    );
    const { SLACK_STATE_SECRET: _, ...twoOfThree } = OAUTH;
    expect(() => parseSettings({ ...twoOfThree, SLACK_APP_TOKEN: APP })).toThrow(/^Setting SLACK_STATE_SECRET is missing: SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set/u);
    expect(() => parseSettings({ ...OAUTH, SLACK_MODE: 'http' })).toThrow(/^Setting SLACK_SIGNING_SECRET is missing/u);
  });

  it('refuses one bot token and the install flow at once, saying how to choose', () => {
    expect(() => parseSettings({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdefghijklmnop', SLACK_APP_TOKEN: APP })).toThrow(
      /^Settings SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: choose one\./u,
    );
  });

  it('refuses a malformed client id, and a client or state secret too short, without echoing the secrets', () => {
    expect(() => parseSettings({ ...OAUTH, SLACK_CLIENT_ID: 'parley-app', SLACK_APP_TOKEN: APP })).toThrow(
      'Setting SLACK_CLIENT_ID is invalid: must be the app\'s Client ID, digits.digits, e.g. 1234567890.0987654321 (got "parley-app").',
    );
    expect(() => parseSettings({ ...OAUTH, SLACK_STATE_SECRET: 'short', SLACK_APP_TOKEN: APP })).toThrow(/^Setting SLACK_STATE_SECRET is invalid: must be at least 16 characters.*\(value hidden\)\.$/u);
    expect(() => parseSettings({ ...OAUTH, SLACK_CLIENT_SECRET: 'short', SLACK_APP_TOKEN: APP })).toThrow(/^Setting SLACK_CLIENT_SECRET is invalid: .*\(value hidden\)\.$/u);
  });

  it('without any of them, the one-token settings work as before', () => {
    expect(parseSettings({ SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdefghijklmnop', SLACK_APP_TOKEN: APP }).slack).toEqual({
      botToken: 'xoxb-1111-2222-abcdefghijklmnop',
      connection: { mode: 'socket', appToken: APP },
      commandPrefix: 'parley',
      apiUrl: null,
      digestManagers: [],
    });
    expect(() => parseSettings({ SLACK_APP_TOKEN: APP })).toThrow(/^Setting SLACK_BOT_TOKEN is missing: SLACK_APP_TOKEN is set, .*or for many workspaces SLACK_CLIENT_ID/u);
  });
});
