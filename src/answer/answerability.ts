/** What answerability is judged on: how well the best quote covers the question, and what the corpus lacks. */
export interface AnswerSignals {
  /** The best quote's coverage, every wording counted. */
  coverage: number;
  /**
   * Its coverage by the question's own words (or typo readings) in the quote itself. Beside
   * `coverage` it tells how much came from other wordings: answers are often said otherwise,
   * while a near miss tends to repeat the corpus's own words.
   */
  directCoverage: number;
  /** The largest share of the question's weight that one term left uncovered by the best quote carries. */
  largestGap: number;
  /** Names, numbers and rare nouns no article has, each by its specificity. */
  unknown: number;
  /** Share of the question's weight carried by words no article has, an everyday word's counting half (see EVERYDAY_ABSENT_SHARE in selectAnswer.ts). */
  absentShare: number;
  /** The question points at another occasion than one reported ("the next call", "did it finally take effect"). */
  otherOccasion: number;
  /**
   * The question asks for an explanation (why, a comparison, a conclusion): its answers say
   * it in other words, so the same coverage means more than for a question of fact.
   */
  explained: boolean;
  /** The question asks for a date, a number or a duration … */
  strictType: boolean;
  /** … and the best quote holds one. */
  typeFound: boolean;
}

/** The signals as numbers, in the order of a model's weights. */
export const SIGNAL_NAMES = ['coverage', 'directCoverage', 'largestGap', 'unknown', 'absentShare', 'typeMissing', 'otherOccasion', 'explained'] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** A logistic model of answerability: the probability that the corpus answers, given the signals. */
export interface AnswerabilityModel {
  bias: number;
  weights: Readonly<Record<SignalName, number>>;
}

export function signalVector(signals: AnswerSignals): number[] {
  const values: Record<SignalName, number> = {
    coverage: signals.coverage,
    directCoverage: signals.directCoverage,
    largestGap: signals.largestGap,
    unknown: signals.unknown,
    absentShare: signals.absentShare,
    typeMissing: signals.strictType && !signals.typeFound ? 1 : 0,
    otherOccasion: signals.otherOccasion,
    explained: signals.explained ? 1 : 0,
  };
  return SIGNAL_NAMES.map((name) => values[name]);
}

/** One answerability score per question, 0–1; a question with no quote at all scores 0. */
export function answerability(signals: AnswerSignals | null, model: AnswerabilityModel): number {
  if (!signals) return 0;
  const vector = signalVector(signals);
  const z = SIGNAL_NAMES.reduce((sum, name, i) => sum + model.weights[name] * vector[i]!, model.bias);
  return 1 / (1 + Math.exp(-z));
}

/** What is known of a question's signals before any passage is read. */
export interface KnownSignals {
  unknown: number;
  absentShare: number;
  otherOccasion: number;
  explained: boolean;
  /** The most any quote can cover: the weight of terms the corpus has some wording of. */
  coverageCeiling: number;
  /** The least any quote leaves uncovered in one term: the largest term with no wording in the corpus. */
  gapFloor: number;
}

/**
 * The highest answerability any quote could reach for a question: the model at the best
 * corner of what the unread signals can be (a linear score peaks at a corner). When even that
 * is under the threshold, reading passages cannot change the answer.
 */
export function maxAnswerability(known: KnownSignals, model: AnswerabilityModel): number {
  const ceiling = known.coverageCeiling;
  let best = 0;
  for (const [coverage, directCoverage] of [[0, 0], [ceiling, 0], [ceiling, ceiling]] as const) {
    for (const largestGap of [known.gapFloor, 1]) {
      for (const typeFound of [true, false]) {
        const signals = { coverage, directCoverage, largestGap, unknown: known.unknown, absentShare: known.absentShare, otherOccasion: known.otherOccasion, explained: known.explained, strictType: true, typeFound };
        best = Math.max(best, answerability(signals, model));
      }
    }
  }
  return best;
}
