/** One cited sentence of an answer, as the benchmark compares it with the accepted ones. */
export interface CitedQuote {
  articleId: string;
  quote: string;
}

export interface BenchAnswer {
  /** The quotes, best first; a system that abstains quotes none. */
  citations: CitedQuote[];
  abstained: boolean;
  /** How answerable the system judged the question; abstaining systems abstain under their threshold. */
  answerability: number;
}

/** A question answerer under benchmark: Parley or a peer, given the same articles and questions. */
export interface Answerer {
  readonly name: string;
  answer(question: string): BenchAnswer;
}
