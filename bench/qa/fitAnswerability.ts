import { Random } from '../common/random';
import { answerability, SIGNAL_NAMES, signalVector, type AnswerabilityModel, type AnswerSignals, type SignalName } from '../../src/answer/answerability';

/** One question's signals and whether the corpus answers it. */
export interface Example {
  signals: AnswerSignals | null;
  answerable: boolean;
}

/**
 * Logistic regression of answerability on the signals, by gradient descent with a little L2
 * regularisation (every signal lies in 0–1, or counts a few unknown words, so one rate fits all).
 * The two classes weigh the same in all, however many questions each has, so that the model
 * learns what tells them apart rather than how common answerable questions are.
 * Questions with no quote at all are left out: they score 0 whatever the model.
 */
export function fitAnswerability(examples: readonly Example[], { l2 = 0.001, iterations = 5000, rate = 0.5 } = {}): AnswerabilityModel {
  const rows = examples.filter((e) => e.signals !== null).map((e) => ({ x: signalVector(e.signals!), y: e.answerable ? 1 : 0 }));
  const positives = rows.filter((r) => r.y === 1).length;
  const classWeight = (y: number): number => rows.length / (2 * Math.max(1, y === 1 ? positives : rows.length - positives));
  const weights = new Array<number>(SIGNAL_NAMES.length).fill(0);
  let bias = 0;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(weights.length).fill(0);
    let biasGradient = 0;
    for (const { x, y } of rows) {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, v, i) => sum + v * weights[i]!, bias)));
      const error = (p - y) * classWeight(y);
      x.forEach((v, i) => (gradient[i]! += error * v));
      biasGradient += error;
    }
    weights.forEach((w, i) => (weights[i] = w - rate * (gradient[i]! / rows.length + l2 * w)));
    bias -= (rate * biasGradient) / rows.length;
  }
  return { bias: round(bias), weights: Object.fromEntries(SIGNAL_NAMES.map((name, i) => [name, round(weights[i]!)])) as Record<SignalName, number> };
}

/** The lowest threshold at which at least `target` of the unanswerable questions score under it. */
export function thresholdFor(scores: readonly { answerability: number; answerable: boolean }[], target: number): number {
  const unanswerable = scores.filter((s) => !s.answerable).map((s) => s.answerability).sort((a, b) => a - b);
  if (unanswerable.length === 0) return 0;
  const index = Math.min(unanswerable.length - 1, Math.ceil(target * unanswerable.length) - 1);
  // Just above the score of the last question that must be refused.
  return round(unanswerable[index]! + 0.001);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** One question as cross-validation sees it: its example, and whether its answer cites an accepted sentence. */
export interface ScoredExample extends Example {
  hit: boolean;
}

/** Out-of-fold figures of fitting and thresholding at one target. */
export interface CrossValidated {
  target: number;
  'hit@3': number;
  abstentionAccuracy: number;
}

/**
 * The fit and the threshold, judged on questions neither saw: 5 folds, repeated with 10
 * shuffles (the questions are few, and one split's luck is large). A threshold meeting the
 * target on the questions it was chosen on meets less on others; this tells how much less.
 */
export function crossValidate(examples: readonly ScoredExample[], target: number, { folds = 5, repeats = 10 } = {}): CrossValidated {
  const random = new Random(7);
  let hits = 0;
  let answerable = 0;
  let refused = 0;
  let unanswerable = 0;
  for (let repeat = 0; repeat < repeats; repeat++) {
    const order = examples.map((example) => ({ example, key: random.next() })).sort((a, b) => a.key - b.key).map((o) => o.example);
    for (let fold = 0; fold < folds; fold++) {
      const train = order.filter((_, i) => i % folds !== fold);
      const model = fitAnswerability(train);
      const threshold = thresholdFor(train.map((e) => ({ answerability: answerability(e.signals, model), answerable: e.answerable })), target);
      for (const example of order.filter((_, i) => i % folds === fold)) {
        const abstains = answerability(example.signals, model) < threshold;
        if (example.answerable) {
          answerable++;
          if (example.hit && !abstains) hits++;
        } else {
          unanswerable++;
          if (abstains) refused++;
        }
      }
    }
  }
  return { target, 'hit@3': hits / Math.max(1, answerable), abstentionAccuracy: refused / Math.max(1, unanswerable) };
}

/** The lowest target whose threshold, chosen on other questions, still refuses `wanted` of the unanswerable ones. */
export function targetFor(examples: readonly ScoredExample[], wanted: number): { target: number; figures: CrossValidated[] } {
  const figures: CrossValidated[] = [];
  for (const target of FIT_TARGETS) {
    const result = crossValidate(examples, target);
    figures.push(result);
    if (result.abstentionAccuracy >= wanted) return { target, figures };
  }
  return { target: 1, figures };
}

/** Targets tried on the tuning split, from the one wanted up to refusing every unanswerable question seen. */
const FIT_TARGETS = [0.95, 0.96, 0.97, 0.98, 0.99, 1];
