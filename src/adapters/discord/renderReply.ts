import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import { SLASH_COMMAND, writeCommandRefs, writeReplyRefs } from '../../core/commandRef';
import type { CommandFailure } from '../../core/errors';
import type { Citation, Reply, Section } from '../../core/reply';
import { citationsByArticle, citedNumbers, publishedLabel, unshownQuotes } from '../../present/citations';
import { cutPiece, ELLIPSIS, splitText, truncate, type Escape } from '../../present/fit';
import { DISCORD_LIMITS as LIMIT, MAX_MESSAGES_PER_REPLY } from './limits';

/** One Discord message as Parley sends it: text content and embeds, within every limit. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
}

/** Replies never ping anyone: "@everyone" quoted in an article or a question stays text. */
export const NO_MENTIONS: { parse: [] } = Object.freeze({ parse: [] });

const COLOR = Object.freeze({ answer: 0x5865f2, abstained: 0x99aab5, related: 0x99aab5 });
const SOURCES_TITLE = 'Sources';
const RELATED_TITLE = 'Closest passages — they do not answer the question';
const SHORTENED_NOTE = `${ELLIPSIS} This reply was shortened to fit Discord; the console (\`npm start -- --json\`) shows it whole.`;
/** A message with less room than this left starts a new one rather than carry a sliver of text. */
const MIN_PIECE = 400;

/**
 * A reply as Discord messages, rendered from its fields alone: the title and text, the
 * sections as fields (inline ones side by side), the numbered sources with links, and the
 * closest passages labelled as not being an answer. Whatever is longer than Discord allows
 * flows on into further embeds and messages, each piece cut with a visible "…".
 */
export function renderReply(written: Reply): DiscordMessage[] {
  const reply = writeReplyRefs(written, SLASH_COMMAND);
  const color = reply.abstained ? COLOR.abstained : COLOR.answer;
  const layout = new MessageLayout();
  layout.text({ title: reply.title ? truncate(reply.title, LIMIT.embedTitle, escape) : undefined, color }, reply.text, escape);
  for (const field of (reply.sections ?? []).flatMap(sectionFields)) layout.field(field, color);
  const sources = sourceLines(reply.citations, reply.text);
  if (sources.length > 0) layout.text(listStyle(SOURCES_TITLE, color), sources.join('\n'));
  const related = sourceLines(reply.related ?? [], '');
  if (related.length > 0) layout.text(listStyle(RELATED_TITLE, COLOR.related), related.join('\n'));
  // A reply with no text at all still needs something Discord accepts.
  if (layout.messages.length === 0) layout.text({ color }, ELLIPSIS);

  const messages = layout.messages;
  if (messages.length <= MAX_MESSAGES_PER_REPLY) return messages;
  const kept = messages.slice(0, MAX_MESSAGES_PER_REPLY);
  kept[kept.length - 1]!.content = SHORTENED_NOTE;
  return kept;
}

/** A failed command as a short message that says what was wrong. */
export function renderFailure(failure: CommandFailure): DiscordMessage {
  return { content: truncate(writeCommandRefs(failure.message, SLASH_COMMAND), LIMIT.content, escape), embeds: [] };
}

/**
 * Article and user text shown as written: discord.js escapes the inline marks, headings,
 * lists and masked links; what it leaves — a block quote or subtext starting a line, and
 * mentions, channels and timestamps, which render as pills even when they cannot ping — gets
 * the backslash Discord hides.
 */
const escape = (text: string): string =>
  escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/^(\s*)(>|-#)/gmu, '$1\\$2')
    .replace(/<(?=[@#]|t:|a?:\w+:|\/[\w -]+:)/gu, '\\<');

/** How a block of text looks: its title, the title of its continuations, its colour. */
interface BlockStyle {
  title?: string | undefined;
  continuedTitle?: string;
  color: number;
}

const listStyle = (title: string, color: number): BlockStyle => ({ title, continuedTitle: `${title} (continued)`, color });

/**
 * Fills messages in order with embeds, keeping each embed and each message within Discord's
 * limits: long text continues in a further embed, and a full message in a further message.
 */
class MessageLayout {
  readonly messages: DiscordMessage[] = [];
  /** Embed characters used in the last message (Discord counts titles, descriptions and fields). */
  #used = 0;

  /**
   * A block of text, continued over as many embeds (and messages) as it needs. Plain text is
   * cut, then each piece escaped with `escape`, so that no cut splits an escape in two; text
   * already marked up (the sources) goes as it is.
   */
  text(style: BlockStyle, text: string, escape?: Escape): void {
    let rest = text.trim();
    if (!rest && style.title) this.#push({ title: style.title, color: style.color });
    for (let title = style.title; rest.length > 0; title = style.continuedTitle) {
      const titleLength = title?.length ?? 0;
      if (this.#room() - titleLength < Math.min(MIN_PIECE, rest.length)) this.#startMessage();
      const [description, after] = cutPiece(rest, Math.min(LIMIT.embedDescription, this.#room() - titleLength), escape);
      this.#push({ ...(title ? { title } : {}), description, color: style.color });
      rest = after;
    }
  }

  /** A field, added to the last embed while it has room, else to a new one. */
  field(field: APIEmbedField, color: number): void {
    const size = field.name.length + field.value.length;
    const last = this.messages.at(-1)?.embeds.at(-1);
    if (last && (last.fields?.length ?? 0) < LIMIT.fieldsPerEmbed && this.#used + size <= LIMIT.embedCharactersPerMessage) {
      last.fields = [...(last.fields ?? []), field];
      this.#used += size;
    } else {
      if (this.#room() < size) this.#startMessage();
      this.#push({ color, fields: [field] });
    }
  }

  /** Characters the last message can still take, 0 when it has all its embeds. */
  #room(): number {
    const current = this.messages.at(-1);
    return current && current.embeds.length < LIMIT.embedsPerMessage ? LIMIT.embedCharactersPerMessage - this.#used : 0;
  }

  #startMessage(): void {
    this.messages.push({ embeds: [] });
    this.#used = 0;
  }

  #push(embed: APIEmbed): void {
    if (this.#room() === 0) this.#startMessage();
    this.messages.at(-1)!.embeds.push(embed);
    this.#used += embedLength(embed);
  }
}

/** A section as one field, or several when its body is longer than a field holds. */
function sectionFields(section: Section): APIEmbedField[] {
  const name = truncate(section.title, LIMIT.fieldName - ' (continued)'.length, escape) || '\u200b';
  const values = splitText(section.body, LIMIT.fieldValue, { escape });
  return (values.length > 0 ? values : ['\u200b']).map((value, i) => ({
    name: i === 0 ? name : `${name} (continued)`,
    value,
    ...(section.inline ? { inline: true } : {}),
  }));
}

/**
 * One line per article with the numbers that cite it and a link ("**[1, 2]** [Title](url) —
 * source, date"), then each quote the reply's text does not already show.
 */
function sourceLines(citations: readonly Citation[], shownText: string): string[] {
  return citationsByArticle(citations).flatMap((group) => {
    const c = group[0]!;
    const title = escape(c.title);
    const link = safeUrl(c.url);
    const head = `**${citedNumbers(group)}** ${link ? `[${title}](${link})` : title} — ${escape(c.source)}, ${publishedLabel(c)}`;
    const quotes = unshownQuotes(group, shownText).map((g) => `> [${g.n}] “${escape(g.quote)}”`);
    return [head, ...quotes];
  });
}

/** An http(s) link usable inside Markdown's (…), or null. */
function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//iu.test(url)) return null;
  return url.replace(/[()\s<>]/gu, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** The characters Discord counts towards the 6,000 of a message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
