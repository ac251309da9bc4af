import { describe, expect, it } from 'vitest';
import { CommandNames } from '../../../src/adapters/slack/commandNames';
import { renderNotice as renderNoticeIn, renderReply as renderReplyIn } from '../../../src/adapters/slack/renderBlocks';
import { commandRef } from '../../../src/core/commandRef';
import type { Citation, Reply } from '../../../src/core/reply';
import { blockKitViolations, blockTexts } from '../../helpers/slack/blockKitLimits';
import { liveFormatting, readerView } from '../../helpers/slack/mrkdwn';

const cite = (n: number, fields: Partial<Citation> = {}): Citation => ({
  n,
  articleId: `article-${n}`,
  title: `Article ${n}`,
  source: 'Example News',
  published: '2025-03-18',
  publishedEstimated: false,
  url: `https://news.example/${n}`,
  quote: `Quote number ${n}.`,
  ...fields,
});

const names = new CommandNames('parley');
const renderReply = (r: Reply) => renderReplyIn(r, names.slashCommand);
const renderNotice = (text: string) => renderNoticeIn(text, names.slashCommand);

const reply = (fields: Partial<Reply>): Reply => ({ command: 'test', text: 'Answer.', citations: [], ...fields });

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] };
const blocksOf = (r: Reply) => renderReply(r).flatMap((m) => m.blocks as Block[]);

