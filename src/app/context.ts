import type { z } from 'zod';
import type { Caller, CommandDefinition } from '../core/command';
import type { Digests } from '../digest/digests';
import type { ArticleIngester } from '../ingest/lazyIngester';
import type { Library } from '../library/library';
import type { Logger } from '../log';
import type { InstallationRecords } from '../store/installations';

/**
 * What Parley gives its commands. A command that needs a new service names it here, and
 * `main.ts` provides it; nothing between them changes.
 */
export interface Services {
  library: Library;
  now: () => Date;
  /** Daily digest subscriptions; absent where no database is open. */
  digests?: Digests | undefined;
  /** Adds articles to the corpus; absent where this process cannot (it has no corpus folder to write). */
  ingester?: ArticleIngester | undefined;
  /** The platforms' installations (Slack workspaces installed through OAuth); absent where no database is open. */
  installations?: InstallationRecords | undefined;
}

/** What one command is given besides its options: the services, and the request's own caller and log. */
export interface CommandContext extends Services {
  caller: Caller;
  /** Every loaded command, for `help`. */
  commands: readonly ParleyCommand[];
  /** The request's logger: its lines carry the platform, the command and the request's number. */
  log: Logger;
}

/** A command in `commands/`. */
export type ParleyCommand = CommandDefinition<CommandContext>;

/** Identity function that gives a command in `commands/` its types. */
export const defineCommand = <Options extends z.ZodObject>(definition: CommandDefinition<CommandContext, Options>): CommandDefinition<CommandContext, Options> =>
  definition;
