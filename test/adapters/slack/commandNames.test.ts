import { describe, expect, it } from 'vitest';
import { CommandNames } from '../../../src/adapters/slack/commandNames';
import type { Reply } from '../../../src/core/reply';

const names = new CommandNames('parley', ['ask', 'help', 'sources']);

describe('CommandNames', () => {
  it('names Slack commands with the prefix, and the entry point after it', () => {
    expect(names.entryPoint).toBe('/parley');
    expect(names.slashCommand('ask')).toBe('/parley-ask');
    expect(names.pattern.test('/parley')).toBe(true);
    expect(names.pattern.test('/parley-ask')).toBe(true);
    expect(names.pattern.test('/parleyask')).toBe(false);
    expect(names.pattern.test('/ask')).toBe(false);
  });

  it('turns a Slack command into the line Parley runs', () => {
    expect(names.commandLine('/parley-ask', 'What did Putin say?')).toBe('ask What did Putin say?');
    expect(names.commandLine('/parley', 'ask What did Putin say?')).toBe('ask What did Putin say?');
    expect(names.commandLine('/parley', '')).toBe('');
    expect(names.commandLine('/parley-sources', '')).toBe('sources ');
  });

  it("renames Parley's command references in its own text", () => {
    expect(names.inText('Usage: /ask <question>. Try /help ask, or /sources.')).toBe(
      'Usage: /parley-ask <question>. Try /parley-help ask, or /parley-sources.',
    );
    expect(names.inText('and/or /asking /nope https://x.example/ask')).toBe('and/or /asking /nope https://x.example/ask');
  });

  it('leaves verbatim quotes untouched', () => {
    const quote = 'He said: /ask them yourself.';
    const reply: Reply = {
      command: 'ask',
      title: 'What is /help?',
      text: `${quote} [1] See /help.`,
      citations: [{ n: 1, articleId: 'a', title: 'A', source: 'S', published: '2025-03-18', publishedEstimated: false, url: null, quote }],
      sections: [{ title: '/sources', body: `${quote} /ask` }],
    };
    expect(names.inReply(reply)).toMatchObject({
      title: 'What is /parley-help?',
      text: `${quote} [1] See /parley-help.`,
      sections: [{ title: '/parley-sources', body: `${quote} /parley-ask` }],
    });
  });
});
