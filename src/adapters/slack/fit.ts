import { escapeText } from './escape';
import { ELLIPSIS } from './limits';

/**
 * Fitting plain text into Slack's character limits. Limits count the text as sent, so the
 * budget applies to the escaped text (`&` becomes `&amp;`); cutting the plain text first
 * never splits an entity in two.
 */

/** The escaped text, cut at a word boundary with a visible "…" when it is over the budget. */
export function truncateEscaped(text: string, budget: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= budget) return escaped;
  const cut = fittingPrefixLength(text, budget - ELLIPSIS.length);
  const space = text.lastIndexOf(' ', cut);
  const end = space > cut * 0.8 ? space : cut;
  return `${escapeText(text.slice(0, end).trimEnd())}${ELLIPSIS}`;
}

/**
 * The escaped text in pieces of at most `budget` characters each, broken at the last
 * paragraph, line, sentence or word boundary that fits.
 */
export function splitEscaped(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (escapeText(rest).length <= budget) {
      pieces.push(escapeText(rest));
      break;
    }
    const fits = fittingPrefixLength(rest, budget);
    const end = bestBreak(rest, fits);
    pieces.push(escapeText(rest.slice(0, end).trimEnd()));
    rest = rest.slice(end).trimStart();
  }
  return pieces;
}

/** The longest prefix of `text` (in UTF-16 units, never halving a surrogate pair) whose escaped form fits. */
function fittingPrefixLength(text: string, budget: number): number {
  let used = 0;
  let length = 0;
  for (const char of text) {
    const cost = char === '&' ? 5 : char === '<' || char === '>' ? 4 : char.length;
    if (used + cost > budget) break;
    used += cost;
    length += char.length;
  }
  return length;
}

const BREAKS = [/\n\s*\n/gu, /\n/gu, /[.!?;:][”"’)]?\s/gu, /\s/gu];

/** Where to end a piece of at most `fits` characters: the best boundary in its second half, else `fits`. */
function bestBreak(text: string, fits: number): number {
  const window = text.slice(0, fits);
  for (const pattern of BREAKS) {
    let end = -1;
    for (const match of window.matchAll(pattern)) end = match.index + match[0].length;
    if (end > fits / 2) return end;
  }
  return Math.max(fits, 1);
}
