import { describe, expect, it } from 'vitest';
import { bold, decodeText, escapeText, linkTo } from '../../../src/adapters/slack/escape';

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
  });
});
