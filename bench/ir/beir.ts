import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Judgments } from './metrics';

/**
 * A dataset in BEIR's layout: `corpus.jsonl` ({_id, title, text} a line), `queries.jsonl`
 * ({_id, text} a line) and `qrels/<split>.tsv` (header, then query id, document id and
 * relevance grade, tab-separated).
 */
export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
}

export interface BeirDataset {
  /** The dataset folder's name (`scifact`). */
  name: string;
  split: string;
  documents: BeirDocument[];
  /** The queries judged in the split, in the order of queries.jsonl. */
  queries: BeirQuery[];
  /** Query id → document id → relevance grade. */
  judgments: Map<string, Judgments>;
}

export class BeirFormatError extends Error {
  override name = 'BeirFormatError';
}

export function readBeirDataset(dir: string, split: string): BeirDataset {
  const documents = readJsonLines(join(dir, 'corpus.jsonl'), documentLine).map(({ _id, title, text }) => ({ id: _id, title, text }));
  const qrels = join(dir, 'qrels', `${split}.tsv`);
  if (!existsSync(qrels)) {
    const splits = existsSync(join(dir, 'qrels')) ? readdirSync(join(dir, 'qrels')).map((file) => file.replace(/\.tsv$/u, '')) : [];
    throw new BeirFormatError(`${qrels} not found: the dataset's splits are ${splits.join(', ') || 'none (no qrels folder)'}`);
  }
  const judgments = readJudgments(qrels);
  const queries = readJsonLines(join(dir, 'queries.jsonl'), queryLine)
    .filter(({ _id }) => judgments.has(_id))
    .map(({ _id, text }) => ({ id: _id, text }));
  const known = new Set(queries.map((q) => q.id));
  const unknownQueries = [...judgments.keys()].filter((queryId) => !known.has(queryId));
  if (unknownQueries.length > 0) {
    throw new BeirFormatError(`qrels/${split}.tsv judges queries missing from queries.jsonl: ${unknownQueries.slice(0, 5).join(', ')}`);
  }
  return { name: basename(resolve(dir)), split, documents, queries, judgments };
}

// Some BEIR datasets write numeric ids; they are compared as strings everywhere.
const id = z.union([z.string(), z.number()]).transform(String);
const documentLine = z.object({ _id: id, title: z.string().default(''), text: z.string() });
const queryLine = z.object({ _id: id, text: z.string() });

function readJsonLines<S extends z.ZodType>(path: string, schema: S): z.output<S>[] {
  return lines(path).map(({ line, number }) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new BeirFormatError(`${path} line ${number}: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BeirFormatError(`${path} line ${number}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    return parsed.data;
  });
}

function readJudgments(path: string): Map<string, Map<string, number>> {
  const judgments = new Map<string, Map<string, number>>();
  for (const { line, number } of lines(path)) {
    const fields = line.split('\t');
    if (number === 1 && fields[0] === 'query-id') continue;
    const [queryId, documentId, grade] = fields;
    if (fields.length !== 3 || !queryId || !documentId || !/^-?\d+$/u.test(grade ?? '')) {
      throw new BeirFormatError(`${path} line ${number}: expected "query-id<TAB>corpus-id<TAB>score", got ${JSON.stringify(line)}`);
    }
    const forQuery = judgments.get(queryId) ?? new Map<string, number>();
    forQuery.set(documentId, Number(grade));
    judgments.set(queryId, forQuery);
  }
  return judgments;
}

function lines(path: string): { line: string; number: number }[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BeirFormatError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return text
    .split(/\r?\n/u)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim().length > 0);
}
