import { describe, expect, it } from 'vitest';
import { runBot } from '../helpers/runBot';

describe('the log of a real bot process', () => {
  it('is JSON lines when stderr is not a terminal: each line parses, with time, level and message', async () => {
    const run = await runBot(['ask', 'What did Putin say about Kursk?'], { env: { PARLEY_LOG_FORMAT: 'auto', PARLEY_LOG_LEVEL: 'debug' } });
    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: expect.stringMatching(/^(debug|info|warn|error)$/u), msg: expect.any(String) });
      expect(new Date(String(entry.time)).toISOString()).toBe(entry.time);
    }
    // A request's lines carry its platform, command and request id.
    expect(entries).toContainEqual(expect.objectContaining({ platform: 'console', command: 'ask', request: expect.any(String), msg: expect.stringMatching(/^served: ok in \d+ ms$/u) }));
  });

  it('is readable `[level] message (fields)` lines with PARLEY_LOG_FORMAT=text', async () => {
    const run = await runBot(['ask', 'What did Putin say about Kursk?'], { env: { PARLEY_LOG_FORMAT: 'text', PARLEY_LOG_LEVEL: 'debug' } });
    expect(run.stderr).toMatch(/^\[debug\] served: ok in \d+ ms \(platform=console command=ask request=\w+\)$/mu);
  });
});
