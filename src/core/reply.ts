import { z } from 'zod';

/**
 * The platform-neutral reply every command returns. Adapters render it (console text,
 * Discord embeds, Slack blocks) and `--json` prints it as it is: this schema is the
 * documented JSON format.
 */

export const citationSchema = z.object({
  /** The number the `[n]` marker in `text` refers to. */
  n: z.number().int().positive(),
  articleId: z.string(),
  title: z.string(),
  source: z.string(),
  /** YYYY-MM-DD. */
  published: z.string(),
  /** The publication date was inferred from the article's text. */
  publishedEstimated: z.boolean(),
  url: z.string().nullable(),
  /** Verbatim article text. */
  quote: z.string(),
});

export const sectionSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** Sections marked inline may be laid out side by side (columns). */
  inline: z.boolean().optional(),
});

export const articleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  published: z.string(),
  publishedEstimated: z.boolean(),
  url: z.string().nullable(),
});

export const replySchema = z.object({
  command: z.string(),
  /** A headline for renderers that have one (embed title, Block Kit header). */
  title: z.string().optional(),
  /** The reply as plain text; cited statements carry `[n]` markers. */
  text: z.string(),
  /** `ask` only: true when the corpus does not support an answer. */
  abstained: z.boolean().optional(),
  /** `ask` only: question words that no article contains. */
  notFound: z.array(z.string()).optional(),
  citations: z.array(citationSchema),
  /** `ask` only, when abstaining: the closest passages, which do NOT answer the question. */
  related: z.array(citationSchema).optional(),
  /** Titled parts of the reply, in order. */
  sections: z.array(sectionSchema).optional(),
  /** `sources` only: the articles listed. */
  articles: z.array(articleSummarySchema).optional(),
  /** Show only to the person who asked, where the platform can. */
  ephemeral: z.boolean().optional(),
});

export const errorLineSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type Citation = z.infer<typeof citationSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
export type Reply = z.infer<typeof replySchema>;
