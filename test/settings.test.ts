import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError } from '../src/settings';

describe('parseSettings', () => {
  it('has working defaults', () => {
    expect(parseSettings({}, '/srv/parley')).toEqual({
      corpusDir: resolve('/srv/parley/corpus'),
      configDir: resolve('/srv/parley/config'),
      dataDir: resolve('/srv/parley/data'),
      databaseUrl: null,
      leaseSeconds: 30,
      useSnapshot: true,
      corpusLimits: { maxArticleBytes: 5 * 1024 * 1024, maxFrontMatterBytes: 64 * 1024, maxFrontMatterKeys: 200 },
      logLevel: 'info',
      logFormat: 'auto',
      health: null,
      shutdownSeconds: 10,
      digest: { graceHours: 6, postWhenEmpty: false, maxAttempts: 4, firstRetryMinutes: 1 },
      clockStart: null,
      slack: null,
      discord: null,
      watchCorpus: true,
      feeds: [],
      feedPollMinutes: 30,
      feedLimits: { maxEntries: 50, maxAttempts: 5 },
      fetch: {
        timeoutMs: 20_000,
        maxBytes: 5 * 1024 * 1024,
        maxRedirects: 5,
        userAgent: 'Parley/0.1 (cited-answers chat bot; fetches news articles its operators add)',
        allowedPrivateRanges: [],
      },
      secrets: [],
    });
  });

  it('reads the corpus file limits, and refuses one below what a valid file needs', () => {
    const settings = parseSettings({ PARLEY_MAX_ARTICLE_BYTES: '1048576', PARLEY_MAX_FRONT_MATTER_BYTES: '4096', PARLEY_MAX_FRONT_MATTER_KEYS: '50' });
    expect(settings.corpusLimits).toEqual({ maxArticleBytes: 1_048_576, maxFrontMatterBytes: 4096, maxFrontMatterKeys: 50 });
    expect(() => parseSettings({ PARLEY_MAX_FRONT_MATTER_KEYS: '3' })).toThrow(/^Setting PARLEY_MAX_FRONT_MATTER_KEYS is invalid: .*\(got "3"\)\.$/u);
  });

  it('reads the feeds to poll and the fetch limits', () => {
    const settings = parseSettings({
      PARLEY_FEEDS: 'https://a.example/rss, https://b.example/atom.xml\nhttps://c.example/feed',
      PARLEY_FEED_POLL_MINUTES: '15',
      PARLEY_FEED_MAX_ENTRIES: '200',
      PARLEY_FEED_MAX_ATTEMPTS: '3',
      PARLEY_FETCH_TIMEOUT_SECONDS: '2.5',
      PARLEY_FETCH_MAX_MB: '0.5',
      PARLEY_WATCH_CORPUS: 'false',
    });
    expect(settings).toMatchObject({
      feeds: ['https://a.example/rss', 'https://b.example/atom.xml', 'https://c.example/feed'],
      feedPollMinutes: 15,
      feedLimits: { maxEntries: 200, maxAttempts: 3 },
      watchCorpus: false,
      fetch: { timeoutMs: 2500, maxBytes: 512 * 1024 },
    });
    expect(() => parseSettings({ PARLEY_FEEDS: 'https://a.example/rss ftp://b.example/x' })).toThrow(/^Setting PARLEY_FEEDS is invalid: must be http\(s\) URLs/u);
  });

  it('allows private addresses: none, all, or the ranges listed', () => {
    const ranges = (value: string) => parseSettings({ PARLEY_FETCH_ALLOW_PRIVATE: value }).fetch.allowedPrivateRanges;
    expect(ranges('false')).toEqual([]);
    expect(ranges('true')).toEqual(['0.0.0.0/0', '::/0']);
    expect(ranges('127.0.0.1, 10.20.0.0/16 fd00::/8')).toEqual(['127.0.0.1/32', '10.20.0.0/16', 'fd00::/8']);
    expect(() => ranges('intranet')).toThrow(/^Setting PARLEY_FETCH_ALLOW_PRIVATE is invalid: must be true, false, or addresses/u);
  });

  it('reads values and treats empty ones as unset', () => {
    const settings = parseSettings({ PARLEY_DATA_DIR: '/var/lib/parley', PARLEY_SNAPSHOT: 'false', PARLEY_LOG_LEVEL: '' }, '/srv');
    expect(settings).toMatchObject({ dataDir: '/var/lib/parley', useSnapshot: false, logLevel: 'info' });
  });

  it('keeps state in the Postgres of PARLEY_DATABASE_URL, never logging the URL, and refuses another kind of database', () => {
    const url = 'postgres://parley:Hunter2@db.internal:5432/parley';
    expect(parseSettings({ PARLEY_DATABASE_URL: url })).toMatchObject({ databaseUrl: url, secrets: [url] });
    expect(parseSettings({ PARLEY_DATABASE_URL: 'postgresql://db/parley' }).databaseUrl).toBe('postgresql://db/parley');
    expect(() => parseSettings({ PARLEY_DATABASE_URL: 'mysql://root:Hunter2@db/parley' })).toThrow(
      /^Setting PARLEY_DATABASE_URL is invalid: must be a Postgres URL such as postgres:\/\/user:password@host:5432\/parley \(value hidden\)\.$/u,
    );
  });

  it('names a bad setting', () => {
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(SettingsError);
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(/^Setting PARLEY_SNAPSHOT is invalid: .* \(got "maybe"\)\.$/u);
  });

  it('reads the lease duration of work shared by replicas, within 1–600 seconds', () => {
    expect(parseSettings({ PARLEY_LEASE_SECONDS: '5' }).leaseSeconds).toBe(5);
    expect(() => parseSettings({ PARLEY_LEASE_SECONDS: '0' })).toThrow(/^Setting PARLEY_LEASE_SECONDS is invalid: .*\(got "0"\)\.$/u);
    expect(() => parseSettings({ PARLEY_LEASE_SECONDS: 'long' })).toThrow(/^Setting PARLEY_LEASE_SECONDS is invalid/u);
  });

  it('echoes at most 100 characters of a bad value, with a URL in it still redacted', () => {
    expect(() => parseSettings({ PARLEY_LOG_LEVEL: 'v'.repeat(5000) })).toThrow(/^Setting PARLEY_LOG_LEVEL is invalid: .* \(got "v{100}…"\)\.$/u);
    const error = (() => {
      try {
        parseSettings({ PARLEY_FEED_POLL_MINUTES: `https://reader:Hunter2@feeds.example/${'x'.repeat(200)}` });
      } catch (thrown) {
        return (thrown as Error).message;
      }
    })();
    expect(error).toMatch(/\(got ".{1,100}…"\)\.$/u);
    expect(error).not.toContain('Hunter2');
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
        digestManagers: [],
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

    it('reads the users allowed to manage digest subscriptions', () => {
      expect(parseSettings({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_DIGEST_MANAGERS: 'U012AB3CD, U045EF6GH' }).slack!.digestManagers).toEqual([
        'U012AB3CD',
        'U045EF6GH',
      ]);
      expect(() => parseSettings({ SLACK_DIGEST_MANAGERS: 'alice' })).toThrow(/^Setting SLACK_DIGEST_MANAGERS is invalid/u);
    });
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

  it('reads the digest options and the test clock', () => {
    const settings = parseSettings({ PARLEY_DIGEST_GRACE_HOURS: '2', PARLEY_DIGEST_POST_WHEN_EMPTY: 'yes', PARLEY_CLOCK_START: '2025-03-21T07:59:00Z' });
    expect(settings.digest).toMatchObject({ graceHours: 2, postWhenEmpty: true });
    expect(settings.clockStart).toEqual(new Date('2025-03-21T07:59:00Z'));
    expect(() => parseSettings({ PARLEY_CLOCK_START: 'tomorrow' })).toThrow(/^Setting PARLEY_CLOCK_START is invalid/u);
  });
});
