import type { AnswerSelector } from '../../src/answer/selectAnswer';
import { DEFAULT_ANSWER_OPTIONS } from '../../src/answer/selectAnswer';
import type { Answerer, BenchAnswer } from './answerer';

/** Parley's answer selection as /ask runs it, asked never to abstain so that every threshold can be applied afterwards. */
export class ParleyAnswerer implements Answerer {
  readonly name = 'parley';

  constructor(private readonly answers: AnswerSelector, private readonly options = DEFAULT_ANSWER_OPTIONS) {}

  answer(question: string): BenchAnswer {
    const answer = this.answers.select(question, { ...this.options, minAnswerability: -Infinity });
    return {
      citations: answer.sentences.map((s) => ({ articleId: s.article.id, quote: s.text })),
      abstained: answer.abstained || answer.answerability < this.options.minAnswerability,
      answerability: answer.abstained ? 0 : answer.answerability,
      signals: answer.signals,
    };
  }
}
