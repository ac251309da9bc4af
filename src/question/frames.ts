import type { Analyzer } from '../engine/analysis';
import type { AnswerType, QuestionFrame } from '../vocabulary/vocabulary';
import { phraseStarts } from './phrases';

export interface FrameMatch {
  expects: AnswerType;
  /** Positions of the frame's words in the question's words. */
  positions: number[];
}

/**
 * Finds how a question asks ("how long", "on what date", "who") among the frames of
 * `config/question-frames.yml`: the longest frame in the question, the earliest of equals.
 */
export class FrameMatcher {
  readonly #frames: { expects: AnswerType; words: string[] }[];

  constructor(frames: readonly QuestionFrame[], analyzer: Analyzer) {
    this.#frames = frames
      .flatMap((frame) => frame.frames.map((phrase) => ({ expects: frame.expects, words: analyzer.words(phrase) })))
      .filter((frame) => frame.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
  }

  match(words: readonly string[]): FrameMatch | null {
    let best: FrameMatch | null = null;
    for (const frame of this.#frames) {
      if (best && frame.words.length < best.positions.length) break;
      const start = phraseStarts(words, frame.words)[0];
      if (start === undefined) continue;
      if (!best || start < best.positions[0]!) best = { expects: frame.expects, positions: frame.words.map((_, i) => start + i) };
    }
    return best;
  }
}
