import type { Sentence } from '../corpus/article';

/**
 * The sentences of an article that say a claim it reports is false: a later sentence close
 * by ("This claim is entirely false.") or, failing that, the sentence itself when it calls
 * the claim false ("his repeated but false insistence that …"). A disputed claim is still
 * its party's position; replies mark it "disputed by [n]".
 */
export function disputesOf(sentences: readonly Sentence[], index: number): Sentence[] {
  const later = sentences.slice(index + 1, index + 1 + LOOK_AHEAD).find((s) => REFUTATION.test(s.text));
  if (later) return [later];
  return CALLED_FALSE.test(sentences[index]!.text) ? [sentences[index]!] : [];
}

/** How far after a claim its refutation is looked for, in sentences. */
const LOOK_AHEAD = 4;
const CLAIM_NOUNS = 'claims?|assertions?|insistence|allegations?|statements?|narratives?|accounts?|figures?|boasts?';
const FALSE_WORDS = 'false|untrue|baseless|unfounded|wrong|incorrect|misleading|not true|fabricated|debunked';
/** "This claim is entirely false.", "That assertion was baseless." */
const REFUTATION = new RegExp(
  `^(?:but|yet|however)?[,\\s]*(?:this|that|these|those|the|his|her|their|such)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${CLAIM_NOUNS})\\s+(?:is|was|are|were|has been|have been)\\s+(?:[\\p{L}]+ly\\s+)?(?:${FALSE_WORDS})\\b`,
  'iu',
);
/** "his false insistence", "falsely claimed": the sentence disputes what it reports. */
const CALLED_FALSE = /\b(?:false(?:ly)?|untrue|baseless|unfounded|debunked)\b/iu;
