import { z } from 'zod';

/**
 * The platform-neutral reply every command returns. Adapters render it (console text,
 * Discord embeds, Slack blocks) and `--json` prints it as it is: this schema is the
 * documented JSON format (`npm run -s schema` prints it as JSON Schema).
 */

export const citationSchema = z.object({
  n: z.number().int().positive().describe('The number that the [n] markers in `text` refer to'),
  articleId: z.string().describe('The article: its corpus file name without extension'),
  title: z.string().describe('Article title'),
  source: z.string().describe('Publisher, or how the article reached the corpus'),
  published: z.string().describe('Publication date, YYYY-MM-DD'),
  publishedEstimated: z.boolean().describe('True when the date was inferred from the article text'),
  url: z.string().nullable().describe('Link to the article, or null when unknown'),
  quote: z.string().describe('The cited sentence, verbatim from the article (with the neighbouring sentence it needs, when it continues one)'),
  speaker: z.string().optional().describe('ask: who the quote reports as speaking, when the article names them nearby but the quote does not'),
});

export const sectionSchema = z.object({
  title: z.string().describe('Section heading'),
  body: z.string().describe('Section text; cited statements carry [n] markers'),
  inline: z.boolean().optional().describe('May be laid out side by side with other inline sections (columns)'),
});

export const articleSummarySchema = z.object({
  id: z.string().describe('Article id'),
  title: z.string().describe('Article title'),
  source: z.string().describe('Publisher'),
  published: z.string().describe('Publication date, YYYY-MM-DD'),
  publishedEstimated: z.boolean().describe('True when the date was inferred from the text'),
  url: z.string().nullable().describe('Link, or null'),
});

export const positionSchema = z.object({
  party: z.string().describe('Party id (russia, ukraine, united-states, europe, …)'),
  topic: z.string().nullable().describe('Topic id (ceasefire, energy, black-sea, kursk, …); null for a statement on no listed topic'),
  speaker: z.string().describe('The leader or body the sentence credits ("Putin", "the Kremlin")'),
  statement: z.string().describe('The statement, verbatim from the article'),
  citations: z.array(citationSchema).describe('Where the statement comes from: the newest articles reporting it, up to three'),
  reportedBy: z.number().int().positive().optional().describe('How many articles report this statement (the same sentence, or the same quoted words)'),
  earlier: z
    .object({
      date: z.string().nullable().describe('When the article says it was stated (YYYY, YYYY-MM or YYYY-MM-DD), when well before the article'),
      outOfOffice: z.boolean().describe('Its speaker was a former official, or out of office when the article was published'),
    })
    .optional()
    .describe('Present when this is an earlier statement, not the party’s current position'),
  disputedBy: z.array(z.number().int()).optional().describe('The `n` of citations of sentences saying the claim is false'),
  change: z
    .object({
      status: z.enum(['new', 'unchanged']).describe('new: no earlier coverage reports it; unchanged: earlier coverage reported it already'),
      firstReported: z.string().describe('Publication date (YYYY-MM-DD) of the earliest article reporting it'),
    })
    .optional()
    .describe('position with a `since`, and the digest: how a statement of the new coverage stands to the rest of the corpus'),
});

export const eventSchema = z.object({
  date: z.string().describe('YYYY-MM-DD, or YYYY-MM / YYYY when the text gives no more'),
  summary: z.string().describe('The sentence reporting the event, verbatim'),
  citations: z.array(citationSchema).describe('Where the sentence comes from'),
});

export const comparisonSchema = z.object({
  parties: z.array(z.object({ id: z.string(), name: z.string() })).describe('The columns'),
  topics: z.array(z.object({ id: z.string(), name: z.string() })).describe('The rows'),
  cells: z
    .array(
      z.object({
        topic: z.string(),
        party: z.string(),
        stated: z.boolean().describe('False: no stated position in the corpus'),
        citations: z.array(z.number().int()).describe('The `n` of the citations of its statements'),
      }),
    )
    .describe('One cell per topic and party'),
});

export const ingestedItemSchema = z.object({
  source: z.string().describe('The URL or file the article came from'),
  outcome: z
    .enum(['added', 'duplicate', 'unextractable', 'failed'])
    .describe('added | duplicate (already in the corpus) | unextractable (no article text, a paywall stub, …) | failed (not fetched or read)'),
  reason: z.string().nullable().describe('Why it was not added; for a duplicate, which file already holds it'),
  articleId: z.string().nullable().describe('The article written, or the one that already holds it'),
});

export const replySchema = z.object({
  command: z.string().describe('The command that produced the reply'),
  title: z.string().optional().describe('A headline, for renderers that have one'),
  text: z.string().describe('The reply as plain text; cited statements carry [n] markers'),
  abstained: z.boolean().optional().describe('ask: true when the corpus does not support an answer'),
  notFound: z.array(z.string()).optional().describe('ask: question words that no article contains'),
  citations: z.array(citationSchema).describe('The sources of the [n] markers, in order'),
  related: z
    .array(citationSchema)
    .optional()
    .describe('ask, when abstaining: the closest passages, which do NOT answer the question'),
  sections: z.array(sectionSchema).optional().describe('Titled parts of the reply, in order'),
  articles: z.array(articleSummarySchema).optional().describe('sources: the articles listed; ingest: the articles added'),
  ingested: z.array(ingestedItemSchema).optional().describe('ingest: what happened to each article, in order'),
  positions: z.array(positionSchema).optional().describe('position, compare: the statements shown'),
  events: z.array(eventSchema).optional().describe('recent: dated events, newest first'),
  comparison: comparisonSchema.optional().describe('compare: the table of parties by topics'),
  ephemeral: z.boolean().optional().describe('Show only to the person who asked, where the platform can'),
});

export const errorLineSchema = z.object({
  error: z.object({
    code: z
      .enum(['unknown_command', 'invalid_input', 'not_found', 'forbidden', 'unavailable', 'internal'])
      .describe('unknown_command | invalid_input | not_found | forbidden | unavailable (the bot is shutting down) | internal'),
    message: z.string().describe('What went wrong, written for the user'),
  }),
});

export type Citation = z.infer<typeof citationSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
export type Position = z.infer<typeof positionSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type IngestedItem = z.infer<typeof ingestedItemSchema>;
export type Reply = z.infer<typeof replySchema>;
