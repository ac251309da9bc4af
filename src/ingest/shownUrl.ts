/**
 * How a URL is shown to people (a reply, a log line, an error): never with the user name or
 * password it may carry, and — quoted in a message — never longer than a line.
 */

/** Enough of a URL to recognise it; a message is not the place for a 2,000-character link. */
const MAX_QUOTED_CHARACTERS = 100;

/** The URL with any user name and password replaced by `***`; anything else as given. */
export function withoutCredentials(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // Not a URL the parser takes, but it may still hold `scheme://user:password@`.
    return text.replace(/^([a-z][a-z0-9+.-]*:[\\/]*)[^\\/?#]*@/iu, '$1***@');
  }
  if (!url.username && !url.password) return text;
  url.username = '***';
  url.password = '';
  return url.href;
}

/** The URL as an error message quotes it: without credentials, cut to about 100 characters. */
export function quotedUrl(text: string): string {
  const shown = withoutCredentials(text);
  return shown.length > MAX_QUOTED_CHARACTERS ? `${shown.slice(0, MAX_QUOTED_CHARACTERS - 1)}…` : shown;
}
