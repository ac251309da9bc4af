import type { Party, Topic } from '../vocabulary/vocabulary';

/** What the lookups need of a statement (positionIndex.ts's Statement; not imported, as that file builds these). */
interface Stated {
  party: Party;
  topics: readonly Topic[];
}

/**
 * The statements of a whole corpus, in the order given (newest coverage first), looked up by
 * party and topic. Built once per state of the corpus, so that a command reads the few
 * thousand statements it needs instead of filtering every statement of the corpus.
 */
export class CorpusStatements<Statement extends Stated> {
  readonly all: readonly Statement[];
  readonly #byParty = new Map<Party, Statement[]>();
  /** Per party, then per topic; filled on first use. */
  readonly #byPartyTopic = new Map<Party | null, Map<Topic, Statement[]>>();

  constructor(statements: readonly Statement[]) {
    this.all = Object.freeze([...statements]);
    for (const statement of statements) {
      let ofParty = this.#byParty.get(statement.party);
      if (!ofParty) this.#byParty.set(statement.party, (ofParty = []));
      ofParty.push(statement);
    }
    for (const ofParty of this.#byParty.values()) Object.freeze(ofParty);
  }

  /**
   * The statements of a party (all parties when none), on a topic (any when none), in the
   * corpus's order. Frozen, and the same array at every call: `groupStatements` groups each once.
   */
  of(party?: Party, topic?: Topic): readonly Statement[] {
    const ofParty = party ? (this.#byParty.get(party) ?? (NONE as readonly Statement[])) : this.all;
    if (!topic) return ofParty;
    const key = party ?? null;
    let byTopic = this.#byPartyTopic.get(key);
    if (!byTopic) {
      byTopic = new Map();
      for (const statement of ofParty) {
        for (const t of statement.topics) {
          let onTopic = byTopic.get(t);
          if (!onTopic) byTopic.set(t, (onTopic = []));
          if (onTopic.at(-1) !== statement) onTopic.push(statement);
        }
      }
      for (const onTopic of byTopic.values()) Object.freeze(onTopic);
      this.#byPartyTopic.set(key, byTopic);
    }
    return byTopic.get(topic) ?? (NONE as readonly Statement[]);
  }
}

const NONE: readonly never[] = Object.freeze([]);
