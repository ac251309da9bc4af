import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { CommandFailure } from '../../core/errors';
import type { Citation, Reply } from '../../core/reply';
import { ELLIPSIS, splitText, truncate } from './fitText';
import { DISCORD_LIMITS as LIMIT, MAX_MESSAGES_PER_REPLY } from './limits';

/** One Discord message as Parley sends it: text content and embeds, within every limit. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
}

/** Replies never ping anyone: "@everyone" quoted in an article or a question stays text. */
export const NO_MENTIONS: { parse: [] } = Object.freeze({ parse: [] });

const COLOR = Object.freeze({ answer: 0x5865f2, abstained: 0x99aab5, related: 0x99aab5 });
const RELATED_TITLE = 'Closest passages — they do not answer the question';
const SHORTENED_NOTE = `${ELLIPSIS} This reply was shortened to fit Discord; the console (\`npm start -- --json\`) shows it whole.`;

/**
 * A reply as Discord messages, rendered from its fields alone: the title and text, the
 * sections as fields (inline ones side by side), the numbered sources with links, and the
 * closest passages labelled as not being an answer. Anything longer than Discord allows is
 * split over several embeds and messages, each piece cut with a visible "…".
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  const color = reply.abstained ? COLOR.abstained : COLOR.answer;
  const embeds = [
    ...bodyEmbeds(reply, color),
    ...listEmbeds('Sources', sourceLines(reply.citations, reply.text), color),
    ...listEmbeds(RELATED_TITLE, sourceLines(reply.related ?? [], ''), COLOR.related),
  ];
  // A reply with no text at all still needs something Discord accepts.
  const messages = packIntoMessages(embeds.length > 0 ? embeds : [{ description: ELLIPSIS, color }]);
  if (messages.length <= MAX_MESSAGES_PER_REPLY) return messages;
  const kept = messages.slice(0, MAX_MESSAGES_PER_REPLY);
  kept[kept.length - 1]!.content = SHORTENED_NOTE;
  return kept;
}

/** A failed command as a short message that says what was wrong. */
export function renderFailure(failure: CommandFailure): DiscordMessage {
  return { content: truncate(escape(failure.message), LIMIT.content), embeds: [] };
}

const escape = (text: string): string => escapeMarkdown(text, { maskedLink: true, heading: true });

function bodyEmbeds(reply: Reply, color: number): APIEmbed[] {
  const [first, ...more] = splitText(escape(reply.text), LIMIT.embedDescription);
  const embeds: APIEmbed[] = [];
  const head: APIEmbed = { color };
  if (reply.title) head.title = truncate(escape(reply.title), LIMIT.embedTitle);
  if (first) head.description = first;
  if (head.title || head.description) embeds.push(head);
  for (const description of more) embeds.push({ description, color });

  for (const field of (reply.sections ?? []).flatMap(sectionFields)) {
    let last = embeds[embeds.length - 1];
    const fields = last?.fields ?? [];
    if (!last || fields.length >= LIMIT.fieldsPerEmbed || embedLength(last) + fieldLength(field) > LIMIT.embedCharactersPerMessage) {
      last = { color };
      embeds.push(last);
    }
    last.fields = [...(last.fields ?? []), field];
  }
  return embeds;
}

/** A section as one field, or several when its body is longer than a field holds. */
function sectionFields(section: NonNullable<Reply['sections']>[number]): APIEmbedField[] {
  const values = splitText(escape(section.body), LIMIT.fieldValue);
  const name = escape(section.title) || '\u200b';
  return (values.length > 0 ? values : ['\u200b']).map((value, i) => ({
    name: truncate(i === 0 ? name : `${name} (continued)`, LIMIT.fieldName),
    value,
    ...(section.inline ? { inline: true } : {}),
  }));
}

/** Lines as the descriptions of embeds under one title, split between lines when too long. */
function listEmbeds(title: string, lines: readonly string[], color: number): APIEmbed[] {
  if (lines.length === 0) return [];
  return splitText(lines.join('\n'), LIMIT.embedDescription).map((description, i) => ({
    title: i === 0 ? title : `${title} (continued)`,
    description,
    color,
  }));
}

/**
 * One line per article with the numbers that cite it and a link ("**[1, 2]** [Title](url) —
 * source, date"), then each quote the reply's text does not already show.
 */
function sourceLines(citations: readonly Citation[], shownText: string): string[] {
  const byArticle = new Map<string, Citation[]>();
  for (const c of citations) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c]);
  return [...byArticle.values()].flatMap((group) => {
    const c = group[0]!;
    const title = escape(c.title);
    const link = safeUrl(c.url);
    const date = `${c.published}${c.publishedEstimated ? ' (date estimated)' : ''}`;
    const head = `**[${group.map((g) => g.n).join(', ')}]** ${link ? `[${title}](${link})` : title} — ${escape(c.source)}, ${date}`;
    const quotes = group.filter((g) => !shownText.includes(g.quote)).map((g) => `> [${g.n}] “${escape(g.quote)}”`);
    return [head, ...quotes];
  });
}

/** An http(s) link usable inside Markdown's (…), or null. */
function safeUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//iu.test(url)) return null;
  return url.replace(/[()\s<>]/gu, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** Groups embeds into as few messages as Discord's per-message limits allow, in order. */
function packIntoMessages(embeds: readonly APIEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage | null = null;
  let length = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (!current || current.embeds.length >= LIMIT.embedsPerMessage || length + size > LIMIT.embedCharactersPerMessage) {
      current = { embeds: [] };
      messages.push(current);
      length = 0;
    }
    current.embeds.push(embed);
    length += size;
  }
  return messages;
}

/** The characters Discord counts towards the 6,000 of a message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + fieldLength(field), 0)
  );
}

const fieldLength = (field: APIEmbedField): number => field.name.length + field.value.length;
