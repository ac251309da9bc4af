import { utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localArticleFiles, paragraphLines, readLocalArticle } from '../../src/ingest/localFiles';
import { temporaryDir } from '../helpers/fixtures';

function file(name: string, text: string): string {
  const dir = temporaryDir();
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readLocalArticle', () => {
  it('takes a Markdown file with front matter as it is', () => {
    const path = file('a.md', '---\ntitle: "Talks"\nsource: "Reuters"\npublished: 2025-04-02\nurl: https://x.example/a\n---\nFirst paragraph.\nSecond paragraph.\n');
    expect(readLocalArticle(path)).toEqual({
      ok: true,
      draft: {
        frontMatter: { title: 'Talks', source: 'Reuters', published: '2025-04-02', url: 'https://x.example/a' },
        lines: ['First paragraph.', 'Second paragraph.'],
      },
    });
  });

  it('fills in what a plain-text file lacks: title from its first line, source, and an estimated date', () => {
    const path = file('notes.txt', 'Briefing on the energy pause\n\nOfficials said the pause\nwould hold for thirty days.\n\n- one\n- two\n');
    utimesSync(path, new Date('2025-04-03T12:00:00Z'), new Date('2025-04-03T12:00:00Z'));
    expect(readLocalArticle(path)).toEqual({
      ok: true,
      draft: {
        frontMatter: {
          title: 'Briefing on the energy pause',
          source: 'local file',
          published: '2025-04-03',
          published_estimated: true,
          published_basis: 'No publication date in the file; this is the date the file was last modified.',
        },
        lines: ['Officials said the pause would hold for thirty days.', '- one', '- two'],
      },
    });
  });

  it('takes the title from a Markdown heading and strips links and emphasis', () => {
    const path = file('b.md', '---\nsource: "Notes"\npublished: 2025-04-01\n---\n# The **Riyadh** round\n\nSee [the statement](https://x.example/s) and ![photo](p.jpg) the **text**.\n');
    expect(readLocalArticle(path)).toMatchObject({ ok: true, draft: { frontMatter: { title: 'The Riyadh round' }, lines: ['See the statement and the text.'] } });
  });

  it('reports invalid front matter and empty files with the reason', () => {
    expect(readLocalArticle(file('c.md', '---\ntitle: [unclosed\n---\nText.\n'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^front matter: invalid YAML/u) as string });
    expect(readLocalArticle(file('d.md', '---\npublished: someday\n---\nTitle line\nText.\n'))).toEqual({
      ok: false,
      reason: 'published: must be an ISO date (YYYY-MM-DD)',
    });
    expect(readLocalArticle(file('e.md', '---\ncolour: red\npublished: 2025-01-01\n---\nTitle\nText.\n'))).toEqual({ ok: false, reason: 'colour: unknown field' });
    expect(readLocalArticle(file('f.txt', 'Only a title\n'))).toEqual({ ok: false, reason: 'no article text' });
  });
});

describe('paragraphLines', () => {
  it('keeps one-paragraph-a-line text as it is, and joins wrapped Markdown paragraphs', () => {
    expect(paragraphLines('One.\nTwo.\n')).toEqual(['One.', 'Two.']);
    expect(paragraphLines('\n\nOne\ncontinued.\n\n## Head\nTwo.\n\n> Quoted\n> on.\n1. First\n   item.\n')).toEqual([
      'One continued.',
      '## Head',
      'Two.',
      'Quoted on.',
      '1. First item.',
    ]);
  });
});

describe('localArticleFiles', () => {
  it('lists Markdown and text files in a folder, skipping hidden files and READMEs', () => {
    const dir = temporaryDir();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.git'));
    for (const name of ['a.md', 'b.txt', 'c.html', '.hidden.md', 'README.md', 'sub/d.markdown', '.git/e.md']) writeFileSync(join(dir, name), 'x');
    expect(localArticleFiles(dir)).toEqual([join(dir, 'a.md'), join(dir, 'b.txt'), join(dir, 'sub/d.markdown')]);
  });
});
