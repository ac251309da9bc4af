import type { Answerer, BenchAnswer } from './answerer';
import type { LabelledQuestion } from './dataset';
import { figures, type Judged } from './metrics';
import { REPHRASINGS, rephrase, type Rephrasing } from './rephrase';

/** Each question's answers when asked again as another user would type it (see rephrase.ts). */
export type Rephrased = ReadonlyMap<LabelledQuestion, Record<Rephrasing, Judged>>;

/** One system's figures on some questions as written and rephrased. */
export interface RobustnessFigures {
  /** hit@3 over the answerable questions: as written, with one typo, as chat. */
  'hit@3': Record<'written' | Rephrasing, number | null>;
  /** Abstention accuracy over the unanswerable questions, likewise; null for a system that never abstains. */
  abstentionAccuracy: Record<'written' | Rephrasing, number | null> | null;
}

/** Asks every question rephrased each way, `finish` applied to each answer as to the questions as written (Parley's threshold). */
export function askRephrased(answerer: Answerer, questions: readonly LabelledQuestion[], finish: (answer: BenchAnswer) => BenchAnswer): Rephrased {
  return new Map(
    questions.map((question, index) => [
      question,
      Object.fromEntries(REPHRASINGS.map((how) => [how, { question, answer: finish(answerer.answer(rephrase(question.question, how, SEED + index))) }])) as Record<Rephrasing, Judged>,
    ]),
  );
}

/** The figures of the questions `written` (as answered as written) beside their rephrasings' answers. */
export function robustnessFigures(written: readonly Judged[], rephrased: Rephrased, abstains: boolean): RobustnessFigures {
  const asked = { written: figures(written), ...Object.fromEntries(REPHRASINGS.map((how) => [how, figures(written.map((j) => rephrased.get(j.question)![how]))])) };
  const each = (key: 'hit@3' | 'abstentionAccuracy') => Object.fromEntries(Object.entries(asked).map(([how, f]) => [how, f[key]])) as Record<'written' | Rephrasing, number | null>;
  return { 'hit@3': each('hit@3'), abstentionAccuracy: abstains ? each('abstentionAccuracy') : null };
}

/** Seeds the rephrasings (plus the question's place in the set): the same variants on every run. */
const SEED = 12;
