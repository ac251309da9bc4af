import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../commands/ask';
import { asTyped, CONSOLE_CALLER, seedParley } from '../helpers/fixtures';

const parley = await seedParley();
const ask = async (question: unknown) => asTyped(await parley.run({ command: 'ask', options: { question }, caller: CONSOLE_CALLER }));

describe('/ask', () => {
  it('answers with numbered, cited verbatim sentences', async () => {
    const outcome = await ask('What did Putin say about the 30-day ceasefire?');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.reply.abstained).toBe(false);
    expect(outcome.reply.text).toMatch(/^Putin just voiced very preliminary and conditional support .* \[1\]/u);
    expect(outcome.reply.citations[0]).toEqual({
      n: 1,
      articleId: '2025-03-13-putin-conditional-support-for-30-day-cease-fire',
      title: 'Putin Voices Conditional Support for the 30-Day Cease-Fire, with Questions on Kursk, Arms and Monitoring',
      source: 'unknown (seed article)',
      published: '2025-03-13',
      publishedEstimated: true,
      url: null,
      quote: 'Putin just voiced very preliminary and conditional support for the 30-day cease-fire proposal from the United States and Ukraine.',
    });
  });

  it('says "not found in the corpus" instead of guessing, naming what no article mentions', async () => {
    expect(await ask('What did Putin say about Messi?')).toMatchObject({
      ok: true,
      reply: { abstained: true, citations: [], related: [], notFound: ['Messi'], text: 'Not found in the corpus. No article in the corpus mentions “Messi”.' },
    });
  });

  it('names the speaker of a reported statement when the quote itself does not', async () => {
    const outcome = await ask('Which issues need to be painstakingly studied by both sides?');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply.citations[0]).toMatchObject({ speaker: 'Putin', quote: expect.stringMatching(/^“All these issues need to be painstakingly studied by both sides,” he says/u) });
    expect(outcome.reply.text).toMatch(/^Putin: “All these issues/u);
  });

  it('says how it read a typo, with the word as the article writes it', async () => {
    const outcome = await ask('what did the kremlim say');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply.abstained).toBe(false);
    expect(outcome.reply.text).toContain('Read “kremlim” as “Kremlin”.');
  });

  it('labels the closest passages apart when the words occur but do not answer', async () => {
    const outcome = await ask('Did Putin visit Israel?');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.reply).toMatchObject({ abstained: true, citations: [] });
    expect(outcome.reply.related!.length).toBeGreaterThan(0);
    expect(outcome.reply.related!.map((c) => c.quote).join(' ')).toMatch(/Israel|visit/u);
  });

  it('refuses an over-long question and states the limit', async () => {
    const outcome = await ask('Why '.repeat(100));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: `question: “${'Why '.repeat(25).trim()}…” — The question is too long: 399 characters, the limit is ${MAX_QUESTION_LENGTH}. Usage: /ask <question>` },
    });
  });

  it('refuses an empty question', async () => {
    expect(await ask('   ')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(undefined)).toMatchObject({ ok: false, error: { message: 'question is required. Usage: /ask <question>' } });
  });
});
