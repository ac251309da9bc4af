import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError } from '../src/settings';

describe('parseSettings', () => {
  it('has working defaults', () => {
    expect(parseSettings({}, '/srv/parley')).toEqual({
      corpusDir: resolve('/srv/parley/corpus'),
      configDir: resolve('/srv/parley/config'),
      dataDir: resolve('/srv/parley/data'),
      useSnapshot: true,
      logLevel: 'info',
      slack: null,
      secrets: [],
    });
  });

  it('reads values and treats empty ones as unset', () => {
    const settings = parseSettings({ PARLEY_DATA_DIR: '/var/lib/parley', PARLEY_SNAPSHOT: 'false', PARLEY_LOG_LEVEL: '' }, '/srv');
    expect(settings).toMatchObject({ dataDir: '/var/lib/parley', useSnapshot: false, logLevel: 'info' });
  });

  it('names a bad setting', () => {
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(SettingsError);
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(/^Setting PARLEY_SNAPSHOT is invalid: .* \(got "maybe"\)\.$/u);
  });

  describe('Slack', () => {
    const BOT = 'xoxb-1111-2222-abcdefghijklmnop';
    const APP = 'xapp-1-A0-3333-abcdefghijklmnop';
    const SECRET = '0123456789abcdef0123456789abcdef';

    it('uses Socket Mode with the app-level token by default', () => {
      expect(parseSettings({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toMatchObject({
        slack: { botToken: BOT, connection: { mode: 'socket', appToken: APP }, commandPrefix: 'parley', apiUrl: null },
        secrets: [BOT, APP],
      });
    });

    it('serves HTTP requests verified with the signing secret when asked', () => {
      const settings = parseSettings({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_MODE: 'http', SLACK_PORT: '8080', SLACK_COMMAND_PREFIX: 'news' });
      expect(settings.slack).toEqual({
        botToken: BOT,
        connection: { mode: 'http', signingSecret: SECRET, port: 8080 },
        commandPrefix: 'news',
        apiUrl: null,
      });
      expect(settings.secrets).toEqual([BOT, SECRET]);
    });

    it('names the missing setting', () => {
      expect(() => parseSettings({ SLACK_BOT_TOKEN: BOT })).toThrow(/^Setting SLACK_APP_TOKEN is missing: Socket Mode/u);
      expect(() => parseSettings({ SLACK_BOT_TOKEN: BOT, SLACK_MODE: 'http' })).toThrow(/^Setting SLACK_SIGNING_SECRET is missing/u);
      expect(() => parseSettings({ SLACK_APP_TOKEN: APP })).toThrow(/^Setting SLACK_BOT_TOKEN is missing: SLACK_APP_TOKEN is set/u);
    });

    it('catches swapped tokens without printing them', () => {
      const swapped = () => parseSettings({ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: BOT });
      expect(swapped).toThrow('Setting SLACK_BOT_TOKEN is invalid: must be the bot token, starting with xoxb- (value hidden).');
      expect(() => parseSettings({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: BOT })).toThrow(/SLACK_APP_TOKEN is invalid: .*\(value hidden\)\.$/u);
    });

    it('refuses a command prefix Slack would not accept', () => {
      expect(() => parseSettings({ SLACK_COMMAND_PREFIX: 'Parley Bot' })).toThrow(/^Setting SLACK_COMMAND_PREFIX is invalid/u);
    });
  });
});
