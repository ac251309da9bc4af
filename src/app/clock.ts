/**
 * The application's clock: the real one, or — for tests and demos (PARLEY_CLOCK_START) —
 * one that reads the given instant at start-up and runs on from there.
 */
export function clockFrom(start: Date | null): () => Date {
  if (start === null) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
