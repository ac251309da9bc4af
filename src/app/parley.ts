import type { Caller, CommandDefinition } from '../core/command';
import { parseTextArguments, splitCommandLine, tokenizeLine } from '../core/args';
import { invokeCommand, type Outcome } from '../core/invoke';
import type { CommandRegistry } from '../core/registry';
import type { Digests } from '../digest/digests';
import type { ArticleIngester } from '../ingest/lazyIngester';
import type { Library } from '../library/library';
import type { Logger } from '../log';
import type { Metrics } from '../operation/metrics';

/**
 * The application as adapters see it: the commands, and one way to run them. Adapters
 * translate a platform request into `run` (structured options) or `runText` (a typed
 * line), and the reply into the platform's format; nothing else.
 */
/** One autocompletion: what to show, and the option value it stands for. */
export interface Suggestion {
  label: string;
  value: string;
}

export class Parley {
  readonly now: () => Date;
  /** Daily digests, when a database is open (not for one-shot console runs). */
  readonly digests: Digests | undefined;
  /** Adds articles to the corpus; null where this process cannot. */
  readonly ingester: ArticleIngester | null;
  readonly #metrics: Pick<Metrics, 'commandServed'> | undefined;
  /** Numbers the requests of this process, so one request's log lines can be found together. */
  #requests = 0;
  readonly #inFlight = new Set<Promise<Outcome>>();
  #closing = false;

  constructor(
    readonly registry: CommandRegistry,
    readonly library: Library,
    readonly log: Logger,
    services: { now?: () => Date; digests?: Digests; ingester?: ArticleIngester; metrics?: Pick<Metrics, 'commandServed'> } = {},
  ) {
    this.now = services.now ?? (() => new Date());
    this.digests = services.digests;
    this.ingester = services.ingester ?? null;
    this.#metrics = services.metrics;
  }

  commands(): CommandDefinition[] {
    return this.registry.list();
  }

  /**
   * Completions for an option whose spec names a vocabulary (`autocomplete: 'party'`):
   * values starting with, then containing, what was typed; at most `limit`.
   */
  suggestions(vocabulary: string, typed: string, limit = 25): Suggestion[] {
    const all = this.#vocabularyEntries(vocabulary);
    const needle = typed.trim().toLowerCase();
    const starts = all.filter((e) => e.keys.some((k) => k.startsWith(needle)));
    const contains = all.filter((e) => !starts.includes(e) && e.keys.some((k) => k.includes(needle)));
    return [...starts, ...contains].slice(0, limit).map(({ label, value }) => ({ label, value }));
  }

  #vocabularyEntries(vocabulary: string): (Suggestion & { keys: string[] })[] {
    const keysOf = (...names: string[]) => names.map((n) => n.toLowerCase());
    if (vocabulary === 'party') {
      return this.library.vocabulary.parties.flatMap((party) => [
        { label: party.name, value: party.id, keys: keysOf(party.name, party.id, ...party.names) },
        ...party.people.map((person) => ({
          label: `${person.name} (${party.name})`,
          value: person.aliases[0] ?? person.name,
          keys: keysOf(person.name, ...person.aliases, ...person.name.split(' ')),
        })),
      ]);
    }
    if (vocabulary === 'topic') {
      return this.library.vocabulary.topics.map((topic) => ({
        label: topic.name,
        value: topic.id,
        keys: keysOf(topic.id, topic.name, ...topic.aliases),
      }));
    }
    return [];
  }

  run(name: string, options: Record<string, unknown>, caller: Caller): Promise<Outcome> {
    if (this.#closing) {
      return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Parley is restarting. Please try again in a minute.' } });
    }
    const running = this.#serve(name, options, caller);
    this.#inFlight.add(running);
    void running.finally(() => this.#inFlight.delete(running));
    return running;
  }

  /** Shutting down: new commands are turned away; resolves when those under way have replied. */
  async drain(): Promise<void> {
    this.#closing = true;
    await Promise.allSettled([...this.#inFlight]);
  }

  async #serve(name: string, options: Record<string, unknown>, caller: Caller): Promise<Outcome> {
    const started = performance.now();
    // Unknown names are counted together: what users type must not create label values.
    const command = this.registry.get(name) ? name : 'unknown';
    const request = (++this.#requests).toString(36);
    const log = this.log.child({ platform: caller.platform, command, request });
    const outcome = await invokeCommand(this.registry, name, options, {
      library: this.library,
      caller,
      now: this.now,
      log,
      digests: this.digests,
      ingester: this.ingester,
    });
    const seconds = (performance.now() - started) / 1000;
    const result = outcome.ok ? 'ok' : outcome.error.code;
    this.#metrics?.commandServed(command, caller.platform, result, seconds);
    log.debug(`served: ${result} in ${Math.round(seconds * 1000)} ms`);
    return outcome;
  }

  /** Runs a typed command, with or without its slash: `/ask What did Putin demand?`, `position putin energy`. */
  runText(tokens: readonly string[] | string, caller: Caller): Promise<Outcome> {
    const { name, args } = splitCommandLine(typeof tokens === 'string' ? tokenizeLine(tokens) : tokens);
    const command = this.registry.get(name);
    // An unknown name still goes through `run`, which answers with the list of commands.
    return this.run(name, command ? parseTextArguments(command, args) : {}, caller);
  }
}