describe('renderReply', () => {
  it('renders the title as a header, the answer as a section and the sources as a context block with links', () => {
    const [message, ...rest] = renderReply(
      reply({
        title: 'What did Putin say?',
        text: 'Quote number 1. [1] Quote number 2. [2]',
        citations: [cite(1), cite(2, { articleId: 'article-1', title: 'Article 1' })],
      }),
    );
    expect(rest).toEqual([]);
    expect(message!.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'What did Putin say?', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Quote number 1. [1] Quote number 2. [2]', verbatim: true } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: '*Sources*\n[1, 2] <https://news.example/1|Article 1> — Example News, 2025-03-18', verbatim: true },
        ],
      },
    ]);
    expect(message!.text).toBe('What did Putin say?\nQuote number 1. [1] Quote number 2. [2]');
  });

  it('shows a cited quote that the text does not, and marks estimated dates', () => {
    const texts = blocksOf(reply({ text: 'Summary [1]', citations: [cite(1, { publishedEstimated: true, url: null })] })).flatMap((b) => b.elements ?? []);
    expect(texts.map((t) => t.text)).toEqual(['*Sources*\n[1] Article 1 — Example News, 2025-03-18 (date estimated)\n    [1] “Quote number 1.”']);
  });

  it('lays out two inline sections side by side as fields', () => {
    const blocks = blocksOf(
      reply({
        sections: [
          { title: 'Russia', body: 'Quote A [1]', inline: true },
          { title: 'Ukraine', body: 'Quote B [2]', inline: true },
        ],
      }),
    );
    expect(blocks.filter((b) => b.fields)).toEqual([
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Russia*\nQuote A [1]', verbatim: true },
          { type: 'mrkdwn', text: '*Ukraine*\nQuote B [2]', verbatim: true },
        ],
      },
    ]);
  });

  it('gives each party its own section when more than two are inline, and groups other sections under their titles', () => {
    const blocks = blocksOf(
      reply({
        sections: [
          { title: 'Russia', body: 'R', inline: true },
          { title: 'Ukraine', body: 'U', inline: true },
          { title: 'United States', body: 'US', inline: true },
          { title: 'Energy strikes', body: 'Energy quote [1]' },
          { title: 'Black Sea', body: 'Sea quote [2]' },
        ],
      }),
    );
    expect(blocks.some((b) => b.fields)).toBe(false);
    expect(blocks.map((b) => b.text?.text).filter(Boolean)).toEqual([
      'Answer.',
      '*Russia*\nR',
      '*Ukraine*\nU',
      '*United States*\nUS',
      '*Energy strikes*\nEnergy quote [1]',
      '*Black Sea*\nSea quote [2]',
    ]);
  });

  it('stacks a pair of inline sections too long for fields instead of cutting them', () => {
    const long = 'Word '.repeat(500);
    const blocks = blocksOf(reply({ sections: [{ title: 'Russia', body: long, inline: true }, { title: 'Ukraine', body: 'Short', inline: true }] }));
    expect(blocks.some((b) => b.fields)).toBe(false);
    expect(blocks.map((b) => b.text?.text)).toContain('*Ukraine*\nShort');
  });

  it('labels the closest passages as not answering', () => {
    const blocks = blocksOf(reply({ text: 'Not found in the corpus.', abstained: true, related: [cite(1)] }));
    const texts = blocks.flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)]).filter(Boolean);
    expect(texts).toEqual([
      'Not found in the corpus.',
      '*Closest passages (they do not answer the question):*',
      '[1] “Quote number 1.” — <https://news.example/1|Article 1> — Example News, 2025-03-18',
    ]);
  });

  it('escapes corpus and user text everywhere, so that nothing becomes a mention or a link', () => {
    const evil = '<!channel> <@U0BOSS> <https://evil.example|click> &';
    const messages = renderReply(
      reply({
        title: evil,
        text: evil,
        sections: [{ title: evil, body: evil, inline: true }],
        citations: [cite(1, { title: evil, source: evil, quote: evil, url: 'javascript:alert(1)' })],
        related: [cite(2, { quote: evil })],
      }),
    );
    const everything = JSON.stringify(messages);
    expect(everything).not.toMatch(/<!channel>|<@U0BOSS>|<https:\/\/evil/u);
    expect(everything).not.toContain('javascript:');
    expect(everything).toContain('&lt;!channel&gt;');
    expect(everything).toContain('<https://news.example/2|Article 2>');
  });

  it('shows mrkdwn in article and user text literally, as written, wherever it appears', () => {
    const quote = (n: number) => `Officials said **ceasefire ${n}** means \`\`\`no strikes\`\`\`, _now_ and ~never~ later :flag-ua:.`;
    const quoted = '> Quoted: “*all* of it”.';
    const messages = renderReply(
      reply({
        title: '**Ceasefire** _talks_',
        text: `${quote(1)} [1]\n${quoted} [2]`,
        sections: [
          { title: 'Russia', body: `${quote(3)} [3]`, inline: true },
          { title: 'Ukraine', body: '~Struck~ [4]', inline: true },
          { title: 'Energy', body: '`code` [5]' },
        ],
        citations: [
          cite(1, { quote: quote(1) }),
          cite(2, { quote: quoted }),
          cite(3, { quote: quote(3) }),
          cite(4, { quote: '~Struck~' }),
          cite(5, { quote: '`code`' }),
          cite(6, { quote: quote(6), title: '*Breaking*: the_talks', source: '_Wire_' }),
        ],
        related: [cite(7, { quote: quote(7) })],
      }),
    );
    const mrkdwnTexts = messages.flatMap((m) =>
      (m.blocks as Block[]).flatMap((b) => (b.type === 'header' ? [] : [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)])),
    );
    const ownBold = ['*Russia*', '*Ukraine*', '*Energy*', '*Sources*', '*Closest passages (they do not answer the question):*'];
    const withoutOwnBold = mrkdwnTexts.map((t) => ownBold.reduce((text, b) => text.replaceAll(b, ''), t ?? ''));
    expect(withoutOwnBold.flatMap(liveFormatting)).toEqual([]);
    const seen = readerView(mrkdwnTexts.join('\n'));
    for (const text of [quote(1), quoted, quote(3), '~Struck~', '`code`', quote(6), quote(7), '*Breaking*: the_talks', '_Wire_']) expect(seen).toContain(text);
    expect(mrkdwnTexts.join('\n')).toContain('<https://news.example/6|');
    // A header is plain text, never formatted: the title goes as it is.
    expect(messages[0]!.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '**Ceasefire** _talks_' } });
  });

  it('splits a long reply into messages within every limit and keeps all of it', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Sentence ${i} on the Black Sea & energy talks.`).join(' ');
    const messages = renderReply(
      reply({
        title: 'T'.repeat(400),
        text: long,
        sections: Array.from({ length: 60 }, (_, i) => ({ title: `Topic ${i}`, body: `Body ${i}`, inline: i % 7 < 3 })),
        citations: Array.from({ length: 30 }, (_, i) => cite(i + 1, { quote: `Long quote ${i} `.repeat(200) })),
      }),
    );
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(blockKitViolations(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(messages[0]!.blocks[0]).toMatchObject({ type: 'header', text: { text: `${'T'.repeat(149)}…` } });
    const texts = messages.flatMap((m) => blockTexts(m as unknown as Record<string, unknown>)).join('\n');
    expect(texts).toContain('Sentence 399 on the Black Sea &amp; energy talks.');
    expect(texts).toContain('*Topic 59*');
    expect(texts).toContain('[30] <https://news.example/30|Article 30>');
    expect(messages.map((m) => m.text.split(' ')[0])).toEqual(messages.map((_, i) => `(${i + 1}/${messages.length})`));
  });

  it('cuts, with a visible ellipsis, a reply larger than one response may hold', () => {
    const messages = renderReply(reply({ sections: Array.from({ length: 400 }, (_, i) => ({ title: `Topic ${i}`, body: `Body ${i}` })) }));
    expect(messages).toHaveLength(5);
    for (const message of messages) expect(blockKitViolations(message as unknown as Record<string, unknown>)).toEqual([]);
    expect(JSON.stringify(messages.at(-1)!.blocks.at(-1))).toContain('… (the rest of this reply does not fit');
  });
});

describe('references to commands', () => {
  it('are written as Slack commands, while verbatim quotes and user text stay as they are', () => {
    const quote = 'He said: /ask them yourself.';
    const blocks = blocksOf(
      reply({
        title: 'What is /help?',
        text: `${quote} [1] See ${commandRef('help')}.`,
        citations: [cite(1, { quote })],
        sections: [{ title: commandRef('sources'), body: `${quote} ${commandRef('ask')}` }],
      }),
    );
    expect(JSON.stringify(blocks)).toContain('What is /help?');
    expect(blocks.map((b) => b.text?.text)).toContain(`${quote} [1] See /parley-help.`);
    expect(blocks.map((b) => b.text?.text)).toContain(`*/parley-sources*\n${quote} /parley-ask`);
  });

  it('are written in notices too', () => {
    expect(renderNotice(`Usage: ${commandRef('ask')} <question>`).text).toBe('Usage: /parley-ask &lt;question&gt;');
  });
});

describe('renderNotice', () => {
  it('is one escaped section with the same fallback text', () => {
    expect(renderNotice('Unknown command "<!here>".')).toEqual({
      text: 'Unknown command "&lt;!here&gt;".',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Unknown command "&lt;!here&gt;".', verbatim: true } }],
    });
  });
});
