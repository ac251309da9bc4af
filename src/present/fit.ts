/**
 * Fitting text into a platform's length limits, one rule for every platform: text is cut at
 * the best break within its budget — a paragraph, a line, a sentence, a clause, a word — that
 * keeps at least half of it, and where it stops short a visible "…" says so. Limits count text
 * as sent, so the budget applies to the text as the platform's escape makes it (`&` becomes
 * `&amp;` on Slack); the plain text is cut, so that an escape is never split in two.
 */

export const ELLIPSIS = '…';

/** How text is made safe for where it goes; by default it goes as it is. */
export type Escape = (text: string) => string;

const asIs: Escape = (text) => text;

/** The escaped text if it fits, else the escaped beginning up to the best break, ending with "…". */
export function truncate(text: string, budget: number, escape: Escape = asIs): string {
  return cutPiece(text, budget, escape)[0];
}

/** The first piece of at most `budget` characters, escaped (ending with "…" when text remains), and the rest, not escaped. */
export function cutPiece(text: string, budget: number, escape: Escape = asIs): [piece: string, rest: string] {
  const whole = escape(text);
  if (whole.length <= budget) return [whole, ''];
  const end = bestBreak(text, fittingPrefixLength(text, budget - ELLIPSIS.length, escape));
  return [`${escape(text.slice(0, end).trimEnd())}${ELLIPSIS}`, text.slice(end).trimStart()];
}

/**
 * The text, escaped, in consecutive pieces of at most `budget` characters each. Each piece but
 * the last ends with "…", unless `marked` is false: pieces shown right after one another (one
 * Slack block after the other) need no mark.
 */
export function splitText(text: string, budget: number, { escape = asIs, marked = true }: { escape?: Escape; marked?: boolean } = {}): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (marked) {
      const [piece, after] = cutPiece(rest, budget, escape);
      pieces.push(piece);
      rest = after;
      continue;
    }
    const whole = escape(rest);
    if (whole.length <= budget) {
      pieces.push(whole);
      break;
    }
    const end = bestBreak(rest, fittingPrefixLength(rest, budget, escape));
    pieces.push(escape(rest.slice(0, end).trimEnd()));
    rest = rest.slice(end).trimStart();
  }
  return pieces;
}

/** Breaks preferred in this order; the mark (a full stop, a comma) stays with the piece before it. */
const BREAKS = [/\n\s*\n/gu, /\n/gu, /[.!?][”"’)]?\s/gu, /[;:]\s/gu, /,\s/gu, /\s/gu];

/** Where to end a piece of at most `fits` characters: the best break that keeps at least half of them, else `fits` (at least 1). */
function bestBreak(text: string, fits: number): number {
  // One character more, so that a break's space may sit just past the piece.
  const window = text.slice(0, fits + 1);
  for (const pattern of BREAKS) {
    let end = -1;
    for (const match of window.matchAll(pattern)) {
      const kept = match.index + match[0].trimEnd().length;
      if (kept <= fits) end = kept;
    }
    if (end >= fits / 2 && end > 0) return end;
  }
  return Math.max(fits, 1);
}

/**
 * The longest prefix of `text` (in UTF-16 units, never halving a surrogate pair) whose escaped
 * form fits, found by bisection: an escaped prefix only grows as the prefix does, and is never
 * shorter than the prefix, so no more than `budget` units need looking at.
 */
function fittingPrefixLength(text: string, budget: number, escape: Escape): number {
  let fits = 0;
  let over = Math.min(text.length, Math.max(budget, 0)) + 1;
  while (over - fits > 1) {
    const middle = Math.floor((fits + over) / 2);
    if (escape(text.slice(0, middle)).length <= budget) fits = middle;
    else over = middle;
  }
  const last = text.charCodeAt(fits - 1);
  const halvesPair = fits > 0 && fits < text.length && last >= 0xd800 && last <= 0xdbff;
  return halvesPair ? fits - 1 : fits;
}
