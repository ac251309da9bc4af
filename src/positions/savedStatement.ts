import type { Article, Sentence } from '../corpus/article';
import type { Party, Person, Topic } from '../vocabulary/vocabulary';
import type { Statement } from './positionIndex';

/**
 * A statement read back from the insights snapshot, carrying the keys saved with it: the one
 * replies group it by and its sentence's `sameStatementKey`. Kept on the object rather than in
 * a WeakMap, as setting two per statement took a fifth of a second of a restart at 50,000
 * articles. Private fields: a copy made by spreading (`{ ...statement, earlier }`) is a plain
 * object without them, and has its keys computed.
 */
export class SavedStatement implements Statement {
  readonly #groupKey: string;
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
    groupKey: string,
    sameAs: string,
  ) {
    this.#groupKey = groupKey;
    this.#sameAs = sameAs;
  }

  /** The group key saved with a statement, if it is one read back (`statementKey` in entries.ts). */
  static groupKeyOf(statement: Statement): string | undefined {
    return #groupKey in statement ? (statement as SavedStatement).#groupKey : undefined;
  }

  /** Its sentence's `sameStatementKey` as saved, if it is a statement read back. */
  static sameAsOf(statement: Statement): string | undefined {
    return #sameAs in statement ? (statement as SavedStatement).#sameAs : undefined;
  }
}
