import type { z } from 'zod';
import type { Reply } from './reply';

/** Who is asking, as far as the platform tells us. */
export interface Caller {
  platform: 'console' | 'discord' | 'slack';
  userId: string | null;
  channelId: string | null;
  /** The Slack workspace asking, when Parley is installed in several (OAuth); absent or null where the platform has one token. */
  workspaceId?: string | null;
  /** Whether the platform says this user may manage the channel (digest subscriptions, adding articles). */
  canManageChannel: boolean;
}

/**
 * One request, as each platform's input becomes it once: the command it names, the options
 * as given (the command's schema validates them), and who asks.
 */
export interface CommandRequest {
  command: string;
  options: Record<string, unknown>;
  caller: Caller;
}

/**
 * One chat command, defined once for every platform: its options are a zod object whose
 * field descriptions become the platforms' option descriptions. `Context` is what the
 * application gives each command besides its options (its services, the caller, …): the
 * core passes it on and knows nothing of it.
 */
export interface CommandDefinition<Context = never, Options extends z.ZodObject = z.ZodObject> {
  /** Lower-case, as Discord and Slack require: letters, digits and dashes. */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  options: Options;
  /** The order in which plain-text arguments fill options; the last one takes the rest of the line. */
  positional?: readonly (keyof z.infer<Options> & string)[];
  /** Example invocations shown by `help`, without the leading slash. */
  examples?: readonly string[];
  /**
   * Only channel managers may run the command, or some of it: it changes a channel's settings
   * (digest subscriptions) or the corpus (ingest). The one notion of permission on every
   * platform: adapters report in `caller.canManageChannel` whether the caller is a manager (on
   * Slack a workspace admin or owner, or a listed digest manager; on Discord a member with
   * Manage Server, never anyone in a DM), and Discord offers such commands in servers only,
   * registered for Manage Server by default.
   */
  managesChannel?: boolean;
  /**
   * Whether the reply will be seen by the asker alone, as far as it is known before the command
   * runs (`/ingest`; `/digest preview`; a managing action asked by someone who may not). Adapters
   * that acknowledge a command before answering it acknowledge such a one privately, so that no
   * public "thinking…" is shown for a private reply.
   */
  repliesPrivately?: (options: z.output<Options>, caller: Caller) => boolean;
  handler: (options: z.output<Options>, context: Context) => Reply | Promise<Reply>;
}

/** Identity function that gives a command definition its types; an application binds `Context` (see src/app/context.ts). */
export const defineCommand = <Options extends z.ZodObject, Context = unknown>(definition: CommandDefinition<Context, Options>): CommandDefinition<Context, Options> =>
  definition;
