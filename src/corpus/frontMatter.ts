import { parseDocument } from 'yaml';
import { z } from 'zod';

/**
 * The front matter every corpus file carries. The schema is the documentation: README's
 * "Corpus files" section describes these fields and a file is accepted only if it passes.
 */
export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  source: z.string().trim().min(1, 'must not be empty'),
  published: z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD)' }),
  published_estimated: z.boolean().optional(),
  published_basis: z.string().optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  author: z.string().trim().min(1).optional(),
  perspective: z.string().trim().min(1).optional(),
  tags: z.array(z.string().trim().min(1)).optional(),
  /** Provenance: the shared seed file an article was made from. */
  seed: z.string().optional(),
  /** Provenance: where and when an ingested article was fetched. */
  site_name: z.string().optional(),
  fetched: z.string().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type ParsedFile =
  | { ok: true; frontMatter: FrontMatter; body: string }
  | { ok: false; problems: string[] };

const FENCE = '---';

/** Splits `---\nyaml\n---\nbody` and validates the YAML; every problem is named by its field. */
export function parseCorpusFile(text: string): ParsedFile {
  const split = splitFrontMatter(text);
  if (!split.ok) return split;
  const parsed = frontMatterSchema.safeParse(split.data ?? {});
  if (!parsed.success) return { ok: false, problems: describeFrontMatterIssues(parsed.error.issues) };
  return { ok: true, frontMatter: parsed.data, body: split.body };
}

export type SplitFile = { ok: true; data: unknown; body: string } | { ok: false; problems: string[] };

/** The front matter as plain YAML data (not yet validated), and the body below it. */
export function splitFrontMatter(text: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trim() !== FENCE) {
    return { ok: false, problems: ['front matter: the file must start with a "---" line'] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === FENCE);
  if (end < 0) return { ok: false, problems: ['front matter: no closing "---" line'] };

  const yaml = parseDocument(lines.slice(1, end).join('\n'), { schema: 'core' });
  if (yaml.errors.length > 0) {
    return { ok: false, problems: yaml.errors.map((e) => `front matter: invalid YAML: ${e.message.split('\n')[0]}`) };
  }
  // YAML reads an unquoted 2025-03-18 as a string under the core schema, which is what we want.
  return { ok: true, data: yaml.toJS() as unknown, body: lines.slice(end + 1).join('\n') };
}

/** Schema issues as "field: problem" lines. */
export function describeFrontMatterIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || 'front matter';
    if (issue.code === 'unrecognized_keys') return `${issue.keys.join(', ')}: unknown field`;
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${field}: missing`;
    return `${field}: ${issue.message}`;
  });
}
