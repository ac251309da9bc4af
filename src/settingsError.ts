/** A setting with a bad or missing value; the message names it. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}
