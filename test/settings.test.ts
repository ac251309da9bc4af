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
      discord: null,
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

  it('configures Discord over the gateway from a token, which it marks as secret', () => {
    const settings = parseSettings({ DISCORD_TOKEN: ' bot-token-value ', DISCORD_GUILD_ID: '123456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9/api/' });
    expect(settings.discord).toEqual({
      mode: 'gateway',
      token: 'bot-token-value',
      applicationId: null,
      guildId: '123456789012345678',
      apiUrl: 'http://127.0.0.1:9/api',
    });
    expect(settings.secrets).toEqual(['bot-token-value']);
  });

  it('configures the HTTP interactions mode, which needs the public key but no token', () => {
    const key = 'AB'.repeat(32);
    expect(parseSettings({ DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: key, DISCORD_HTTP_PORT: '3000' }).discord).toEqual({
      mode: 'http',
      token: null,
      publicKey: key.toLowerCase(),
      httpHost: '127.0.0.1',
      httpPort: 3000,
      applicationId: null,
      guildId: null,
      apiUrl: 'https://discord.com/api',
    });
    expect(() => parseSettings({ DISCORD_MODE: 'http' })).toThrow(/DISCORD_PUBLIC_KEY is required when DISCORD_MODE=http/u);
    expect(() => parseSettings({ DISCORD_MODE: 'http', DISCORD_PUBLIC_KEY: 'short' })).toThrow(/^Setting DISCORD_PUBLIC_KEY is invalid/u);
    expect(() => parseSettings({ DISCORD_GUILD_ID: 'my-server' })).toThrow(/^Setting DISCORD_GUILD_ID is invalid: must be a Discord id/u);
  });
});
