import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loader';
import { articleFile, CORPUS_DIR, corpusCopy, temporaryDir } from '../helpers/fixtures';

const VALID = { title: 'A valid article', source: 'Test Wire', published: '2025-03-21' };
const BODY = 'Putin said the energy truce would hold for thirty days.';

describe('loadCorpus', () => {
  it('loads the five seed articles with their metadata', () => {
    const { articles, problems } = loadCorpus(CORPUS_DIR);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(5);
    for (const article of articles) {
      expect(article.source).toBe('unknown (seed article)');
      expect(article.published).toMatch(/^2025-03-\d\d$/u);
      expect(article.publishedEstimated).toBe(true);
      expect(article.passages.length).toBeGreaterThan(5);
    }
    expect(articles.map((a) => a.id)).toContain('2025-03-18-trump-putin-call-on-ukraine-ceasefire');
  });

  it('keeps every sentence verbatim from its file', () => {
    for (const article of loadCorpus(CORPUS_DIR).articles) {
      const text = readFileSync(join(CORPUS_DIR, article.file), 'utf8');
      for (const passage of article.passages) {
        expect(passage.articleId).toBe(article.id);
        for (const sentence of passage.sentences) expect(text).toContain(sentence.text);
      }
    }
  });

  it('keeps each seed body byte for byte below its front matter', () => {
    const seeds = join(CORPUS_DIR, '../../shared/seeds');
    for (const article of loadCorpus(CORPUS_DIR).articles) {
      const file = readFileSync(join(CORPUS_DIR, article.file), 'utf8');
      const seed = /^seed: (.+)$/mu.exec(file)?.[1];
      expect(seed).toBeDefined();
      const body = file.split('\n').slice(file.split('\n').indexOf('---', 1) + 1).join('\n');
      // ../shared sits beside the repository on developer machines and in CI.
      expect(body).toBe(readFileSync(join(seeds, seed!), 'utf8'));
    }
  });

  it.each([
    ['missing-date.md', articleFile({ title: 'T', source: 'S' }, BODY), 'published: missing'],
    ['bad-date.md', articleFile({ ...VALID, published: 'March 2025' }, BODY), 'published: must be an ISO date (YYYY-MM-DD)'],
    ['empty-title.md', articleFile({ ...VALID, title: '' }, BODY), 'title: must not be empty'],
    ['typo-field.md', articleFile({ ...VALID, pubished: '2025-03-21' }, BODY), 'pubished: unknown field'],
    ['bad-url.md', articleFile({ ...VALID, url: 'ftp://example.org/x' }, BODY), 'url: must be an http(s) URL'],
    ['no-front-matter.md', BODY, 'front matter: the file must start with a "---" line'],
    ['unclosed.md', `---\ntitle: x\n${BODY}`, 'front matter: no closing "---" line'],
    ['bad-yaml.md', `---\ntitle: [unclosed\n---\n${BODY}`, 'front matter: invalid YAML'],
    ['empty-body.md', articleFile(VALID, ''), 'body: no article text below the front matter'],
  ])('reports %s by name and field, and still loads every other article', (file, text, expected) => {
    const dir = corpusCopy({ [file]: text });
    const { articles, problems } = loadCorpus(dir);
    expect(articles).toHaveLength(5);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(file);
    expect(problems[0]!.problems.join('; ')).toContain(expected);
  });

  it('reads articles in sub-folders and ignores READMEs and dot-files', () => {
    const dir = temporaryDir();
    writeFileSync(join(dir, 'README.md'), '# How to add articles');
    writeFileSync(join(dir, '.draft.md'), 'not yet');
    mkdirSync(join(dir, '2025-03'));
    writeFileSync(join(dir, '2025-03', 'truce.md'), articleFile(VALID, BODY));
    const { articles, problems } = loadCorpus(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['2025-03/truce']);
  });

  it('records optional metadata when present', () => {
    const dir = temporaryDir();
    writeFileSync(
      join(dir, 'a.md'),
      articleFile({ ...VALID, url: 'https://example.org/a', author: 'J. Doe', perspective: 'wire report', tags: ['energy', 'Black Sea'] }, BODY),
    );
    const [article] = loadCorpus(dir).articles;
    expect(article).toMatchObject({ url: 'https://example.org/a', author: 'J. Doe', perspective: 'wire report', tags: ['energy', 'Black Sea'], publishedEstimated: false });
  });
});
