import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log';

function logged(message: string): string {
  const lines: string[] = [];
  createLogger('debug', [], (line) => lines.push(line)).debug(message);
  return lines[0]!;
}

describe('the logger', () => {
  it('masks the configured secrets', () => {
    const lines: string[] = [];
    createLogger('debug', ['xoxb-0000-secret-token'], (line) => lines.push(line)).info('token xoxb-0000-secret-token refused');
    expect(lines).toEqual(['[info] token [redacted] refused']);
  });

  it('redacts query parameters that look like secrets, in any URL of a line, and keeps the others', () => {
    expect(logged('http request result: {"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=8f1e2d3c-4b5a&app_id=A0PARLEY"}')).toBe(
      '[debug] http request result: {"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=[redacted]&app_id=A0PARLEY"}',
    );
    expect(logged('feed https://example.com/feed?token=SECRET123&page=2: not modified')).toBe(
      '[debug] feed https://example.com/feed?token=[redacted]&page=2: not modified',
    );
    for (const name of ['key', 'api_key', 'apiKey', 'access_token', 'client_secret', 'sig', 'X-Amz-Signature', 'password', 'auth', 'code']) {
      expect(logged(`GET https://api.example.com/v1/items?q=ukraine&${name}=s3cr3t-value`)).toBe(
        `[debug] GET https://api.example.com/v1/items?q=ukraine&${name}=[redacted]`,
      );
    }
    expect(logged('callback https://example.com/done#access_token=abc.def.ghi&state=1')).toBe('[debug] callback https://example.com/done#access_token=[redacted]&state=1');
  });

  it('redacts the user name and password of a URL', () => {
    expect(logged('polling https://reader:hunter2@example.com/feed.rss failed')).toBe('[debug] polling https://[redacted]@example.com/feed.rss failed');
    expect(logged('polling http://p%40ss:w@rd@example.com:8080/feed failed')).toBe('[debug] polling http://[redacted]@example.com:8080/feed failed');
  });

  it('leaves URLs without secrets as they are', () => {
    const line = 'feed https://example.com/author/smith/feed?page=2&utm_source=rss&country_code=UA&author=smith (see https://example.com/about).';
    expect(logged(line)).toBe(`[debug] ${line}`);
  });

  it('redacts in errors and their stacks too', () => {
    const lines: string[] = [];
    createLogger('error', [], (line) => lines.push(line)).error('polling failed', new Error('fetch https://u:pw@example.com/f?token=T0KEN failed'));
    expect(lines[0]).not.toMatch(/T0KEN|u:pw/u);
    expect(lines[0]).toContain('https://[redacted]@example.com/f?token=[redacted]');
  });
});
