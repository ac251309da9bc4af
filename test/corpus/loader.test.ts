import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_LIMITS } from '../../src/corpus/limits';
import { loadCorpus } from '../../src/corpus/loader';
import { articleFile, CORPUS_DIR, corpusCopy, temporaryDir } from '../helpers/fixtures';
import { ALIAS_BOMB, invalidUtf8File, largeFrontMatterFile, manyKeysFile } from '../helpers/hostileFiles';

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

  describe('a hostile file is named and skipped, and every other article loads', () => {
    /** The one problem of a corpus copy with `file` added; the seed articles must all load. */
    function onlyProblem(file: string, text: string | Buffer, limits = DEFAULT_CORPUS_LIMITS): string {
      const dir = corpusCopy();
      writeFileSync(join(dir, file), text);
      const { articles, problems } = loadCorpus(dir, limits);
      expect(articles).toHaveLength(5);
      expect(problems.map((p) => p.file)).toEqual([file]);
      return problems[0]!.problems.join('; ');
    }

    it('a YAML alias bomb ("billion laughs") in the front matter', () => {
      expect(onlyProblem('bomb.md', ALIAS_BOMB)).toBe('front matter: its YAML aliases expand too far (more than 100 alias uses; an alias bomb?)');
    });

    it('front matter larger than the limit', () => {
      const limits = { ...DEFAULT_CORPUS_LIMITS, maxFrontMatterBytes: 1024 };
      expect(onlyProblem('long.md', largeFrontMatterFile(2000), limits)).toMatch(
        /^front matter: 2,\d{3} bytes, over the limit of 1,024 \(PARLEY_MAX_FRONT_MATTER_BYTES\)$/u,
      );
    });

    it('front matter with more keys than the limit, nested keys counted', () => {
      // 300 nested keys and 4 top-level ones; the default limit is 200.
      expect(onlyProblem('keys.md', manyKeysFile(300))).toBe('front matter: 304 keys, over the limit of 200 (PARLEY_MAX_FRONT_MATTER_KEYS)');
    });

    it('front matter with duplicate keys, still reported as invalid YAML', () => {
      expect(onlyProblem('twice.md', `---\ntitle: "A"\ntitle: "B"\nsource: S\npublished: 2025-03-21\n---\n${BODY}\n`)).toMatch(
        /^front matter: invalid YAML: Map keys must be unique/u,
      );
    });

    it('an article larger than the limit', () => {
      // The seed articles are under 10 KB.
      const limits = { ...DEFAULT_CORPUS_LIMITS, maxArticleBytes: 10_000 };
      expect(onlyProblem('big.md', articleFile(VALID, BODY.repeat(200)), limits)).toBe('too large: 11,078 bytes, over the limit of 10,000 (PARLEY_MAX_ARTICLE_BYTES)');
    });

    it('an article larger than the limit is not read: its size is checked first', () => {
      const dir = corpusCopy({ 'huge.md': articleFile(VALID, BODY) });
      // 3 GiB, sparse: reading it in full would fail (Node reads at most 2 GiB at once), not name its size.
      truncateSync(join(dir, 'huge.md'), 3 * 1024 ** 3);
      const { articles, problems } = loadCorpus(dir);
      expect(articles).toHaveLength(5);
      expect(problems).toEqual([{ file: 'huge.md', problems: ['too large: 3,221,225,472 bytes, over the limit of 5,242,880 (PARLEY_MAX_ARTICLE_BYTES)'] }]);
    });

    it('a file that is not valid UTF-8, with the byte where it goes wrong', () => {
      const { bytes, offset, line } = invalidUtf8File();
      expect(onlyProblem('latin1.md', bytes)).toBe(`not valid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`);
    });
  });

  it('never reads outside the corpus folder: symbolic links are named and skipped, not followed', () => {
    const outside = temporaryDir('parley-outside-');
    writeFileSync(join(outside, 'secret.md'), articleFile(VALID, 'Quokkas guard the outside file.'));
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder', 'more.md'), articleFile(VALID, 'Quokkas guard the outside folder.'));
    const dir = corpusCopy();
    symlinkSync(join(outside, 'secret.md'), join(dir, 'outside.md'));
    symlinkSync(join(outside, 'folder'), join(dir, 'linked-folder'));
    symlinkSync(join(dir, '2025-03-13-putin-conditional-support-for-30-day-cease-fire.md'), join(dir, 'inside.md'));
    symlinkSync(join(outside, 'gone.md'), join(dir, 'dangling.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'notes.txt')); // not an article's name: no article, nothing to name

    const { articles, problems } = loadCorpus(dir);
    expect(articles).toHaveLength(5);
    expect(articles.flatMap((a) => a.passages).some((p) => p.sentences.some((s) => s.text.includes('Quokkas')))).toBe(false);
    expect(problems.map((p) => p.file)).toEqual(['dangling.md', 'inside.md', 'linked-folder', 'outside.md']);
    expect(problems.find((p) => p.file === 'outside.md')!.problems).toEqual([
      `a symbolic link (to ${join(outside, 'secret.md')}): not followed, corpus files must be regular files inside the corpus folder`,
    ]);
    expect(problems.find((p) => p.file === 'linked-folder')!.problems).toEqual([
      `a symbolic link to a folder (${join(outside, 'folder')}): not followed, corpus files must be regular files inside the corpus folder`,
    ]);
  });

  it('reads a corpus folder that is itself reached through a symbolic link', () => {
    const link = join(temporaryDir('parley-link-'), 'corpus');
    symlinkSync(corpusCopy(), link);
    const { articles, problems } = loadCorpus(link);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(5);
  });
});
