import { escapeMrkdwn } from './escape';
import { ELLIPSIS } from './limits';

/**
 * Fitting plain text into Slack's character limits. Limits count the text as sent, so the
 * budget applies to the escaped text (`&` becomes `&amp;`, a `*` in mrkdwn several times
 * more); cutting the plain text first never splits an escape in two. Text is escaped for
 * mrkdwn unless another escape (plain text's) is given.
 */

/** The escaped text, cut at a word boundary with a visible "…" when it is over the budget. */
export function truncateEscaped(text: string, budget: number, escape: Escape = escapeMrkdwn): string {
  const escaped = escape(text);
  if (escaped.length <= budget) return escaped;
  const cut = fittingPrefixLength(text, budget - ELLIPSIS.length, escape);
  const space = text.lastIndexOf(' ', cut);
  const end = space > cut * 0.8 ? space : cut;
  return `${escape(text.slice(0, end).trimEnd())}${ELLIPSIS}`;
}

/**
 * The escaped text in pieces of at most `budget` characters each, broken at the last
 * paragraph, line, sentence or word boundary that fits.
 */
export function splitEscaped(text: string, budget: number, escape: Escape = escapeMrkdwn): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    if (escape(rest).length <= budget) {
      pieces.push(escape(rest));
      break;
    }
    const fits = fittingPrefixLength(rest, budget, escape);
    const end = bestBreak(rest, fits);
    pieces.push(escape(rest.slice(0, end).trimEnd()));
    rest = rest.slice(end).trimStart();
  }
  return pieces;
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

/** How text is made safe for the text object it goes into: `escapeMrkdwn`, or `escapeText` for plain text. */
export type Escape = (text: string) => string;

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
