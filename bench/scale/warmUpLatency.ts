import type { Parley } from '../../src/app/parley';
import type { Caller } from '../../src/core/command';

/** How often a cheap request arrives while the bot warms up, as a busy channel's would. */
const PING_INTERVAL_MS = 100;

export interface WarmUpFigures {
  /** From the start of the warm-up to its end, with the requests below arriving meanwhile. */
  warmUpMs: number;
  /** The first /position, asked as the warm-up starts: from then until its reply was ready. */
  firstPositionMs: number;
  /** The longest any /help waited, from when it arrived to its reply: what an acknowledgement waits for too. */
  worstPingMs: number;
  pings: number;
}

/**
 * The restart the bot's users see: the background warm-up starts, a /position arrives at
 * once (it needs the statements the warm-up is still computing), and a /help every 100 ms
 * until both are done. A /help is answered as soon as the event loop is free, so its wait
 * is how long a platform's request would wait to be acknowledged.
 */
export async function measureWarmUp(parley: Parley, caller: Caller, warmUp: () => Promise<void>): Promise<WarmUpFigures> {
  const started = performance.now();
  const pingWaits: number[] = [];
  let done = false;
  // Each /help is due at a fixed time; one that could not run then has waited since.
  const pingsDone = new Promise<void>((resolve) => {
    const ping = (due: number): void => {
      void parley.run({ command: 'help', options: {}, caller }).then(() => {
        pingWaits.push(performance.now() - due);
        if (done) return resolve();
        const next = due + PING_INTERVAL_MS;
        setTimeout(() => ping(next), Math.max(0, next - performance.now()));
      });
    };
    setTimeout(() => ping(started + PING_INTERVAL_MS), PING_INTERVAL_MS);
  });
  const warmedUp = warmUp().then(() => performance.now() - started);
  const position = parley.run({ command: 'position', options: { party: 'russia' }, caller }).then(() => performance.now() - started);
  const [warmUpMs, firstPositionMs] = await Promise.all([warmedUp, position]);
  done = true;
  await pingsDone;
  return { warmUpMs, firstPositionMs, worstPingMs: Math.max(...pingWaits), pings: pingWaits.length };
}
