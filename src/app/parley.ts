import { readCommandLine } from '../core/args';
import type { Caller, CommandRequest } from '../core/command';
import { rankCompletions, type CompletionSource, type Suggestion } from '../core/completion';
import { runCommand, validateRequest, type Outcome, type Validated } from '../core/invoke';
import type { CommandRegistry } from '../core/registry';
import type { Logger } from '../log';
import type { Metrics } from '../operation/metrics';
import type { DeliveryRecords } from '../store/deliveries';
import type { CommandContext, ParleyCommand, Services } from './context';

/**
 * A request checked once, before it runs: adapters that acknowledge a command before answering
 * it learn here whether it will run and whether its reply will be private.
 */
export interface PreparedRequest {
  /** False when the request was refused without running anything (an unknown command, invalid options). */
  readonly runs: boolean;
  /** Whether the reply will be seen by the asker alone, as the command declares before it runs. */
  readonly repliesPrivately: boolean;
  /** Runs the request (once, however often it is asked for) and resolves with its outcome. */
  outcome(): Promise<Outcome>;
}

/**
 * The application as adapters see it: the commands, and one way to run them. Adapters
 * translate a platform request into a `CommandRequest` (or a typed line, `runText`) and the
 * reply into the platform's format; nothing else.
 */
export class Parley {
  readonly #metrics: Pick<Metrics, 'commandServed'> | undefined;
  /** Numbers the requests of this process, so one request's log lines can be found together. */
  #requests = 0;
  readonly #inFlight = new Set<Promise<Outcome>>();
  #closing = false;

  constructor(
    readonly registry: CommandRegistry<CommandContext>,
    readonly services: Services,
    readonly log: Logger,
    metrics?: Pick<Metrics, 'commandServed'>,
    /** The requests already answered, shared by the replicas on one database: each adapter's `DeliveryLog` records there too. */
    readonly sharedDeliveries?: DeliveryRecords,
  ) {
    this.#metrics = metrics;
  }

  commands(): ParleyCommand[] {
    return this.registry.list();
  }

  /**
   * Completions from an option's source (its spec's `autocomplete`) for what was typed: values
   * starting with, then containing, it; at most `limit`.
   */
  suggestions(source: CompletionSource, typed: string, limit = 25): Suggestion[] {
    // An option declares its source in untyped schema metadata; Parley's options complete from its services.
    return rankCompletions((source as CompletionSource<Services>)(this.services), typed, limit);
  }

  /** Checks a request once; what it returns tells whether it will run, and runs it. */
  prepare(request: CommandRequest): PreparedRequest {
    const validated = validateRequest(this.registry, request);
    let outcome: Promise<Outcome> | undefined;
    return {
      runs: validated.ok,
      repliesPrivately: validated.ok && (validated.command.repliesPrivately?.(validated.options, request.caller) ?? false),
      outcome: () => (outcome ??= this.#track(request, validated)),
    };
  }

  run(request: CommandRequest): Promise<Outcome> {
    return this.prepare(request).outcome();
  }

  /** Runs a typed command, with or without its slash: `/ask What did Putin demand?`, `position putin energy`. */
  runText(line: readonly string[] | string, caller: Caller): Promise<Outcome> {
    return this.run({ ...readCommandLine(this.registry, line), caller });
  }

  /** Shutting down: new commands are turned away; resolves when those under way have replied. */
  async drain(): Promise<void> {
    this.#closing = true;
    await Promise.allSettled([...this.#inFlight]);
  }

  #track(request: CommandRequest, validated: Validated<CommandContext>): Promise<Outcome> {
    if (this.#closing) {
      return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Parley is restarting. Please try again in a minute.' } });
    }
    const running = this.#serve(request, validated);
    this.#inFlight.add(running);
    void running.finally(() => this.#inFlight.delete(running));
    return running;
  }

  async #serve({ command: name, caller }: CommandRequest, validated: Validated<CommandContext>): Promise<Outcome> {
    const started = performance.now();
    // Unknown names are counted together: what users type must not create label values.
    const command = this.registry.get(name) ? name : 'unknown';
    const request = (++this.#requests).toString(36);
    const log = this.log.child({ platform: caller.platform, command, request });
    const context: CommandContext = { ...this.services, commands: this.registry.list(), caller, log };
    const outcome = validated.ok ? await runCommand(validated.command, validated.options, context, log) : validated;
    const seconds = (performance.now() - started) / 1000;
    const result = outcome.ok ? 'ok' : outcome.error.code;
    this.#metrics?.commandServed(command, caller.platform, result, seconds);
    log.debug(`served: ${result} in ${Math.round(seconds * 1000)} ms`);
    return outcome;
  }
}
