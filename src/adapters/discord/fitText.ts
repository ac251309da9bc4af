/** Fitting text into Discord's length limits: cut at the best nearby break, marked with "…". */

export const ELLIPSIS = '…';

/** The text if it fits, else its beginning up to a natural break, ending with "…". */
export function truncate(text: string, max: number): string {
  return cutPiece(text, max)[0];
}

/**
 * The text in consecutive pieces of at most `max` characters, cut between paragraphs,
 * lines, sentences or words where possible; every piece but the last ends with "…".
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const [piece, after] = cutPiece(rest, max);
    pieces.push(piece);
    rest = after;
  }
  return pieces;
}

/** The first piece of at most `max` characters (ending with "…" when text remains), and the rest. */
export function cutPiece(text: string, max: number): [piece: string, rest: string] {
  if (text.length <= max) return [text, ''];
  const cut = breakBefore(text, max - ELLIPSIS.length);
  return [`${text.slice(0, cut).trimEnd()}${ELLIPSIS}`, text.slice(cut).trimStart()];
}

/** Breaks preferred in this order, each only if it keeps at least half of the allowed length. */
const BREAKS = ['\n\n', '\n', '. ', '; ', ', ', ' '];

function breakBefore(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const mark of BREAKS) {
    const at = window.lastIndexOf(mark, limit - mark.length);
    // Keep the sentence's full stop (or the comma) with the piece before the break.
    if (at >= limit / 2) return at + mark.trimEnd().length;
  }
  // No break nearby: cut mid-word, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
