import { z } from 'zod';
import { defineCommand } from '../src/app/context';
import { commandRef } from '../src/core/commandRef';
import { CommandError } from '../src/core/errors';
import type { Reply } from '../src/core/reply';
import { ingestReply } from '../src/ingest/summary';

export default defineCommand({
  name: 'ingest',
  description: 'Add articles from a web page or an RSS/Atom feed URL to the corpus (channel managers only)',
  options: z.object({
    source: z
      .string({ error: `Give the URL of an article or a feed, e.g. ${commandRef('ingest')} https://example.com/rss/world.xml` })
      .trim()
      .min(1, { error: 'Give the URL of an article or a feed.' })
      .max(2048, { error: 'That URL is too long (at most 2,048 characters).' })
      .describe('URL of a news article or of an RSS/Atom feed (the local console also takes a file or folder)'),
  }),
  positional: ['source'],
  // Fetching on a chat user's word is a lever on the host's network: only people who run the channel get it.
  managesChannel: true,
  repliesPrivately: () => true,
  examples: ['ingest https://www.example.com/world/2025/03/26/black-sea-talks', 'ingest https://www.example.com/rss/world.xml'],
  handler: async ({ source }, { caller, ingester }): Promise<Reply> => {
    if (!caller.canManageChannel) {
      throw new CommandError('forbidden', 'Only people who can manage this channel can add articles to the corpus.');
    }
    // Local files are the host's: only the operator at the console may name them.
    const allowLocalFiles = caller.platform === 'console';
    if (!allowLocalFiles && !/^https?:\/\//iu.test(source)) {
      throw new CommandError('invalid_input', `Give the http(s) URL of an article or of an RSS/Atom feed. Usage: ${commandRef('ingest')} <source>`);
    }
    if (!ingester) {
      return { command: 'ingest', text: 'This instance of Parley cannot add articles: it has no corpus folder to write to.', citations: [], ephemeral: true };
    }
    return { ...ingestReply(await ingester.ingest(source, { allowLocalFiles })), ephemeral: true };
  },
});
