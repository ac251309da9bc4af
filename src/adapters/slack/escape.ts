/**
 * Slack reads `&`, `<` and `>` as control characters: `<!channel>` notifies a whole channel,
 * `<@U123>` mentions a user and `<https://…|text>` is a link. Every piece of corpus or user
 * text is escaped, so that the only mentions and links in a message are those built here.
 */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

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

/** Bold mrkdwn text; the text is escaped. */
export function bold(text: string): string {
  return `*${escapeText(text)}*`;
}
