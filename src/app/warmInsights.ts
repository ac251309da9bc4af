import { saveInsights, type Library } from '../library/library';
import type { Logger } from '../log';
import { prepareGroups } from '../positions/entries';

/**
 * Makes every article's statements and dated events ready in the background, in slices of a
 * few milliseconds between requests, so that the first /position, /compare or /recent after
 * start-up on a large corpus does not pay for the whole corpus at once; one asked meanwhile
 * waits for the same work (it is never done twice) while other requests are answered.
 * After a restart they are read back from the insights snapshot; whatever had to be computed
 * instead (a first start, a changed article, a damaged record) is saved there afterwards.
 * First, /ask's language resources are loaded, so that the first question does not wait for them either.
 */
export async function warmInsights(library: Library, log: Logger): Promise<void> {
  await library.answers.warm();
  const articles = library.engine.articles();
  const started = Date.now();
  // Statements first, as more commands need them; a /recent asked meanwhile starts on the events itself.
  await library.positions.prepare(articles);
  await library.events.prepare(articles);
  const { positions, events } = library;
  // Every party's statements grouped into entries, so that the first /position groups nothing. /compare's per-topic
  // lists are left to it (it groups them a slice at a time too): grouping them here made the warm-up at 50,000 articles a second longer.
  const statements = await positions.corpusStatements(articles);
  // After a restart they come grouped from the insights snapshot (see derivedIndexes in library.ts): this groups none of them then.
  await prepareGroups(library.vocabulary.parties.map((party) => statements.of(party)));
  log.debug(
    `positions and events ready for ${articles.length} articles in ${Date.now() - started} ms ` +
      `(statements: ${positions.counts.restored} restored from the insights snapshot, ${positions.counts.computed} computed; ` +
      `events: ${events.counts.restored} restored, ${events.counts.computed} computed)`,
  );
  if (library.savedInsights?.outdated && (await saveInsights(library))) log.debug(`statements and events saved to ${library.savedInsights.path}`);
}
