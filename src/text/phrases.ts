/** Where a phrase (a sequence of words or terms) starts in a sequence, at every occurrence. */
export function phraseStarts(sequence: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  if (phrase.length === 0) return starts;
  for (let i = 0; i + phrase.length <= sequence.length; i++) {
    if (phrase.every((item, j) => sequence[i + j] === item)) starts.push(i);
  }
  return starts;
}
