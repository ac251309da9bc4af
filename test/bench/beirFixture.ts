import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryDir } from '../helpers/fixtures';

/** A small dataset in BEIR's layout, in a temporary folder; files can be replaced to break it. */
export function beirDataset(files: Partial<Record<'corpus' | 'queries' | 'qrels', string>> = {}): string {
  const dir = temporaryDir('parley-beir-');
  mkdirSync(join(dir, 'qrels'));
  writeFileSync(join(dir, 'corpus.jsonl'), files.corpus ?? CORPUS);
  writeFileSync(join(dir, 'queries.jsonl'), files.queries ?? QUERIES);
  writeFileSync(join(dir, 'qrels', 'test.tsv'), files.qrels ?? QRELS);
  return dir;
}

const CORPUS = [
  { _id: 'zinc', title: 'Zinc and the common cold', text: 'Zinc lozenges shorten the duration of the common cold in adults.' },
  { _id: 'vitamin', title: 'Vitamin C trial', text: 'Vitamin C supplements did not prevent colds in a randomised trial.' },
  { _id: 'sleep', title: 'Sleep and memory', text: 'Sleep after learning consolidates memory in young adults.' },
  { _id: 42, title: 'Exercise', text: 'Regular exercise lowers blood pressure. Walking counts.' },
  { _id: 'empty-title', text: 'Coffee intake was not associated with mortality.' },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const QUERIES = [
  { _id: 'q1', text: 'Zinc shortens colds.' },
  { _id: 'q2', text: 'Exercise lowers blood pressure.' },
  { _id: 'q3', text: 'A query nobody judged.' },
  { _id: 4, text: 'Sleep consolidates memory.' },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const QRELS = 'query-id\tcorpus-id\tscore\nq1\tzinc\t2\nq1\tvitamin\t1\nq2\t42\t1\n4\tsleep\t1\n';
