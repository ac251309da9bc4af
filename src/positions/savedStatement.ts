import type { Article, Sentence } from '../corpus/article';
import type { Party, Person, Topic } from '../vocabulary/vocabulary';
import type { Statement } from './positionIndex';

/**
 * A statement read back from the insights snapshot, carrying the key saved with it: its
 * sentence's `sameStatementKey`, which replies group it by. Kept on the object rather than in
 * a WeakMap, as setting one per statement took a tenth of a second of a restart at 50,000
 * articles. Private fields: a copy made by spreading (`{ ...statement, earlier }`) is a plain
 * object without them, and has its keys computed.
 */
export class SavedStatement implements Statement {
  readonly #sameAs: string;

  constructor(
    public party: Party,
    public speaker: string,
    public official: Person | null,
    public topics: Topic[],
    public article: Article,
    public sentence: Sentence,
    public earlier: Statement['earlier'],
    public disputedBy: Sentence[],
    sameAs: string,
  ) {
    this.#sameAs = sameAs;
  }

  /** Its sentence's `sameStatementKey` as saved, if it is a statement read back. */
  static sameAsOf(statement: Statement): string | undefined {
    return #sameAs in statement ? (statement as SavedStatement).#sameAs : undefined;
  }
}
