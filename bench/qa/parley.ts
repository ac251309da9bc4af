import { selectAnswer } from '../../src/answer/selectAnswer';
import type { SearchEngine } from '../../src/engine/engine';
import type { Answerer, BenchAnswer } from './answerer';

/** Parley's answer selection, exactly as /ask runs it. */
export class ParleyAnswerer implements Answerer {
  readonly name = 'parley';

  constructor(private readonly engine: SearchEngine) {}

  answer(question: string): BenchAnswer {
    const answer = selectAnswer(this.engine, question);
    return {
      citations: answer.sentences.map((s) => ({ articleId: s.article.id, quote: s.sentence.text })),
      abstained: answer.abstained,
      answerability: answer.abstained ? 0 : 1,
    };
  }
}
