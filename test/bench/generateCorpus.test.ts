import { describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../../bench/scale/generateCorpus';
import { benchmarkWorkload } from '../../bench/scale/workload';
import { loadCorpus, parseArticle } from '../../src/corpus/loader';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { CONFIG_DIR, CORPUS_DIR } from '../helpers/fixtures';

const seeds = loadCorpus(CORPUS_DIR).articles;
const vocabulary = loadVocabulary(CONFIG_DIR);
const generator = new CorpusGenerator(seeds, vocabulary);

describe('CorpusGenerator', () => {
  it('gives the same article for the same number, whatever generator or order', () => {
    const again = new CorpusGenerator(seeds, vocabulary);
    expect(again.file(7)).toEqual(generator.file(7));
    expect([2, 1, 0].map((i) => again.file(i))).toEqual([2, 1, 0].map((i) => generator.file(i)));
  });

  it('writes valid corpus files the loader accepts', () => {
    for (let i = 0; i < 30; i++) {
      const { file, text } = generator.file(i);
      const result = parseArticle(file, text);
      expect(result.ok, `${file}: ${result.ok ? '' : result.problem.problems.join('; ')}`).toBe(true);
      if (result.ok) expect(result.article.passages.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('varies articles: titles, dates, sources and people differ', () => {
    const files = Array.from({ length: 50 }, (_, i) => generator.file(i).text);
    const field = (name: string) => new Set(files.map((text) => text.match(new RegExp(`^${name}: (.*)$`, 'mu'))?.[1]));
    expect(field('title').size).toBeGreaterThan(40);
    expect(field('published').size).toBeGreaterThan(40);
    expect(field('source').size).toBeGreaterThan(5);
    const seedText = seeds.flatMap((a) => a.passages.flatMap((p) => p.sentences.map((s) => s.text))).join(' ');
    const body = files.join('\n');
    const names = new Set(body.match(/\b[A-Z][a-z]+(?:enko|ova|sky|berg|ich)\b/gu));
    expect([...names].filter((name) => !seedText.includes(name)).length).toBeGreaterThan(5);
  });
});

describe('benchmarkWorkload', () => {
  it('is a fixed, varied set of questions', () => {
    const workload = benchmarkWorkload(vocabulary);
    expect(benchmarkWorkload(vocabulary)).toEqual(workload);
    expect(workload.questions).toHaveLength(300);
    expect(new Set(workload.questions).size).toBeGreaterThan(250);
    expect(workload.questions.some((q) => q.startsWith('What did '))).toBe(true);
    expect(workload.questions.some((q) => q.startsWith('What happened in '))).toBe(true);
    expect(workload.questions).toContain('Who won the football world cup?');
    expect(workload.parties).toEqual(vocabulary.parties.map((p) => p.id));
  });
});
