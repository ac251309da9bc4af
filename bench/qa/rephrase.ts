import { Random } from '../common/random';

/**
 * The same question as another user would type it: with one typo, or wrapped in chat filler.
 * What Parley answers should not hinge on either; the labelled typo and chat questions test
 * that on a few dozen questions each, and these variants on every question answered.
 *
 * The filler here is deliberately not `config/question-words.yml`'s: a variant built from the
 * list Parley drops would only test the list.
 */

/** Ways of opening and closing a message in chat that `config/question-words.yml` does not list. */
const OPENINGS = ['ugh', 'hm', 'oh', 'alright', 'yeah', 'right', 'omg', 'bruh', 'sorry but', 'oh and'];
const CLOSINGS = ['lol', 'fr', 'haha', 'cheers', 'mate', 'at all', 'tbf', 'asap'];
const KEYBOARD = 'qwertyuiopasdfghjklzxcvbnm';

export type Rephrasing = 'typo' | 'chat';
export const REPHRASINGS: readonly Rephrasing[] = ['typo', 'chat'];

/** The question rephrased, the same for the same question and seed on every run. */
export function rephrase(question: string, how: Rephrasing, seed: number): string {
  const random = new Random(seed);
  return how === 'typo' ? withTypo(question, random) : asChat(question, random);
}

/**
 * One word of five letters or more, mistyped as fingers do: a letter dropped, doubled, swapped
 * with the next or replaced by another. Never the word itself: a swap of two like letters
 * ("ll") drops one instead, and a replacement is another letter.
 */
function withTypo(question: string, random: Random): string {
  const words = question.split(' ');
  const long = words.map((word, i) => [word, i] as const).filter(([word]) => /^\p{L}{5,}$/u.test(word));
  if (long.length === 0) return question;
  const [word, at] = random.pick(long);
  const i = random.int(1, word.length - 2);
  const dropped = word.slice(0, i) + word.slice(i + 1);
  const typed = [
    () => dropped,
    () => word.slice(0, i) + word[i]! + word.slice(i),
    () => (word[i] === word[i + 1] ? dropped : word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2)),
    () => word.slice(0, i) + random.pick([...KEYBOARD].filter((letter) => letter !== word[i]!.toLowerCase())) + word.slice(i + 1),
  ][random.int(0, 3)]!();
  return words.map((w, j) => (j === at ? typed : w)).join(' ');
}

/** Lower case, no closing punctuation, with an opening and sometimes a closing word of chat. */
function asChat(question: string, random: Random): string {
  const bare = question.toLowerCase().replace(/[?.!]+$/u, '');
  return `${random.pick(OPENINGS)} ${bare}${random.chance(0.5) ? ` ${random.pick(CLOSINGS)}` : ''}`;
}
