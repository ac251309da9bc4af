import { z } from 'zod';
import { articleLine, articleSummary } from '../src/answer/citations';
import { defineCommand } from '../src/app/context';
import type { Reply } from '../src/core/reply';

const PAGE_SIZE = 20;

export default defineCommand({
  name: 'sources',
  description: 'List the articles Parley answers from: title, source and date, newest first',
  options: z.object({
    // Out-of-range and non-numeric input is explained from this bound, quoting what was typed.
    page: z.coerce
      .number()
      .int()
      .min(1)
      .default(1)
      .describe(`Page of the list, ${PAGE_SIZE} articles a page`),
  }),
  positional: ['page'],
  examples: ['sources', 'sources 2'],
  handler: ({ page }, { library }): Reply => {
    const all = library.engine.articles();
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const lines = shown.map((a, i) => `${(page - 1) * PAGE_SIZE + i + 1}. ${articleLine(a)}`);
    const header =
      all.length === 0
        ? 'The corpus is empty: add Markdown articles to the corpus folder.'
        : `The corpus holds ${all.length} article${all.length === 1 ? '' : 's'}${pages > 1 ? ` (page ${Math.min(page, pages)} of ${pages})` : ''}:`;
    const skipped = library.problems.length;
    const footer = skipped > 0 ? `\n\n${skipped} corpus file${skipped === 1 ? ' was' : 's were'} skipped because of errors (see the bot's log).` : '';
    return {
      command: 'sources',
      title: 'Sources',
      text: page > pages ? `There is no page ${page}: the list has ${pages}.` : `${header}\n${lines.join('\n')}${footer}`,
      citations: [],
      articles: shown.map(articleSummary),
    };
  },
});
