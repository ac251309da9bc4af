import { PassThrough } from 'node:stream';
import { runConsole } from '../../../src/adapters/console/console';
import { CONSOLE_CALLER } from '../fixtures';
import type { Delivered, Harness } from './harness';
import { applicationUnderTest, type ApplicationUnderTest } from './application';

/**
 * The local console, piped: each command line goes in on standard input, as `npm start`
 * reads it, and its rendered reply comes out on standard output. Every reply is the
 * operator's, who manages everything, and a terminal notifies nobody.
 */
export function consoleHarness(): Harness {
  let application: ApplicationUnderTest;

  return {
    name: 'console',
    traits: {
      slash: (command) => `/${command}`,
      privateReplies: false,
      roles: false,
      repeatsCommand: false,
      maxMessagesPerReply: 1,
      manager: CONSOLE_CALLER,
      mention: { everyone: '@everyone', person: '@someone' },
    },
    async start() {
      application = await applicationUnderTest();
    },
    async run(line): Promise<Delivered> {
      const input = Object.assign(new PassThrough(), { isTTY: false });
      const output = new PassThrough();
      const errors = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      input.end(`${line}\n`);
      const code = await runConsole(application.parley, [], { input, output, errors });
      if (code !== 0) throw new Error(`the console exited with ${code}`);
      return { text: printed.trim(), messages: printed.trim() ? 1 : 0, privateMessages: 0, pings: [], overLimits: [] };
    },
    messagesFor: () => 1,
    logged: () => application.captured.lines.join('\n'),
    stop: () => Promise.resolve(),
  };
}
