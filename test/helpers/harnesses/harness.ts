import type { Caller } from '../../../src/core/command';
import type { Reply } from '../../../src/core/reply';

/**
 * One adapter under test, driven the way its platform drives it (a typed line, a gateway
 * event, a signed HTTP request, a Socket Mode envelope), with what the user would see read
 * back into one shape, so that the contract suite states each scenario once for all adapters.
 */
export interface Harness {
  name: string;
  traits: HarnessTraits;
  /** Starts the adapter over the application with the real and the test commands (in `beforeAll`). */
  start(): Promise<void>;
  /**
   * Runs a command line ("ask What did Putin say?"), as this platform's user types it, and
   * resolves with the reply once `messages` messages of it (1 by default) have arrived.
   */
  run(line: string, options?: RunOptions): Promise<Delivered>;
  /**
   * Delivers a command, then delivers it again as the platform does when it thinks the first
   * delivery was lost, and resolves once a later command has been answered.
   * Absent where the platform never redelivers (the console).
   */
  redeliver?(line: string): Promise<Redelivery>;
  /** How many messages this platform's renderer makes of a reply. */
  messagesFor(reply: Reply): number;
  /** Everything logged so far. */
  logged(): string;
  stop(): Promise<void>;
}

export interface HarnessTraits {
  /** A command name as this platform's users type it: `/ask`, or `/parley-ask` on Slack. */
  slash(command: string): string;
  /** Whether a reply can be seen by the asker alone; on the console every reply is the operator's. */
  privateReplies: boolean;
  /** Whether the platform tells managers from other users; on the console the operator manages everything. */
  roles: boolean;
  /** The most messages one reply may take here. */
  maxMessagesPerReply: number;
  /** Who a manager running a command here is, as the core sees them (to ask the core what it answers them). */
  manager: Caller;
  /** Whether a reply repeats the command as typed above its answer (chat platforms do; the console's operator just typed it). */
  repeatsCommand: boolean;
  /** How a user of this platform writes a mention of everyone and of one person. */
  mention: { everyone: string; person: string };
}

export interface RunOptions {
  /** Who runs it; a member by default. On the console it is always the operator, who manages. */
  as?: Role;
  /** How many messages to wait for. */
  messages?: number;
}

export type Role = 'manager' | 'member';

/** A reply as the platform received it, normalised. */
export interface Delivered {
  /** What the reader sees, every message in order, with the platform's escaping undone. */
  text: string;
  /** How many messages the reply took. */
  messages: number;
  /** How many of them only the asker sees. */
  privateMessages: number;
  /** Mentions that would notify someone when the messages are shown. */
  pings: string[];
  /** How the messages broke the platform's limits (what it refused, or would). */
  overLimits: string[];
}

/** What a redelivered command led to. */
export interface Redelivery {
  /** How many times the application ran the command. */
  runs: number;
  /** How many messages answered it. */
  messages: number;
}
