import type { Article, Sentence } from '../corpus/article';
import type { Party, Person, Topic, Vocabulary } from '../vocabulary/vocabulary';
import { sameStatementKeyOf } from './entries';
import type { Statement } from './positionIndex';
import { SavedStatement } from './savedStatement';

/**
 * A statement as the insights snapshot keeps it, compact JSON: its party, speaker and
 * official by name, its topics by id, its sentence and the disputing ones by their text.
 */
export type StatementRecord = [
  party: string,
  speaker: string,
  official: string | null,
  topics: string[],
  sentence: SentenceRecord,
  earlier: [date: string | null, outOfOffice: boolean] | null,
  disputedBy: SentenceRecord[],
  /** `sameStatementKey` of its sentence: normalising every sentence again would take most of a restart's warm-up. */
  sameAs: string,
];
type SentenceRecord = [text: string, listItem: boolean];

export function statementRecord(statement: Statement): StatementRecord {
  const { party, speaker, official, topics, sentence, earlier, disputedBy } = statement;
  return [
    party.id,
    speaker,
    official?.name ?? null,
    topics.map((t) => t.id),
    sentenceRecord(sentence),
    earlier ? [earlier.date, earlier.outOfOffice] : null,
    disputedBy.map(sentenceRecord),
    sameStatementKeyOf(statement),
  ];
}

/**
 * Turns records back into an article's statements; throws on a party, person or topic the
 * vocabulary does not have (the record is then recomputed). A restart decodes every statement
 * of the corpus (240,000 at 50,000 articles), so what many share is made once: each list of
 * topics, and the empty list of disputing sentences.
 */
export class StatementDecoder {
  readonly #parties: Map<string, Party>;
  readonly #topics: Map<string, Topic>;
  /** Lists of topics by their ids joined: a corpus has a few hundred different ones. */
  readonly #topicLists = new Map<string, Topic[]>();

  constructor(vocabulary: Vocabulary) {
    this.#parties = new Map(vocabulary.parties.map((p) => [p.id, p]));
    this.#topics = new Map(vocabulary.topics.map((t) => [t.id, t]));
  }

  decode(records: readonly StatementRecord[], article: Article): Statement[] {
    return records.map(([partyId, speaker, officialName, topicIds, sentenceSaved, earlier, disputedBy, sameAs]) => {
      const party = known(this.#parties.get(partyId), 'party', partyId);
      if (typeof sameAs !== 'string') throw new Error('no key');
      const official: Person | null = officialName === null ? null : known(party.people.find((p) => p.name === officialName), 'person', officialName);
      return new SavedStatement(
        party,
        speaker,
        official,
        this.#topicList(topicIds),
        article,
        sentenceOf(sentenceSaved),
        earlier ? { date: earlier[0], outOfOffice: earlier[1] } : null,
        disputedBy.length === 0 ? NOT_DISPUTED : disputedBy.map(sentenceOf),
        sameAs,
      );
    });
  }

  /** The topics of these ids, the same list for the same ids (statements never change theirs). */
  #topicList(ids: readonly string[]): Topic[] {
    const joined = ids.join('\0');
    let topics = this.#topicLists.get(joined);
    if (!topics) {
      topics = ids.map((id) => known(this.#topics.get(id), 'topic', id));
      this.#topicLists.set(joined, topics);
    }
    return topics;
  }
}

/** The disputing sentences of every statement read back undisputed: one list, frozen, as none is ever added to. */
const NOT_DISPUTED = Object.freeze([]) as unknown as Sentence[];

const sentenceRecord = (sentence: Sentence): SentenceRecord => [sentence.text, sentence.listItem];
const sentenceOf = ([text, listItem]: SentenceRecord): Sentence => ({ text, listItem });

function known<T>(value: T | undefined, kind: string, name: string): T {
  if (value === undefined) throw new Error(`unknown ${kind} “${name.slice(0, 100)}”`);
  return value;
}
