/**
 * Secrets that travel inside URLs — a Socket Mode `ticket`, a `?token=` in a feed address, a
 * `user:password@` — replaced by `[redacted]` wherever a URL appears in a text, so that no log
 * line (Parley's, Bolt's, an error's stack) carries them.
 */

/** A URL in free text: a scheme and `://`, up to white space, a quote or a bracket, trailing punctuation left out. */
const URL_IN_TEXT = /\b[a-z][a-z\d+.-]*:\/\/[^\s"'`<>\\]*[^\s"'`<>\\.,;:!?)\]}]/giu;

/** `scheme://` and the user name and password before the host's `@` (up to the last `@` before the path). */
const USER_INFO = /^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/iu;

/** One `name=value` of a query or a fragment. */
const PARAMETER = /([?&;#])([^=&;#]+)=([^&;#]*)/gu;

/**
 * Parameter names that hold credentials: the unambiguous ones anywhere in a name, the others
 * as the whole name or its last part after a separator (`api_key`, `X-Amz-Signature`), and a
 * few (`code`, `sid`, `auth`) only alone, since `country_code` or `author_id` are no secrets.
 */
const SECRET_NAME =
  /token|secret|password|apikey|signature|credential|(?:^|[-_.])(?:ticket|key|sig|passwd|pwd|jwt)$|^(?:code|sid|auth|authorization|pass|session|sessionid)$/iu;

export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, redactUrl);
}

function redactUrl(url: string): string {
  const withoutUser = url.replace(USER_INFO, '$1[redacted]@');
  const query = withoutUser.search(/[?#]/u);
  if (query < 0) return withoutUser;
  const parameters = withoutUser
    .slice(query)
    .replace(PARAMETER, (parameter, separator: string, name: string) => (SECRET_NAME.test(safeDecode(name)) ? `${separator}${name}=[redacted]` : parameter));
  return withoutUser.slice(0, query) + parameters;
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
