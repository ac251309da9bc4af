import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCorpusFile } from '../../src/corpus/frontMatter';
import { renderArticle, slugOf, writeArticle, type ArticleDraft } from '../../src/ingest/writeArticle';
import { temporaryDir } from '../helpers/fixtures';

const DRAFT: ArticleDraft = {
  frontMatter: {
    title: 'Rubio: "Talks in Riyadh will go on"',
    source: 'The Kyiv Ledger',
    published: '2025-03-26',
    url: 'https://kyivledger.example/2025/03/26/talks',
    author: 'Olena Marchenko',
    site_name: 'The Kyiv Ledger',
    fetched: '2025-03-26T09:00:00.000Z',
    tags: ['Black Sea', 'Riyadh: talks'],
  },
  lines: ['Rubio said the talks would go on.', '## Sanctions', 'The Kremlin wants SWIFT access: for one bank.'],
};

describe('writeArticle', () => {
  it('writes front matter that the loader accepts, and the body one paragraph a line', () => {
    const dir = temporaryDir();
    const result = writeArticle(dir, DRAFT);
    expect(result).toMatchObject({ ok: true, file: '2025-03-26-rubio-talks-in-riyadh-will-go-on.md' });
    const text = readFileSync(join(dir, '2025-03-26-rubio-talks-in-riyadh-will-go-on.md'), 'utf8');
    expect(text).toBe(renderArticle(DRAFT));
    expect(text).toContain('tags: ["Black Sea", "Riyadh: talks"]\n');
    expect(text.endsWith('---\nRubio said the talks would go on.\n## Sanctions\nThe Kremlin wants SWIFT access: for one bank.\n')).toBe(true);
    expect(parseCorpusFile(text)).toEqual({ ok: true, frontMatter: DRAFT.frontMatter, body: `${DRAFT.lines.join('\n')}\n` });
    expect(result.ok && result.article.passages.map((p) => p.heading)).toEqual([null, 'Sanctions']);
  });

  it('never overwrites: a taken name gets a number, and no temporary file is left behind', () => {
    const dir = temporaryDir();
    writeArticle(dir, DRAFT);
    const second = writeArticle(dir, { ...DRAFT, lines: ['Another story with the same headline.'] });
    expect(second).toMatchObject({ ok: true, file: '2025-03-26-rubio-talks-in-riyadh-will-go-on-2.md' });
    expect(readdirSync(dir)).toEqual(['2025-03-26-rubio-talks-in-riyadh-will-go-on-2.md', '2025-03-26-rubio-talks-in-riyadh-will-go-on.md']);
  });

  it('refuses a draft the loader would reject', () => {
    const dir = temporaryDir();
    expect(writeArticle(dir, { ...DRAFT, lines: [] })).toEqual({ ok: false, reason: 'the article would not load: body: no article text below the front matter' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('slugOf', () => {
  it('makes short ASCII file names from any title', () => {
    expect(slugOf('Zelensky’s “Energy Truce” — Day 3')).toBe('zelenskys-energy-truce-day-3');
    expect(slugOf('Переговоры в Эр-Рияде')).toBe('article');
    expect(slugOf('Kyiv and Moscow trade accusations over the Black Sea truce as talks in Riyadh drag into a third day')).toBe(
      'kyiv-and-moscow-trade-accusations-over-the-black-sea-truce',
    );
  });
});
