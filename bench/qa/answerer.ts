/** One cited sentence of an answer, as the benchmark compares it with the accepted ones. */
export interface CitedQuote {
  articleId: string;
  quote: string;
}

import type { AnswerSignals } from '../../src/answer/answerability';

export interface BenchAnswer {
  /** The quotes, best first; a system that abstains quotes none. */
  citations: CitedQuote[];
  abstained: boolean;
  /** How answerable the system judged the question; abstaining systems abstain under their threshold. */
  answerability: number;
  /** What Parley judged answerability on (peers have none). */
  signals?: AnswerSignals | null;
}

/** A question answerer under benchmark: Parley or a peer, given the same articles and questions. */
export interface Answerer {
  readonly name: string;
  answer(question: string): BenchAnswer;
}
