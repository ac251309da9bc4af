import type { types } from '@slack/bolt';
import { writeCommandRefs, writeReplyRefs, type CommandSyntax } from '../../core/commandRef';
import type { Citation, Reply, Section } from '../../core/reply';
import { bold, escapeMrkdwn, escapeText, linkTo } from './escape';
import { citationsByArticle, citedNumbers, publishedLabel, unshownQuotes } from '../../present/citations';
import { ELLIPSIS, splitText, truncate, type Escape } from '../../present/fit';
import { SLACK_LIMITS } from './limits';

/** One Slack message: Block Kit blocks, and the plain text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/**
 * A reply as Slack messages, rendered from the Reply's fields alone: the title as a header,
 * the text as sections, inline sections side by side, other sections one under another, the
 * numbered sources with links, and the closest passages labelled as not being an answer.
 * A reply too large for one message is split into several, and cut with a visible "…" past
 * what one response may hold. All corpus and user text is escaped.
 */
export function renderReply(written: Reply, syntax: CommandSyntax): SlackMessage[] {
  const reply = writeReplyRefs(written, syntax);
  const blocks: types.KnownBlock[] = [
    ...(reply.title ? [header(reply.title)] : []),
    ...splitEscaped(reply.text, SLACK_LIMITS.sectionText).map(section),
    ...sectionBlocks(reply.sections ?? []),
    ...sourceBlocks(reply),
    ...relatedBlocks(reply.related ?? []),
  ];
  return paginate(blocks, [reply.title, reply.text].filter(Boolean).join('\n'));
}

/** A short message, such as an error: one section, the same text as fallback. */
export function renderNotice(written: string, syntax: CommandSyntax): SlackMessage {
  return notice(writeCommandRefs(written, syntax));
}

/** Text escaped for mrkdwn (or for plain text, with `escapeText`) and cut to the budget Slack counts. */
const truncateEscaped = (text: string, budget: number, escape: Escape = escapeMrkdwn): string => truncate(text, budget, escape);
/** Text escaped for mrkdwn in pieces within the budget, for blocks that follow one another. */
const splitEscaped = (text: string, budget: number): string[] => splitText(text, budget, { escape: escapeMrkdwn, marked: false });

const notice = (text: string): SlackMessage => ({
  text: truncateEscaped(text, SLACK_LIMITS.fallbackText, escapeText),
  blocks: [section(truncateEscaped(text, SLACK_LIMITS.sectionText))],
});

// `verbatim` stops Slack from turning plain text into channel links or mentions of its own accord.
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({ type: 'context', elements: [mrkdwn(text)] });
const header = (title: string): types.HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncateEscaped(title, SLACK_LIMITS.headerText, escapeText), emoji: true },
});

/** Runs of inline sections side by side (two-column fields), when two at most; every other section on its own. */
function sectionBlocks(sections: readonly Section[]): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = sections.length > 0 ? [{ type: 'divider' }] : [];
  for (const run of runs(sections)) {
    const fields = run.every((s) => s.inline) && run.length <= 2 ? run.map(field) : [];
    if (fields.length > 0 && fields.every((f) => f.text.length <= SLACK_LIMITS.fieldText)) {
      blocks.push({ type: 'section', fields });
    } else {
      blocks.push(...run.flatMap(titledSections));
    }
  }
  return blocks;
}

/** Consecutive sections that share `inline`, in order. */
function runs(sections: readonly Section[]): Section[][] {
  const out: Section[][] = [];
  for (const s of sections) {
    const last = out.at(-1);
    if (last && Boolean(last[0]!.inline) === Boolean(s.inline)) last.push(s);
    else out.push([s]);
  }
  return out;
}

const sectionTitle = (s: Section): string => `*${truncateEscaped(s.title, SLACK_LIMITS.headerText)}*`;

const field = (s: Section): types.MrkdwnElement => mrkdwn(s.body ? `${sectionTitle(s)}\n${escapeMrkdwn(s.body)}` : sectionTitle(s));

