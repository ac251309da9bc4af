import { echoInput } from '../core/errors';

/**
 * How a URL is shown to people (a reply, a log line, an error): never with the user name or
 * password it may carry, and — quoted in a message — never longer than a line.
 */

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

/** The URL as an error message quotes it: without credentials, cut as every echoed input is (`echoInput`). */
export const quotedUrl = (text: string): string => echoInput(withoutCredentials(text));
