/**
 * Slack slash command names are global to a workspace, so Parley's commands are prefixed:
 * `/parley-ask`, `/parley-sources`, … and `/parley` is a single entry point taking the command
 * as its first word (`/parley ask …`, `/parley` alone for help). This class maps between the
 * two namings, in both directions.
 */
export class CommandNames {
  constructor(readonly prefix: string) {}

  /** The single entry point, `/parley`. */
  get entryPoint(): string {
    return `/${this.prefix}`;
  }

  /** The Slack command for a Parley command, `ask` → `/parley-ask`: how Slack writes a reference to a command. */
  readonly slashCommand = (name: string): string => `${this.entryPoint}-${name}`;

  /**
   * Every Slack command of ours: the entry point and any `/parley-…`, including names Parley
   * does not have (a stale manifest), which are answered with the list of commands.
   */
  get pattern(): RegExp {
    return new RegExp(`^${this.entryPoint}(-[a-z0-9_-]+)?$`, 'u');
  }

  /** The Parley command a Slack command names, `/parley-ask` → `ask`; undefined for the entry point, whose text names it. */
  commandOf(slashCommand: string): string | undefined {
    return slashCommand === this.entryPoint ? undefined : slashCommand.slice(this.entryPoint.length + 1);
  }
}
