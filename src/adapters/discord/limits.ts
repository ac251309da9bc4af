/**
 * Discord's limits on what a bot may send, in one place. A payload over any of them is
 * refused with HTTP 400, so the renderer keeps every message within them.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const DISCORD_LIMITS = Object.freeze({
  /** Characters of a message's `content`. */
  content: 2000,
  embedsPerMessage: 10,
  /** Characters over every embed of one message: titles, descriptions, field names and values, footers, authors. */
  embedCharactersPerMessage: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  /** Application commands: names, descriptions, options and choices. */
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  choicesPerOption: 25,
  choiceName: 100,
  choiceValue: 100,
  /** A message nonce, for deduplicated posting. */
  nonce: 25,
});

/**
 * Parley's own bound, not Discord's: a reply longer than this many messages is cut (with a
 * visible note) rather than flooding the channel; follow-ups are also rate limited.
 */
export const MAX_MESSAGES_PER_REPLY = 5;
