import { isMap, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { echoInput } from '../core/errors';
import { DEFAULT_CORPUS_LIMITS, overTheLimit, type CorpusLimits } from './limits';

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

/** What the front matter may hold: the limits that concern it. */
export type FrontMatterLimits = Pick<CorpusLimits, 'maxFrontMatterBytes' | 'maxFrontMatterKeys'>;

/**
 * How far YAML aliases may expand (yaml's own measure: uses of an anchor times the aliases
 * inside it). Front matter has no need of aliases; yaml's default, stated here because the
 * limit is what stops an alias bomb ("billion laughs") from expanding to gigabytes.
 */
const MAX_ALIAS_COUNT = 100;

/** Splits `---\nyaml\n---\nbody` and validates the YAML; every problem is named by its field. */
export function parseCorpusFile(text: string, limits: FrontMatterLimits = DEFAULT_CORPUS_LIMITS): ParsedFile {
  const split = splitFrontMatter(text, limits);
  if (!split.ok) return split;
  const parsed = frontMatterSchema.safeParse(split.data ?? {});
  if (!parsed.success) return { ok: false, problems: describeFrontMatterIssues(parsed.error.issues) };
  return { ok: true, frontMatter: parsed.data, body: split.body };
}

export type SplitFile = { ok: true; data: unknown; body: string } | { ok: false; problems: string[] };

/**
 * The front matter as plain YAML data (not yet validated), and the body below it. Front
 * matter over the limits is refused before it is parsed (its size) or converted (its keys),
 * and YAML that cannot be read is a problem of this file, never an exception.
 */
export function splitFrontMatter(text: string, limits: FrontMatterLimits = DEFAULT_CORPUS_LIMITS): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trim() !== FENCE) {
    return { ok: false, problems: ['front matter: the file must start with a "---" line'] };
  }
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === FENCE);
  if (end < 0) return { ok: false, problems: ['front matter: no closing "---" line'] };

  const source = lines.slice(1, end).join('\n');
  const bytes = Buffer.byteLength(source);
  if (bytes > limits.maxFrontMatterBytes) {
    return { ok: false, problems: [`front matter: ${overTheLimit(bytes, 'bytes', limits.maxFrontMatterBytes, 'PARLEY_MAX_FRONT_MATTER_BYTES')}`] };
  }
  try {
    // yaml compares every key with every other of its mapping while parsing, which takes minutes
    // for tens of thousands of keys; keys are compared here instead, once they are known to be few.
    const yaml = parseDocument(source, { schema: 'core', uniqueKeys: false });
    if (yaml.errors.length > 0) {
      return { ok: false, problems: yaml.errors.map((e) => `front matter: invalid YAML: ${echoInput(e.message.split('\n')[0]!)}`) };
    }
    const keys = countKeys(yaml);
    if (keys > limits.maxFrontMatterKeys) {
      return { ok: false, problems: [`front matter: ${overTheLimit(keys, 'keys', limits.maxFrontMatterKeys, 'PARLEY_MAX_FRONT_MATTER_KEYS')}`] };
    }
    const repeated = firstRepeatedKey(yaml);
    if (repeated !== null) {
      return { ok: false, problems: [`front matter: invalid YAML: Map keys must be unique (“${echoInput(repeated)}” is given twice)`] };
    }
    // YAML reads an unquoted 2025-03-18 as a string under the core schema, which is what we want.
    return { ok: true, data: yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, body: lines.slice(end + 1).join('\n') };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias count/iu.test(message)) {
      return { ok: false, problems: [`front matter: its YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias uses; an alias bomb?)`] };
    }
    return { ok: false, problems: [`front matter: the YAML could not be read: ${echoInput(message.split('\n')[0]!)}`] };
  }
}

/** Keys of every mapping in the document, nested ones included (aliases not expanded). */
function countKeys(yaml: Document): number {
  let keys = 0;
  visit(yaml, {
    Pair: () => {
      keys++;
    },
  });
  return keys;
}

/** The first key given twice in one mapping, compared as yaml compares them (scalars by value). */
function firstRepeatedKey(yaml: Document): string | null {
  let repeated: string | null = null;
  visit(yaml, {
    Map: (_, map) => {
      if (!isMap(map)) return undefined;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          repeated = String(pair.key.value);
          return visit.BREAK;
        }
        seen.add(pair.key.value);
      }
      return undefined;
    },
  });
  return repeated;
}

/** Schema issues as "field: problem" lines. */
export function describeFrontMatterIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || 'front matter';
    if (issue.code === 'unrecognized_keys') return `${listKeys(issue.keys)}: unknown field`;
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${field}: missing`;
    return `${field}: ${issue.message}`;
  });
}

/** How many unknown keys a problem names: the others are counted, so the line stays short. */
const KEYS_NAMED = 5;

const listKeys = (keys: readonly string[]): string =>
  keys.slice(0, KEYS_NAMED).map(echoInput).join(', ') + (keys.length > KEYS_NAMED ? ` and ${keys.length - KEYS_NAMED} more` : '');
