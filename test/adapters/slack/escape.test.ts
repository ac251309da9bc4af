import { describe, expect, it } from 'vitest';
import { bold, decodeText, escapeMrkdwn, escapeText, linkTo } from '../../../src/adapters/slack/escape';
import { liveFormatting, readerView } from '../../helpers/slack/mrkdwn';

describe('Slack text escaping', () => {
  it('makes mentions and links inert', () => {
    expect(escapeText('<!channel> <@U123> <https://evil.example|click> AT&T')).toBe(
      '&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; AT&amp;T',
    );
  });

  it('reads entity-encoded slash command text as typed, and escaping restores it', () => {
    const typed = 'Did the U.S. & Russia agree? <!here> &lt;';
    expect(decodeText(escapeText(typed))).toBe(typed);
    expect(decodeText('AT&amp;T &lt;!channel&gt;')).toBe('AT&T <!channel>');
  });

  it('links only http(s) URLs, with | and & unable to break out of the link', () => {
    expect(linkTo('https://example.org/a?b=1&c=2|x', 'Title')).toBe('<https://example.org/a?b=1&amp;c=2%7Cx|Title>');
    expect(linkTo('https://example.org/<!channel>', 'T')).toBe('<https://example.org/%3C!channel%3E|T>');
    expect(linkTo('javascript:alert(1)', 'Title')).toBe('Title');
    expect(linkTo('not a url', 'Title')).toBe('Title');
    expect(linkTo(null, 'Title')).toBe('Title');
  });

  it('bolds escaped text', () => {
    expect(bold('Q&A')).toBe('*Q&amp;A*');
    expect(bold('A_B')).toBe('*A<!date^00000000^{_}|_>B*');
  });

  it.each([
    'The **ceasefire** holds, officials said.',
    'Code fences: ```const a = 1;``` and `inline` code.',
    'Bold *words*, _italic words_, ~struck words~ and snake_case_names.',
    '> A line that starts like a block quote.\n> And a second one, & more.',
    '＞ full-width quote, ＊full-width＊ ＿marks＿ ～here～ ｀too｀',
    'Emoji codes such as :flag-ua: and :white_check_mark: stay text; so does 10:30:45.',
    'Mixed: <@!424242> said *“no”* & left.',
  ])('shows mrkdwn in corpus text literally, as written: %s', (text) => {
    const escaped = escapeMrkdwn(text);
    expect(liveFormatting(escaped)).toEqual([]);
    expect(readerView(escaped)).toBe(text);
  });

  it('escapes &, < and > in mrkdwn as in plain text, and nothing more where there is no formatting', () => {
    expect(escapeMrkdwn('AT&T <!channel> 3 > 2')).toBe('AT&amp;T &lt;!channel&gt; 3 &gt; 2');
  });
});
