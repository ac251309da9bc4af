import type { Reply } from '../../core/reply';

/**
 * Slack slash command names are global to a workspace, so Parley's commands are prefixed:
 * `/parley-ask`, `/parley-sources`, … and `/parley` is a single entry point taking the command
 * as its first word (`/parley ask …`, `/parley` alone for help). This class maps between the
 * two namings, in both directions.
 */
export class CommandNames {
  readonly #reference: RegExp | null;

  constructor(
    readonly prefix: string,
    commandNames: readonly string[],
  ) {
    // Longest first, so that `/ask-more` is not read as `/ask` followed by "-more".
    const alternatives = [...commandNames].sort((a, b) => b.length - a.length).join('|');
    this.#reference = alternatives ? new RegExp(`(^|[\\s(“"'])/(${alternatives})(?![\\w-])`, 'gu') : null;
  }

  /** The single entry point, `/parley`. */
  get entryPoint(): string {
    return `/${this.prefix}`;
  }

  /** The Slack command for a Parley command: `ask` → `/parley-ask`. */
  slashCommand(name: string): string {
    return `${this.entryPoint}-${name}`;
  }

  /**
   * Every Slack command of ours: the entry point and any `/parley-…`, including names Parley
   * does not have (a stale manifest), which are answered with the list of commands.
   */
  get pattern(): RegExp {
    return new RegExp(`^${this.entryPoint}(-[a-z0-9_-]+)?$`, 'u');
  }

  /** The command line Parley runs: `/parley-ask` with "What…" → "ask What…"; `/parley` with "ask What…" → "ask What…". */
  commandLine(slashCommand: string, text: string): string {
    if (slashCommand === this.entryPoint) return text;
    return `${slashCommand.slice(this.entryPoint.length + 1)} ${text}`;
  }

  /**
   * Parley's own text names commands as typed elsewhere (`/ask <question>`); in Slack they are
   * `/parley-ask`. The verbatim quotes are left exactly as the corpus has them.
   */
  inText(text: string, verbatim: readonly string[] = []): string {
    const reference = this.#reference;
    if (reference === null) return text;
    const rename = (part: string) => part.replace(reference, (_match, before: string, name: string) => `${before}${this.slashCommand(name)}`);
    let out = '';
    let cursor = 0;
    for (const [start, end] of occurrences(text, verbatim)) {
      if (end <= cursor) continue;
      if (start > cursor) out += rename(text.slice(cursor, start));
      out += text.slice(Math.max(start, cursor), end);
      cursor = end;
    }
    return out + rename(text.slice(cursor));
  }

  /** The reply with its command references in Slack's naming. */
  inReply(reply: Reply): Reply {
    const quotes = [...reply.citations, ...(reply.related ?? [])].map((c) => c.quote);
    return {
      ...reply,
      ...(reply.title === undefined ? {} : { title: this.inText(reply.title, quotes) }),
      text: this.inText(reply.text, quotes),
      ...(reply.sections === undefined
        ? {}
        : { sections: reply.sections.map((s) => ({ ...s, title: this.inText(s.title, quotes), body: this.inText(s.body, quotes) })) }),
    };
  }
}

/** Where each of the strings occurs in the text, as [start, end) ranges in order. */
function occurrences(text: string, strings: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const s of strings) {
    if (s.length === 0) continue;
    for (let at = text.indexOf(s); at !== -1; at = text.indexOf(s, at + s.length)) ranges.push([at, at + s.length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
