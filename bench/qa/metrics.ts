import type { BenchAnswer } from './answerer';
import { isAnswerable, type LabelledQuestion } from './dataset';

/** Figures over a set of questions; a figure with no question to count is null. */
export interface QaFigures {
  questions: number;
  /** Answerable questions whose first citation is an accepted sentence. */
  'hit@1': number | null;
  /** Answerable questions with an accepted sentence among the first three citations. */
  'hit@3': number | null;
  /** Share of answerable questions refused. */
  falseAbstentions: number | null;
  /** Share of unanswerable questions refused: "not found in the corpus" where that is true. */
  abstentionAccuracy: number | null;
}

export interface Judged {
  question: LabelledQuestion;
  answer: BenchAnswer;
}

/** Whether a citation quotes one of the question's accepted sentences (a quote may hold its neighbour too). */
export const citesAccepted = (question: LabelledQuestion, citation: { articleId: string; quote: string }): boolean =>
  question.answers.some((a) => a.article === citation.articleId && citation.quote.includes(a.text));

/** hit@k: an accepted sentence among the first k citations of an answer given. */
export const hitAt = (k: number, { question, answer }: Judged): boolean =>
  !answer.abstained && answer.citations.slice(0, k).some((c) => citesAccepted(question, c));

export function figures(judged: readonly Judged[]): QaFigures {
  const answerable = judged.filter((j) => isAnswerable(j.question.kind));
  const unanswerable = judged.filter((j) => !isAnswerable(j.question.kind));
  const share = (items: readonly Judged[], test: (j: Judged) => boolean): number | null =>
    items.length === 0 ? null : items.filter(test).length / items.length;
  return {
    questions: judged.length,
    'hit@1': share(answerable, (j) => hitAt(1, j)),
    'hit@3': share(answerable, (j) => hitAt(3, j)),
    falseAbstentions: share(answerable, (j) => j.answer.abstained),
    abstentionAccuracy: share(unanswerable, (j) => j.answer.abstained),
  };
}

/** The same answers, abstaining wherever answerability is under the threshold. */
export const atThreshold = (judged: readonly Judged[], threshold: number): Judged[] =>
  judged.map(({ question, answer }) => ({ question, answer: { ...answer, abstained: answer.answerability < threshold } }));
