import { describe, expect, it } from 'vitest';
import { readBeirDataset } from '../../bench/ir/beir';
import { documentToArticle } from '../../bench/ir/parley';
import { beirDataset } from './beirFixture';

describe('readBeirDataset', () => {
  it('reads documents, the judged queries and their graded judgments', () => {
    const dataset = readBeirDataset(beirDataset(), 'test');
    expect(dataset.split).toBe('test');
    expect(dataset.documents).toHaveLength(5);
    expect(dataset.documents[3]).toEqual({ id: '42', title: 'Exercise', text: 'Regular exercise lowers blood pressure. Walking counts.' });
    expect(dataset.documents[4]!.title).toBe('');
    expect(dataset.queries.map((q) => q.id)).toEqual(['q1', 'q2', '4']);
    expect(dataset.judgments.get('q1')).toEqual(new Map([['zinc', 2], ['vitamin', 1]]));
  });

  it('names the file and line of a malformed line', () => {
    const dir = beirDataset({ corpus: '{"_id": "a", "text": "fine"}\n{"_id": "b"}\n' });
    expect(() => readBeirDataset(dir, 'test')).toThrow(/corpus\.jsonl line 2: text: /u);
    expect(() => readBeirDataset(beirDataset({ queries: 'not json' }), 'test')).toThrow(/queries\.jsonl line 1: /u);
    expect(() => readBeirDataset(beirDataset({ qrels: 'query-id\tcorpus-id\tscore\nq1 zinc 1\n' }), 'test')).toThrow(
      /test\.tsv line 2: expected "query-id<TAB>corpus-id<TAB>score"/u,
    );
  });

  it('lists the splits there are when asked for a missing one', () => {
    expect(() => readBeirDataset(beirDataset(), 'train')).toThrow(/train\.tsv not found: the dataset's splits are test/u);
  });

  it('refuses judgments of queries that do not exist', () => {
    expect(() => readBeirDataset(beirDataset({ qrels: 'q9\tzinc\t1\n' }), 'test')).toThrow(/judges queries missing from queries\.jsonl: q9/u);
  });
});

describe('documentToArticle', () => {
  it('cuts a document into passages and sentences with the corpus segmenter', () => {
    const article = documentToArticle({ id: '42', title: 'Exercise', text: 'Regular exercise lowers blood pressure. Walking counts.' });
    expect(article).toMatchObject({ id: '42', title: 'Exercise' });
    expect(article.passages).toHaveLength(1);
    expect(article.passages[0]!.sentences.map((s) => s.text)).toEqual(['Regular exercise lowers blood pressure.', 'Walking counts.']);
  });
});
