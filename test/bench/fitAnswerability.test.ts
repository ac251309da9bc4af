import { describe, expect, it } from 'vitest';
import type { AnswerSignals } from '../../src/answer/answerability';
import { crossValidate, fitAnswerability, targetFor, thresholdFor } from '../../bench/qa/fitAnswerability';

const signals = (coverage: number): AnswerSignals => ({
  coverage,
  directCoverage: coverage,
  largestGap: 1 - coverage,
  unknown: 0,
  absentShare: 0,
  otherOccasion: 0,
  explained: false,
  strictType: false,
  typeFound: false,
});
/** Answerable questions cover well, unanswerable ones poorly, with one near miss among each. */
const examples = [
  ...Array.from({ length: 40 }, (_, i) => ({ signals: signals(0.6 + (i % 10) * 0.04), answerable: true, hit: i % 4 !== 0 })),
  ...Array.from({ length: 40 }, (_, i) => ({ signals: signals(0.1 + (i % 10) * 0.04), answerable: false, hit: false })),
  { signals: signals(0.2), answerable: true, hit: true },
  { signals: signals(0.9), answerable: false, hit: false },
];

describe('fitting answerability', () => {
  it('learns that coverage makes a question answerable, and refuses the share asked of the unanswerable ones', () => {
    const model = fitAnswerability(examples);
    expect(model.weights.coverage).toBeGreaterThan(0);
    const scored = examples.map((e) => ({ answerability: 1 / (1 + Math.exp(-(model.bias + model.weights.coverage * e.signals.coverage + model.weights.directCoverage * e.signals.directCoverage + model.weights.largestGap * e.signals.largestGap))), answerable: e.answerable }));
    const threshold = thresholdFor(scored, 0.95);
    const refused = scored.filter((s) => !s.answerable && s.answerability < threshold).length;
    expect(refused / 41).toBeGreaterThanOrEqual(0.95);
  });

  it('judges the fit and threshold on questions neither saw, the same way on every run', () => {
    const once = crossValidate(examples, 0.95);
    expect(crossValidate(examples, 0.95)).toEqual(once);
    expect(once.abstentionAccuracy).toBeGreaterThan(0.9);
    expect(once['hit@3']).toBeLessThanOrEqual(30 / 41);
  });

  it('takes the lowest target that still refuses the share wanted out of fold', () => {
    const { target, figures } = targetFor(examples, 0.95);
    expect(figures.at(-1)!.target).toBe(target);
    expect(figures.at(-1)!.abstentionAccuracy).toBeGreaterThanOrEqual(0.95);
    for (const earlier of figures.slice(0, -1)) expect(earlier.abstentionAccuracy).toBeLessThan(0.95);
  });
});
