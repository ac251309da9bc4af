import type { Adapter } from '../contract';
import { runConsole, type ConsoleStreams } from './console';

const PROCESS_STREAMS: ConsoleStreams = { input: process.stdin, output: process.stdout, errors: process.stderr };

/**
 * The local console as an adapter, for the command line's words (`ask "…"` runs one command,
 * `--json` prints JSON): always at hand, it ends with its input.
 */
export function consoleAdapter(argv: readonly string[], streams: ConsoleStreams = PROCESS_STREAMS): Adapter {
  return {
    name: 'console',
    configured: () => true,
    start: (parley) => {
      const finished = runConsole(parley, argv, streams);
      return Promise.resolve({ name: 'console', finished, stop: () => finished.then(() => undefined, () => undefined) });
    },
  };
}
