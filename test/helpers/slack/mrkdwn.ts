/**
 * How a Slack client shows mrkdwn, for the few rules that matter to Parley, written out
 * independently of the adapter: a `<!date^…^{…}|fallback>` whose format has no date token
 * shows its fallback as plain text; `&amp;`, `&lt;` and `&gt;` show as `&`, `<` and `>`; a
 * soft hyphen is invisible.
 */
const INERT_DATE = /<!date\^\d+\^\{_\}\|([^>|]*)>/gu;

/** The text a reader sees (and copies). */
export function readerView(mrkdwn: string): string {
  return mrkdwn.replace(INERT_DATE, '$1').replaceAll('\u00ad', '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/**
 * The mrkdwn formatting left live in a text: any `*`, `_`, `~` or backtick outside an inert
 * date, a line starting with a block quote's `>`, an emoji `:code:`.
 */
export function liveFormatting(mrkdwn: string): string[] {
  const outside = mrkdwn.replace(INERT_DATE, '\u0000');
  return [...outside.matchAll(/[*_~`＊＿～｀]|^(?:&gt;|＞)|:[\w+'-]+:/gmu)].map((m) => m[0]);
}
