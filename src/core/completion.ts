/** One autocompletion: what to show, and the option value it stands for. */
export interface Suggestion {
  label: string;
  value: string;
}

/** A value an option may take, with the lower-case words that find it as it is typed. */
export interface Completion extends Suggestion {
  keys: readonly string[];
}

/**
 * Where an option's autocompletions come from, declared by the option itself
 * (`.meta({ autocomplete: source })`): the values, read off what the application gives its
 * commands (the loaded vocabulary, say).
 */
export type CompletionSource<Services = never> = (services: Services) => readonly Completion[];

declare module 'zod' {
  interface GlobalMeta {
    /** The option's autocompletions; see CompletionSource. */
    autocomplete?: CompletionSource;
  }
}

/** The completions for what was typed: those with a word starting with it, then those containing it; at most `limit`. */
export function rankCompletions(completions: readonly Completion[], typed: string, limit: number): Suggestion[] {
  const needle = typed.trim().toLowerCase();
  const starts = completions.filter((c) => c.keys.some((k) => k.startsWith(needle)));
  const contains = completions.filter((c) => !starts.includes(c) && c.keys.some((k) => k.includes(needle)));
  return [...starts, ...contains].slice(0, limit).map(({ label, value }) => ({ label, value }));
}
