import { describe, expect, it } from 'vitest';
import { commandRef, SLASH_COMMAND, writeCommandRefs, writeOutcomeRefs, writeReplyRefs } from '../../src/core/commandRef';
import type { Reply } from '../../src/core/reply';

const slack = (name: string) => `/parley-${name}`;

describe('references to commands', () => {
  it('are written in each platform’s syntax', () => {
    const text = `Usage: ${commandRef('ask')} <question>. Try ${commandRef('help')} ask, or ${commandRef('sources')}.`;
    expect(writeCommandRefs(text, SLASH_COMMAND)).toBe('Usage: /ask <question>. Try /help ask, or /sources.');
    expect(writeCommandRefs(text, slack)).toBe('Usage: /parley-ask <question>. Try /parley-help ask, or /parley-sources.');
  });

  it('leave everything else as it is: slashes in prose, URLs, verbatim quotes', () => {
    const text = 'and/or /asking /nope https://x.example/ask He said: /ask them yourself.';
    expect(writeCommandRefs(text, slack)).toBe(text);
  });

  it('are written in a reply’s title, text and sections, never in its citations', () => {
    const quote = 'He said: /ask them yourself.';
    const reply: Reply = {
      command: 'ask',
      title: 'What is /help?',
      text: `${quote} [1] See ${commandRef('help')}.`,
      citations: [{ n: 1, articleId: 'a', title: 'A', source: 'S', published: '2025-03-18', publishedEstimated: false, url: null, quote }],
      sections: [{ title: commandRef('sources'), body: `${quote} ${commandRef('ask')}` }],
    };
    expect(writeReplyRefs(reply, slack)).toEqual({
      ...reply,
      text: `${quote} [1] See /parley-help.`,
      sections: [{ title: '/parley-sources', body: `${quote} /parley-ask` }],
    });
  });

  it('are written in an error’s message', () => {
    const failure = { ok: false as const, error: { code: 'invalid_input' as const, message: `Usage: ${commandRef('recent')} [days]` } };
    expect(writeOutcomeRefs(failure, slack)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Usage: /parley-recent [days]' } });
  });
});