/** A section's title and body in one block, the body continuing in further blocks when too long. */
function titledSections(s: Section): types.SectionBlock[] {
  const title = sectionTitle(s);
  const [first, ...rest] = splitEscaped(s.body, SLACK_LIMITS.sectionText - title.length - 1);
  return [section(first ? `${title}\n${first}` : title), ...rest.map(section)];
}

/** The numbered sources, one line per article with every number that cites it, and quotes not already shown. */
function sourceBlocks(reply: Reply): types.KnownBlock[] {
  if (reply.citations.length === 0) return [];
  const shown = [reply.text, ...(reply.sections ?? []).map((s) => s.body)].join('\n');
  const lines = citationsByArticle(reply.citations).flatMap((group) => [
    sourceLine(group, ''),
    ...unshownQuotes(group, shown).map((c) => `    [${c.n}] “${truncateEscaped(c.quote, QUOTE_BUDGET)}”`),
  ]);
  return packLines([bold('Sources'), ...lines]).map(context);
}

/** The closest passages when the reply abstains: clearly not an answer. */
function relatedBlocks(related: readonly Citation[]): types.KnownBlock[] {
  if (related.length === 0) return [];
  const lines = related.map((c) => sourceLine([c], ` “${truncateEscaped(c.quote, QUOTE_BUDGET)}” —`));
  return [section(bold('Closest passages (they do not answer the question):')), ...packLines(lines).map(context)];
}

// Long enough for any sentence; short enough that a source line always fits a text object.
const QUOTE_BUDGET = 1500;
const LABEL_BUDGET = 300;

/** "[1, 2] <url|Title> — source, date", with an optional escaped quote between numbers and title. */
function sourceLine(group: readonly Citation[], quote: string): string {
  const c = group[0]!;
  const title = truncateEscaped(c.title, LABEL_BUDGET);
  const line = (label: string) => `${citedNumbers(group)}${quote} ${label} — ${truncateEscaped(c.source, LABEL_BUDGET)}, ${publishedLabel(c)}`;
  // A link's label cannot hold the inert dates that show marks literally: a title with marks goes beside its link.
  const plainTitle = title === truncateEscaped(c.title, LABEL_BUDGET, escapeText);
  const label = plainTitle || c.url === null ? linkTo(c.url, title) : `${title} (${linkTo(c.url, 'link')})`;
  // A very long URL is the only way past the text limit: then the title goes without its link.
  const linked = line(label);
  return linked.length <= SLACK_LIMITS.sectionText ? linked : line(title);
}

/** Lines joined into as few texts as the text limit allows. */
function packLines(lines: readonly string[]): string[] {
  const texts: string[] = [];
  for (const line of lines) {
    const last = texts.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= SLACK_LIMITS.sectionText) texts[texts.length - 1] = `${last}\n${line}`;
    else texts.push(line);
  }
  return texts;
}

/** Blocks into messages within the block limit; past the last message a response may send, a visible "…". */
function paginate(blocks: readonly types.KnownBlock[], fallback: string): SlackMessage[] {
  if (blocks.length === 0) return [notice(fallback || ELLIPSIS)];
  const { blocksPerMessage, messagesPerReply } = SLACK_LIMITS;
  const capacity = blocksPerMessage * messagesPerReply;
  const kept = blocks.length <= capacity ? [...blocks] : [...blocks.slice(0, capacity - 1), context(`${ELLIPSIS} (the rest of this reply does not fit in Slack's message limits)`)];
  const count = Math.ceil(kept.length / blocksPerMessage);
  return Array.from({ length: count }, (_, i) => {
    const part = count > 1 ? `(${i + 1}/${count}) ` : '';
    return {
      text: truncateEscaped(`${part}${fallback}`, SLACK_LIMITS.fallbackText, escapeText),
      blocks: kept.slice(i * blocksPerMessage, (i + 1) * blocksPerMessage),
    };
  });
}
