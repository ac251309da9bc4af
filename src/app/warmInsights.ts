import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Library } from '../library/library';
import type { Logger } from '../log';

const BATCH = 25;

/**
 * Attributes statements and dates events for every article in the background, a batch at a
 * time between requests, so that the first /position, /compare or /recent after start-up on
 * a large corpus does not pay for the whole corpus at once. First, /ask's language resources
 * are loaded, so that the first question does not wait for them either.
 */
export async function warmInsights(library: Library, log: Logger): Promise<void> {
  library.answers.warm();
  await yieldToRequests();
  const articles = library.engine.articles();
  const started = Date.now();
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH);
    library.positions.statements(batch);
    library.events.events(batch);
    await yieldToRequests();
  }
  log.debug(`positions and events ready for ${articles.length} articles in ${Date.now() - started} ms`);
}
