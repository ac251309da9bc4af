import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Parley } from '../../app/parley';
import type { Caller } from '../../core/command';
import { SLASH_COMMAND, writeOutcomeRefs } from '../../core/commandRef';
import type { Outcome } from '../../core/invoke';
import type { Logger } from '../../log';
import { renderText } from './renderText';

export interface ConsoleStreams {
  input: Readable & { isTTY?: boolean };
  output: Writable;
  errors: Writable;
}

const CALLER: Caller = { platform: 'console', userId: null, channelId: null, canManageChannel: true };

/**
 * The local console: one-shot (`npm start -- ask "…"`), piped (one command a line) or
 * interactive. With `--json` every reply is one JSON object on one line. Returns the exit code.
 */
export async function runConsole(parley: Parley, argv: readonly string[], streams: ConsoleStreams): Promise<number> {
  const json = argv.includes('--json');
  const words = argv.filter((arg) => arg !== '--json');
  const print = ({ text }: Shown): void => {
    streams.output.write(`${text}\n`);
  };
  const run = async (line: string | readonly string[]): Promise<Shown> => shown(writeOutcomeRefs(await parley.runText(line, CALLER), SLASH_COMMAND), json, parley.log);

  if (words.length > 0) {
    const reply = await run(words);
    const { outcome } = reply;
    if (outcome.ok) {
      print(reply);
      return 0;
    }
    if (json) print(reply);
    streams.errors.write(`${outcome.error.message}\n`);
    return outcome.error.code === 'internal' ? 1 : 2;
  }

  const interactive = streams.input.isTTY === true && !json;
  const lines = createInterface({ input: streams.input, output: interactive ? streams.output : undefined, terminal: interactive });
  if (interactive) {
    streams.output.write(
      `Parley — ${parley.services.library.engine.articleCount} articles loaded. Type /help, a command such as /ask What did Putin say about Kursk?, or /quit.\n`,
    );
    lines.setPrompt('parley> ');
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line.length > 0 && !line.startsWith('#')) {
      print(await run(line));
      if (!json) streams.output.write('\n');
    }
    if (interactive) lines.prompt();
  }
  lines.close();
  return 0;
}

const APOLOGY = 'Sorry, something went wrong on our side while showing the reply. It has been logged; please try again later.';

/** An outcome and its text as printed. */
interface Shown {
  outcome: Outcome;
  text: string;
}

/** The outcome as printed, or an apology when its reply cannot be shown (its command broke the Reply contract): one bad reply never ends a session. */
function shown(outcome: Outcome, json: boolean, log: Logger): Shown {
  try {
    return { outcome, text: format(outcome, json) };
  } catch (error) {
    if (!outcome.ok) throw error;
    log.error(`console: the reply of /${outcome.reply.command} could not be shown`, error);
    const apology: Outcome = { ok: false, error: { code: 'internal', message: APOLOGY } };
    return { outcome: apology, text: format(apology, json) };
  }
}

function format(outcome: Outcome, json: boolean): string {
  if (json) return JSON.stringify(outcome.ok ? outcome.reply : { error: outcome.error });
  return outcome.ok ? renderText(outcome.reply) : `Error: ${outcome.error.message}`;
}
