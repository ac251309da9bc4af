import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCorpusFile } from '../../src/corpus/frontMatter';
import { contentHash, DedupeIndex, urlKey } from '../../src/ingest/dedupe';
import { articleFile, CORPUS_DIR, corpusCopy } from '../helpers/fixtures';

describe('urlKey', () => {
  it('ignores scheme, www, fragment, trailing slash, tracking parameters and parameter order', () => {
    const key = urlKey('https://www.news.example/world/talks/?id=7&page=2');
    for (const same of [
      'http://news.example/world/talks?page=2&id=7',
      'https://news.example/world/talks?id=7&page=2&utm_source=rss&utm_medium=feed#comments',
      'https://WWW.NEWS.EXAMPLE/world/talks/?fbclid=abc&id=7&page=2',
    ]) {
      expect(urlKey(same), same).toBe(key);
    }
    expect(urlKey('https://news.example/world/talks?id=8&page=2')).not.toBe(key);
    expect(urlKey('https://news.example/World/talks?id=7&page=2')).not.toBe(key);
  });
});

describe('contentHash', () => {
  it('matches copies that differ only in case, punctuation, spacing, Markdown marks or a title line', () => {
    const body = 'Russia and Ukraine each released 175 prisoners.\n## Mediation\nThe Emirati ministry brokered it.';
    const hash = contentHash(body, 'Prisoner exchange');
    expect(contentHash('Prisoner Exchange.\nrussia and ukraine each released 175 prisoners\nMediation\nThe Emirati  ministry brokered it!', 'Prisoner exchange')).toBe(hash);
    expect(contentHash('Russia and Ukraine each released 176 prisoners.\nMediation\nThe Emirati ministry brokered it.', 'Prisoner exchange')).not.toBe(hash);
  });
});

describe('DedupeIndex', () => {
  it('knows the corpus folder’s articles by URL and by text', () => {
    const dir = corpusCopy({
      'wire.md': articleFile({ title: 'Swap', source: 'Wire', published: '2025-03-28', url: 'https://wire.example/swap' }, 'Both sides released 175 prisoners.'),
      'broken.md': articleFile({ title: 'Broken', source: 'Wire' }, 'No date.'),
    });
    const index = DedupeIndex.ofCorpus(dir);
    expect(index.findUrl('http://www.wire.example/swap/?utm_campaign=x')).toEqual({ by: 'url', file: 'wire.md' });
    expect(index.find({ url: 'https://partner.example/copy', hash: contentHash('Both sides released 175 prisoners', 'Other title') })).toEqual({
      by: 'content',
      file: 'wire.md',
    });
    expect(index.find({ url: 'https://partner.example/other', hash: contentHash('Something else entirely.', 'X') })).toBeNull();
  });

  it('recognises a seed article by its text, under any file name', () => {
    const file = '2025-03-18-trump-putin-call-on-ukraine-ceasefire.md';
    const parsed = parseCorpusFile(readFileSync(join(CORPUS_DIR, file), 'utf8'));
    const body = parsed.ok ? parsed.body : '';
    const hash = contentHash(body.toUpperCase(), 'Trump-Putin Call on Ukraine Ceasefire');
    expect(DedupeIndex.ofCorpus(CORPUS_DIR).find({ url: null, hash })).toEqual({ by: 'content', file });
  });
});
