import { englishTagger, type PartOfSpeech } from '../language/partsOfSpeech';
import type { Token } from './tokens';

/**
 * The parts of speech of one sentence's attribution tokens, tagged on first use only: most
 * sentences are decided by their words alone, and tagging every sentence of a large corpus
 * would cost more than attributing it.
 */
export class SentenceWordClasses {
  readonly #text: string;
  readonly #tokens: readonly Token[];
  #tags: (PartOfSpeech | null)[] | null = null;

  constructor(text: string, tokens: readonly Token[]) {
    this.#text = text;
    this.#tokens = tokens;
  }

  /** The part of speech of the token at `index`, or null when the tagger saw no token there. */
  at(index: number): PartOfSpeech | null {
    this.#tags ??= this.#tag();
    return this.#tags[index] ?? null;
  }

  /** Aligns the tagger's tokens with ours by where each starts in the text: "Putin’s" is one of ours, two of the tagger's. */
  #tag(): (PartOfSpeech | null)[] {
    const tagged = englishTagger().read(this.#text).tokens;
    const tagAtOffset = new Map<number, PartOfSpeech>();
    let cursor = 0;
    for (const token of tagged) {
      const at = this.#text.indexOf(token.text, cursor);
      if (at < 0) continue;
      tagAtOffset.set(at, token.pos);
      cursor = at + token.text.length;
    }
    cursor = 0;
    return this.#tokens.map((token) => {
      const at = this.#text.indexOf(token.raw, cursor);
      if (at < 0) return null;
      cursor = at + token.raw.length;
      return tagAtOffset.get(at) ?? null;
    });
  }
}
