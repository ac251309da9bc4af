import type { Analyzer } from '../engine/analysis';
import type { AnswerType, QuestionFrame } from '../vocabulary/vocabulary';
import { phraseStarts } from '../text/phrases';

export interface FrameMatch {
  expects: AnswerType;
  /** Positions of the frame's words in the question's words. */
  positions: number[];
}

/**
 * Finds how a question asks ("how long", "on what date", "who") among the frames of
 * `config/question-frames.yml`, and the words that belong to the frame.
 */
export class FrameMatcher {
  readonly #frames: { expects: AnswerType; words: string[] }[];
  readonly #drops = new Map<AnswerType, Set<string>>();

  constructor(frames: readonly QuestionFrame[], analyzer: Analyzer) {
    this.#frames = frames
      .flatMap((frame) => frame.frames.map((phrase) => ({ expects: frame.expects, words: analyzer.words(phrase) })))
      .filter((frame) => frame.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    for (const frame of frames) this.#drops.set(frame.expects, new Set(frame.drops.flatMap((word) => analyzer.words(word))));
  }

  /** The frame that starts first ("why … more than" asks why), the longest of those starting there. */
  match(words: readonly string[]): FrameMatch | null {
    let best: { expects: AnswerType; start: number; length: number } | null = null;
    for (const frame of this.#frames) {
      const start = phraseStarts(words, frame.words)[0];
      if (start === undefined) continue;
      if (!best || start < best.start || (start === best.start && frame.words.length > best.length)) best = { expects: frame.expects, start, length: frame.words.length };
    }
    if (!best) return null;
    const { expects, start, length } = best;
    const drops = this.#drops.get(expects)!;
    const positions = words.map((word, i) => i).filter((i) => (i >= start && i < start + length) || drops.has(words[i]!));
    return { expects, positions };
  }
}
