/**
 * Slack reads `&`, `<` and `>` as control characters: `<!channel>` notifies a whole channel,
 * `<@U123>` mentions a user and `<https://…|text>` is a link. Every piece of corpus or user
 * text is escaped, so that the only mentions and links in a message are those built here.
 * This is all a plain_text object (a header) and the notification text need; mrkdwn text
 * objects need `escapeMrkdwn`.
 */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Corpus or user text for a mrkdwn text object, shown exactly as written. Besides `&`, `<` and
 * `>`, Slack reads `*bold*`, `_italic_`, `~strike~`, `` `code` ``, a `>` starting a line (a
 * block quote) and `:emoji:` codes as formatting, and mrkdwn has no escape character. (A
 * zero-width space next to a mark does not help: Slack takes it as a word boundary, which
 * makes formatting more likely.) So each run of marks goes as the fallback text of a date
 * whose format has no date in it, which Slack shows as plain text (the technique of
 * jsx-slack's `<Escape>`); and a soft hyphen, which is invisible, goes before a `>` that
 * starts a line, since a date cannot hold `&gt;`. A reader sees, and copies, the text verbatim.
 */
export function escapeMrkdwn(text: string): string {
  return escapeText(text)
    .replace(MARK_RUNS, inert)
    .replace(EMOJI_CODE_START, inert)
    .replace(/^&gt;/gmu, `${SOFT_HYPHEN}&gt;`)
    .replace(/^＞/gmu, inert);
}

/** Runs of the characters mrkdwn formats with, full-width forms included. */
const MARK_RUNS = /[*_~`＊＿～｀]+/gu;
/** The colon opening an emoji code such as `:flag-ua:` (its underscores are marks already). */
const EMOJI_CODE_START = /:(?=[\w+'-]+:)/gu;
const SOFT_HYPHEN = '\u00ad';
/** Text Slack shows as it is: the fallback of a date with no date token in its format. */
const inert = (marks: string): string => `<!date^00000000^{_}|${marks}>`;

/** Slack sends slash command text with `&`, `<` and `>` entity-encoded; this reads it as typed. */
export function decodeText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/**
 * A link to a corpus URL around an already escaped label, or the label alone when the URL is
 * not an http(s) link, so that a malformed front matter field can never inject markup.
 */
export function linkTo(url: string | null, escapedLabel: string): string {
  const href = url === null ? null : safeHref(url);
  return href === null ? escapedLabel : `<${href}|${escapedLabel}>`;
}

function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // The URL parser percent-encodes `<` and `>`; `|` would end the link target.
  return escapeText(parsed.href.replaceAll('|', '%7C'));
}

/** Bold mrkdwn text; the text is escaped, its own marks shown as they are. */
export function bold(text: string): string {
  return `*${escapeMrkdwn(text)}*`;
}
