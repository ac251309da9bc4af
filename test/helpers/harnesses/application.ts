import type { Parley } from '../../../src/app/parley';
import type { RunningAdapter } from '../../../src/adapters/contract';
import { startPlatformAdapters } from '../../../src/adapters/platforms';
import { parseSettings } from '../../../src/settings';
import { captureLog, type CapturedLog } from '../capturedLog';
import { parleyWithTestCommands } from '../testCommands';

/** The application a harness serves: the real and the test commands, a log to read, and a count of the commands it ran. */
export interface ApplicationUnderTest {
  parley: Parley;
  captured: CapturedLog;
  /** How many commands it has run so far, whatever the adapter. */
  runs(): number;
}

export async function applicationUnderTest(): Promise<ApplicationUnderTest> {
  const captured = captureLog('debug');
  const parley = await parleyWithTestCommands(captured.log);
  // Parley logs each command it has run, whatever the adapter and the way in.
  const runs = () => captured.lines.filter((line) => SERVED.test(line)).length;
  return { parley, captured, runs };
}

const SERVED = /\bserved: [\w-]+ in \d+ ms/u;

/**
 * Starts the platform adapters as `npm start` does, from settings given as environment
 * variables (pointing at the local fakes); the test commands are why this runs in the test
 * process rather than as a child process.
 */
export function startAdaptersFromEnvironment(application: ApplicationUnderTest, env: Record<string, string>): Promise<RunningAdapter[]> {
  return startPlatformAdapters(application.parley, parseSettings(env), application.captured.log);
}

/** Stops what a harness started, adapters first. */
export async function stopAll(adapters: readonly RunningAdapter[], ...more: (() => Promise<void>)[]): Promise<void> {
  await Promise.all(adapters.map((adapter) => adapter.stop()));
  for (const stop of more) await stop();
}
