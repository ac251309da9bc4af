import { describe, expect, it } from 'vitest';
import { MAX_MESSAGES_PER_REPLY } from '../../../src/adapters/discord/limits';
import { renderFailure, renderReply } from '../../../src/adapters/discord/renderReply';
import type { Citation, Reply } from '../../../src/core/reply';
import { discordProblems } from '../../helpers/discordRules';
import { GIANT_REPLY, LONG_REPLY } from '../../helpers/testCommands';

const cite = (n: number, articleId: string, quote: string, url: string | null = null): Citation => ({
  n,
  articleId,
  title: `Title of ${articleId}`,
  source: 'Kyiv Independent',
  published: '2025-03-18',
  publishedEstimated: n === 3,
  url,
  quote,
});

const allText = (reply: Reply) =>
  renderReply(reply)
    .flatMap((m) => m.embeds)
    .map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'))
    .join('\n');

describe('renderReply', () => {
  it('renders an answer and its numbered sources with links, quotes the text does not show', () => {
    const reply: Reply = {
      command: 'ask',
      title: 'What did Putin say?',
      text: 'Putin agreed in principle. [1] He asked about Kursk. [2]',
      citations: [
        cite(1, 'call', 'Putin agreed in principle.', 'https://example.org/a(1)'),
        cite(2, 'call', 'He asked about Kursk.', 'https://example.org/a(1)'),
        cite(3, 'presser', 'A quote not in the text.'),
      ],
    };
    const [message, ...more] = renderReply(reply);
    expect(more).toEqual([]);
    expect(message!.embeds.map((e) => e.title)).toEqual(['What did Putin say?', 'Sources']);
    expect(message!.embeds[0]!.description).toBe(reply.text);
    expect(message!.embeds[1]!.description).toBe(
      [
        '**[1, 2]** [Title of call](https://example.org/a%281%29) — Kyiv Independent, 2025-03-18',
        '**[3]** Title of presser — Kyiv Independent, 2025-03-18 (date estimated)',
        '> [3] “A quote not in the text.”',
      ].join('\n'),
    );
  });

  it('escapes Markdown so that quotes show verbatim', () => {
    const [message] = renderReply({ command: 'ask', title: '# *Kursk*', text: 'He said *never* and [click](https://x.y) __now__ [1]', citations: [] });
    expect(message!.embeds[0]).toMatchObject({ title: '\\# \\*Kursk\\*', description: 'He said \\*never\\* and \\[click](https://x.y) \\_\\_now\\_\\_ [1]' });
  });

  it('renders sections as fields, inline ones side by side', () => {
    const [message] = renderReply({
      command: 'compare',
      text: 'Positions on energy strikes.',
      citations: [],
      sections: [
        { title: 'Russia', body: 'Halt for 30 days. [1]', inline: true },
        { title: 'Ukraine', body: 'Wants monitoring. [2]', inline: true },
        { title: 'Overall', body: 'No agreement yet.' },
      ],
    });
    expect(message!.embeds[0]!.fields).toEqual([
      { name: 'Russia', value: 'Halt for 30 days. [1]', inline: true },
      { name: 'Ukraine', value: 'Wants monitoring. [2]', inline: true },
      { name: 'Overall', value: 'No agreement yet.' },
    ]);
  });

  it('labels the closest passages of an abstention as not being an answer', () => {
    const [message] = renderReply({
      command: 'ask',
      text: 'Not found in the corpus.',
      abstained: true,
      citations: [],
      related: [cite(1, 'call', 'Something nearby.')],
    });
    expect(message!.embeds[1]).toMatchObject({
      title: 'Closest passages — they do not answer the question',
      description: expect.stringContaining('> [1] “Something nearby.”'),
    });
    expect(message!.embeds[0]!.color).toBe(message!.embeds[1]!.color);
  });

  it('splits a long reply over embeds and messages within every limit, losing nothing', () => {
    const messages = renderReply(LONG_REPLY);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES_PER_REPLY);
    for (const message of messages) expect(discordProblems.message(message)).toEqual([]);
    const text = allText(LONG_REPLY);
    for (const n of LONG_REPLY.citations.map((c) => c.n)) expect(text).toContain(`**[${n}]** [Article ${n}:`);
    for (const section of LONG_REPLY.sections!) expect(text).toContain(`${section.title}\n`);
    expect(text).toContain('Paragraph 25:');
    expect(messages[0]!.embeds[0]!.title).toMatch(/…$/u);
    expect(text).toContain('Section 1 (continued)');
    expect(text).toContain('Sources (continued)');
    expect(messages.at(-1)!.content).toBeUndefined();
  });

  it('shortens a reply too long for the messages it may use, and says so', () => {
    const messages = renderReply(GIANT_REPLY);
    expect(messages).toHaveLength(MAX_MESSAGES_PER_REPLY);
    for (const message of messages) expect(discordProblems.message(message)).toEqual([]);
    expect(messages.at(-1)!.content).toMatch(/^… This reply was shortened to fit Discord/u);
  });

  it('shows Markdown in article text literally: quotes, subtext, lists, headings, mentions', () => {
    const lines = ['> Quoted at the start of a line.', '>>> All the rest quoted.', '-# Small print.', '- A list item.', '1. A numbered item.', '# A heading.', 'Talks with <@!424242>, <#123>, <@&77> and <t:1742300000:R>.', '**Bold**, `code`, ~~struck~~ and ||hidden||.'];
    const text = lines.join('\n');
    const rendered = allText({ command: 'ask', text, citations: [], sections: [{ title: 'Quoted', body: text }] });
    // Discord hides the backslash before a character it escapes; what remains is what was written.
    const shown = rendered.replace(/\\([^\w\s])/gu, '$1');
    expect(shown.split(text)).toHaveLength(3);
    for (const line of rendered.split('\n')) expect(line).not.toMatch(/^\s*(?:>|-#|[-*] |\d+\. |#{1,3} )/u);
    expect(rendered).not.toMatch(/(?<!\\)<(?:[@#]|t:)/u);
    expect(rendered).not.toMatch(/(?<!\\)(?:\*\*|`|~~|\|\|)/u);
  });

  it('cuts long text before escaping it, so that no cut splits an escape in two', () => {
    // No break to cut at (a long link, say), and a mark every other character: the cut falls where it must.
    const text = `${'a_'.repeat(3000)} and ${'b*'.repeat(3000)}`;
    const pieces = renderReply({ command: 'ask', text, citations: [], sections: [{ title: 'Marks', body: text }] })
      .flatMap((m) => m.embeds)
      .flatMap((e) => [e.description, ...(e.fields ?? []).map((f) => f.value)])
      .filter((piece): piece is string => piece !== undefined);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      // A backslash left at the end would escape the "…" and leave the next piece's first mark bare.
      expect(piece.replace(/…$/u, '')).not.toMatch(/(?<!\\)(?:\\\\)*\\$/u);
      expect(piece).not.toMatch(/^[_*]/u);
    }
  });

  it('still sends something for an empty reply', () => {
    expect(renderReply({ command: 'x', text: '', citations: [] })).toEqual([{ embeds: [{ description: '…', color: 0x5865f2 }] }]);
  });

  it('renders a failure as text within the content limit', () => {
    expect(renderFailure({ code: 'invalid_input', message: 'question: too short.' })).toEqual({ content: 'question: too short.', embeds: [] });
    const long = renderFailure({ code: 'invalid_input', message: 'word '.repeat(1000) });
    expect(long.content!.length).toBeLessThanOrEqual(2000);
    expect(long.content).toMatch(/…$/u);
  });
});
