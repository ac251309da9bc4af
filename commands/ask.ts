import { z } from 'zod';
import { citation } from '../src/answer/citations';
import { selectAnswer, type QuotedSentence } from '../src/answer/selectAnswer';
import { defineCommand } from '../src/core/command';
import type { Reply } from '../src/core/reply';

export const MAX_QUESTION_LENGTH = 300;

export default defineCommand({
  name: 'ask',
  description: 'Answer a question with verbatim sentences from the articles, each cited',
  options: z.object({
    question: z
      .string({ error: 'Ask a question, e.g. /ask What did Putin say about the 30-day ceasefire?' })
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
    const answer = selectAnswer(library.engine, question);
    if (answer.abstained) {
      return {
        command: 'ask',
        title: question,
        text: `Not found in the corpus. ${answer.reason ?? ''}`.trim(),
        abstained: true,
        notFound: answer.notFound,
        citations: [],
        related: answer.related.map((quoted, i) => cite(quoted, i)),
      };
    }
    const citations = answer.sentences.map((quoted, i) => cite(quoted, i));
    const body = citations.map((c) => `${c.quote} [${c.n}]`).join(' ');
    const caveat = answer.notFound.length > 0 ? `\n\nNot in the corpus: ${answer.notFound.map((w) => `“${w}”`).join(', ')}.` : '';
    return {
      command: 'ask',
      title: question,
      text: body + caveat,
      abstained: false,
      notFound: answer.notFound,
      citations,
    };
  },
});

const cite = (quoted: QuotedSentence, index: number) => citation(index + 1, quoted.article, quoted.sentence.text);
