import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipedBot, type PipedBot } from '../helpers/runBot';
import { eventually } from '../helpers/eventually';

/**
 * The health and metrics endpoints of a real bot process (the console in piped mode, so no
 * platform is needed), on a port the system chooses, learnt from the log.
 */
let bot: PipedBot;
let base: string;

beforeAll(async () => {
  bot = startPipedBot({ PARLEY_HEALTH_PORT: '0', PARLEY_HEALTH_HOST: '127.0.0.1' });
  await eventually(() => /health endpoints on http:\/\/127\.0\.0\.1:\d+/u.test(bot.stderr()), 'the health endpoint');
  base = /health endpoints on (http:\/\/127\.0\.0\.1:\d+)/u.exec(bot.stderr())![1]!;
  // The first reply means the index is loaded and commands are served.
  await bot.send('help');
});
afterAll(async () => {
  await bot.stop();
});

describe('the health endpoints of a running bot', () => {
  it('/healthz answers that the process is up', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers ready, with each check, once the index is loaded and commands are served', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, stopping: false, checks: { index: true, platforms: true, 'warm-up': true } });
  });

  it('/metrics counts the commands served, by name and outcome, in the Prometheus format', async () => {
    await bot.send('ask What did Putin say about Kursk?');
    await bot.send('recent abc');
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^parley_commands_total\{command="ask",platform="console",outcome="ok"\} 1$/mu);
    expect(text).toMatch(/^parley_commands_total\{command="recent",platform="console",outcome="invalid_input"\} 1$/mu);
    expect(text).toMatch(/^parley_command_duration_seconds_count\{command="ask"\} 1$/mu);
    expect(text).toMatch(/^parley_corpus_articles 5$/mu);
    expect(text).toMatch(/^parley_index_load_seconds\{source="corpus"\} [\d.e-]+$/mu);
    expect(text).toMatch(/^parley_process_resident_memory_bytes \d+/mu);
  });

  it('answers 404 elsewhere, and 405 to anything but GET', async () => {
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
