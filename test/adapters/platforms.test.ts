import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleAdapter } from '../../src/adapters/console/adapter';
import { PLATFORMS, startAdapters } from '../../src/adapters/platforms';
import { parseSettings } from '../../src/settings';
import { seedParley } from '../helpers/fixtures';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token' };

function streams(input = '') {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return { streams: { input: Object.assign(PassThrough.from([input]), { isTTY: false }), output, errors: new PassThrough() }, printed: () => printed };
}

describe('the adapters', () => {
  it('are configured by their settings', () => {
    const configured = (env: Record<string, string>) => PLATFORMS.filter((a) => a.configured(parseSettings(env))).map((a) => a.name);
    expect(configured({})).toEqual([]);
    expect(configured(SLACK)).toEqual(['slack']);
    expect(configured({ ...SLACK, DISCORD_TOKEN: 'discord-token' })).toEqual(['discord', 'slack']);
  });

  it('run the console for a command line, even when a platform is configured; it ends by itself with its exit code', async () => {
    const parley = await seedParley();
    // A one-shot command with bad input: its message goes to standard error, and the run ends with 2.
    const adapters = await startAdapters(parley, parseSettings(SLACK), parley.log, ['recent', 'abc']);
    expect(adapters.map((a) => a.name)).toEqual(['console']);
    expect(await adapters[0]!.finished).toBe(2);
  });

  it('serve a console over any streams, with command references written as typed there', async () => {
    const parley = await seedParley();
    const console = streams('help ask\n');
    const running = await consoleAdapter([], console.streams).start(parley, parseSettings({}), parley.log);
    expect(await running.finished).toBe(0);
    expect(console.printed()).toContain('/ask <question>');
    await running.stop();
  });
});
