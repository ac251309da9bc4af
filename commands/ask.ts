import { z } from 'zod';
import { citation } from '../src/answer/citations';
import type { Answer, QuotedSentence } from '../src/answer/selectAnswer';
import { defineCommand } from '../src/app/context';
import { commandRef } from '../src/core/commandRef';
import type { Citation, Reply } from '../src/core/reply';
import type { Library } from '../src/library/library';
import { escapeRegExp } from '../src/text/escapeRegExp';

export const MAX_QUESTION_LENGTH = 300;

export default defineCommand({
  name: 'ask',
  description: 'Answer a question with verbatim sentences from the articles, each cited',
  options: z.object({
    question: z
      .string({ error: `Ask a question, e.g. ${commandRef('ask')} What did Putin say about the 30-day ceasefire?` })
      .trim()
      .min(3, { error: 'The question is too short: ask about a person, place or topic.' })
      .max(MAX_QUESTION_LENGTH, {
        error: (issue) =>
          `The question is too long: ${String(issue.input).length} characters, the limit is ${MAX_QUESTION_LENGTH}.`,
      })
      .describe(`Your question about the ceasefire negotiations (at most ${MAX_QUESTION_LENGTH} characters)`),
  }),
  positional: ['question'],
  examples: ['ask What did Putin say about the 30-day ceasefire?', 'ask What did the Kremlin demand about Kursk?'],
  handler: ({ question }, { library }): Reply => {
    const answer = library.answers.select(question);
    if (answer.abstained) {
      return {
        command: 'ask',
        title: question,
        text: `Not found in the corpus. ${answer.reason ?? ''}`.trim(),
        abstained: true,
        notFound: answer.notFound,
        citations: [],
        related: answer.related.map((quoted, i) => cite(library, quoted, i)),
      };
    }
    const citations = answer.sentences.map((quoted, i) => cite(library, quoted, i));
    const body = citations.map((c) => `${c.speaker ? `${c.speaker}: ` : ''}${c.quote} [${c.n}]`).join(' ');
    const notes = [readings(answer, citations), answer.notFound.length > 0 ? `Not in the corpus: ${answer.notFound.map((w) => `“${w}”`).join(', ')}.` : '']
      .filter((note) => note !== '')
      .join(' ');
    return {
      command: 'ask',
      title: question,
      text: notes ? `${body}\n\n${notes}` : body,
      abstained: false,
      notFound: answer.notFound,
      citations,
    };
  },
});

/** A quote's citation, naming its speaker when the article does so nearby but the quote itself does not. */
function cite(library: Library, quoted: QuotedSentence, index: number): Citation {
  const own = citation(index + 1, quoted.article, quoted.text);
  // By text: statements read back from the insights snapshot are not the sentence objects of the article as decoded now.
  const texts = new Set(quoted.sentences.map((s) => s.text));
  const statements = library.positions.ofArticle(quoted.article).filter((s) => texts.has(s.sentence.text));
  const speaker = statements.map((s) => s.speaker).find((name) => !mentions(quoted.text, name));
  return speaker ? { ...own, speaker: capitalise(speaker) } : own;
}

/** “Read “kremlim” as “Kremlin”.”, with the corpus word as a quote writes it. */
function readings(answer: Answer, citations: readonly Citation[]): string {
  if (answer.corrections.length === 0) return '';
  const quotes = citations.map((c) => c.quote).join(' ');
  const asWritten = (word: string): string => quotes.match(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu'))?.[0] ?? word;
  return `Read ${answer.corrections.map(({ typed, read }) => `“${typed}” as “${asWritten(read)}”`).join(', ')}.`;
}

/** Whether a quote names the speaker already ("…,” Putin said.), by any word of the name. */
const mentions = (text: string, speaker: string): boolean =>
  speaker
    .replace(/^the\s+/iu, '')
    .split(/\s+/u)
    .some((word) => word.length > 2 && /^\p{Lu}/u.test(word) && new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}`, 'u').test(text));

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
