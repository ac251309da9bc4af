/**
 * When each article joined the corpus, so that a digest covers what is new since the
 * channel's previous one, whatever the articles' own publication dates (kept in SQLite or
 * Postgres: src/store).
 */
export interface ArticleLedger {
  /** Records the articles not seen before as joining now. */
  sync(articleIds: Iterable<string>, now: Date): Promise<void>;
  /** Ids of the articles that joined after `after` (exclusive; null for the beginning) and up to `upTo`. */
  joinedBetween(after: Date | null, upTo: Date): Promise<Set<string>>;
}
