import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Library } from '../library/library';
import type { Logger } from '../log';

/**
 * Attributes statements and dates events for every article in the background, in slices of
 * a few milliseconds between requests, so that the first /position, /compare or /recent
 * after start-up on a large corpus does not pay for the whole corpus at once; one asked
 * meanwhile waits for the same work (it is never done twice) while other requests are
 * answered. First, /ask's language resources are loaded, so that the first question does
 * not wait for them either.
 */
export async function warmInsights(library: Library, log: Logger): Promise<void> {
  library.answers.warm();
  await yieldToRequests();
  const articles = library.engine.articles();
  const started = Date.now();
  // Statements first, as more commands need them; a /recent asked meanwhile starts on the events itself.
  await library.positions.prepare(articles);
  await library.events.prepare(articles);
  log.debug(`positions and events ready for ${articles.length} articles in ${Date.now() - started} ms`);
}
