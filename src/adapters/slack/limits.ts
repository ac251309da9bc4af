/**
 * Slack's limits on what a message may hold, in one place. A payload over any of them is
 * refused by Slack with `invalid_blocks`, so the renderer splits or truncates to stay within.
 * https://docs.slack.dev/reference/block-kit/blocks and …/composition-objects/text-object
 */
export const SLACK_LIMITS = Object.freeze({
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Characters of a section block's `text`, and of any other text object (context elements). */
  sectionText: 3000,
  /** Fields of one section block. */
  sectionFields: 10,
  /** Characters of one section field. */
  fieldText: 2000,
  /** Characters of a header block's plain text. */
  headerText: 150,
  /** Characters of the top-level `text`, the notification and screen-reader fallback (Slack advises 4,000). */
  fallbackText: 3000,
  /** Messages one `response_url` accepts (within 30 minutes); a reply never needs more than this. */
  messagesPerReply: 5,
  /** Characters of a slash command's name, slash included. */
  commandName: 32,
});
