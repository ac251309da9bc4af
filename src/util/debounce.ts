export interface Debounced {
  (): void;
  /** Runs now if a call is waiting. */
  flush(): void;
  cancel(): void;
}

/**
 * Runs `fn` once calls have stopped for `waitMs`, and at the latest `maxWaitMs` after the
 * first waiting call, so a steady stream of calls still gets through.
 */
export function debounce(fn: () => void, waitMs: number, maxWaitMs = Number.POSITIVE_INFINITY): Debounced {
  let timer: NodeJS.Timeout | null = null;
  let firstCall: number | null = null;
  const run = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstCall = null;
    fn();
  };
  const debounced = (): void => {
    firstCall ??= Date.now();
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(waitMs, firstCall + maxWaitMs - Date.now())));
    timer.unref();
  };
  debounced.flush = (): void => {
    if (timer) run();
  };
  debounced.cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstCall = null;
  };
  return debounced;
}
