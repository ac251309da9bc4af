import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article';
import { parseArticle } from '../../src/corpus/loader';
import { DEFAULT_ENGINE_OPTIONS, SearchEngine } from '../../src/engine/engine';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { writeSnapshot } from '../../src/engine/snapshot';
import { articleFile, CONFIG_DIR, seedCorpusLibrary, temporaryDir } from '../helpers/fixtures';
import { loadedSnapshot } from '../helpers/snapshotFile';

const vocabulary = loadVocabulary(CONFIG_DIR);
const engine = seedCorpusLibrary().engine;

function article(file: string, body: string, published = '2025-04-01'): Article {
  const result = parseArticle(file, articleFile({ title: file, source: 'Test', published }, body));
  if (!result.ok) throw new Error(result.problem.problems.join('; '));
  return result.article;
}

describe('SearchEngine', () => {
  it('indexes every passage of the seed corpus', () => {
    expect(engine.articleCount).toBe(5);
    expect(engine.passageCount).toBe(seedCorpusLibrary().engine.articles().reduce((n, a) => n + a.passages.length, 0));
  });

  it('ranks the passage that matches most of the question first', () => {
    const [best] = engine.searchPassages('Gerasimov Kursk territory regained', 5);
    expect(best!.passage.sentences.map((s) => s.text).join(' ')).toContain('regained control of 86%');
    expect(best!.matched).toEqual(expect.arrayContaining(['gerasimov', 'kursk']));
  });

  it('expands an actor alias at reduced weight', () => {
    const terms = engine.analyze('What did the Kremlin demand?');
    expect(terms).toContainEqual({ term: 'kremlin', words: ['kremlin'], weight: 1, standsFor: [] });
    expect(terms).toContainEqual({ term: 'russia', words: [], weight: DEFAULT_ENGINE_OPTIONS.aliasWeight, standsFor: ['kremlin'] });
    const whiteHouse = engine.analyze('the White House readout');
    expect(whiteHouse.map((t) => t.term)).toEqual(expect.arrayContaining(['usa', 'washington']));
  });

  it('drops question words and stopwords from questions', () => {
    expect(engine.analyze('What did Putin say about it?').map((t) => t.term)).toEqual(['putin']);
  });

  it('gives a word absent from the corpus the highest rarity', () => {
    expect(engine.documentFrequency('messi')).toBe(0);
    expect(engine.idf('messi')).toBeGreaterThan(engine.idf('kursk'));
    expect(engine.idf('kursk')).toBeGreaterThan(engine.idf('putin'));
  });

  it('ranks articles by their best passage', () => {
    const [best] = engine.searchArticles('hockey matches NHL KHL');
    expect(best!.article.id).toBe('2025-03-19-goodbye-compartmentalization-putin-trump-call');
  });

  it('adds, replaces and removes articles incrementally', () => {
    const small = SearchEngine.build([article('a.md', 'The zebra truce held in Odesa.')], vocabulary);
    expect(small.searchPassages('zebra')).toHaveLength(1);
    small.add(article('b.md', 'A second zebra appeared.'));
    expect(small.searchPassages('zebra')).toHaveLength(2);
    small.add(article('a.md', 'The truce held in Odesa.'));
    expect(small.searchPassages('zebra').map((h) => h.article.id)).toEqual(['b']);
    expect(small.remove('b')).toBe(true);
    expect(small.searchPassages('zebra')).toEqual([]);
    expect(small.articleCount).toBe(1);
  });

  it('restores from its snapshot with identical results', () => {
    const dir = temporaryDir('engine-snapshot', 'test');
    writeSnapshot(join(dir, 'snapshot'), 'fingerprint', [], engine);
    const restored = loadedSnapshot(join(dir, 'snapshot'), 'fingerprint', vocabulary);
    for (const question of ['Putin Kursk withdrawal', 'energy infrastructure strikes', 'Black Sea task force']) {
      const strip = (hits: ReturnType<SearchEngine['searchPassages']>) => hits.map((h) => [h.article.id, h.passage.index, h.score]);
      expect(strip(restored.searchPassages(question))).toEqual(strip(engine.searchPassages(question)));
    }
    expect(restored.articles().map((a) => a.passages)).toEqual(engine.articles().map((a) => a.passages));
  });

  it('finds the same passages across several MiniSearch indexes (shards), before and after a snapshot', () => {
    const sharded = SearchEngine.build(engine.articles(), vocabulary, { ...DEFAULT_ENGINE_OPTIONS, shardSize: 2 });
    const dir = temporaryDir('engine-shards', 'test');
    writeSnapshot(join(dir, 'snapshot'), 'fingerprint', [], sharded);
    const restored = loadedSnapshot(join(dir, 'snapshot'), 'fingerprint', vocabulary);
    const strip = (hits: ReturnType<SearchEngine['searchPassages']>) => hits.map((h) => [h.article.id, h.passage.index, h.score]);
    for (const question of ['Putin Kursk withdrawal', 'energy infrastructure strikes', 'Black Sea task force']) {
      expect(strip(sharded.searchPassages(question))).toEqual(strip(engine.searchPassages(question)));
      expect(strip(restored.searchPassages(question))).toEqual(strip(engine.searchPassages(question)));
    }
    const first = engine.articles()[0]!.id; // built first: in the first, frozen shard
    expect(restored.remove(first)).toBe(true);
    expect(restored.searchPassages('Putin Kursk withdrawal', 50).some((h) => h.article.id === first)).toBe(false);
    restored.add(article('z.md', 'The zebra truce held in Odesa.'));
    expect(restored.searchPassages('zebra').map((h) => h.article.id)).toEqual(['z']);
  });

  it('leaves out, or can keep, MiniSearch’s multiplication by the number of matched terms', () => {
    const coordinated = SearchEngine.build(engine.articles(), vocabulary, { ...DEFAULT_ENGINE_OPTIONS, coordination: true });
    const key = (hit: { article: { id: string }; passage: { index: number } }) => `${hit.article.id}#${hit.passage.index}`;
    const plain = new Map(engine.searchPassages('Putin Kursk', 50).map((h) => [key(h), h]));
    const withCoordination = coordinated.searchPassages('Putin Kursk', 50);
    expect(plain.size).toBe(withCoordination.length);
    for (const hit of withCoordination) {
      const plainHit = plain.get(key(hit))!;
      expect(hit.score).toBeCloseTo(plainHit.score * plainHit.matched.length, 6);
    }
  });

  it('knows the newest publication day, as articles come and go', () => {
    const grown = SearchEngine.build([], vocabulary);
    expect(grown.newestPublished()).toBeNull();
    grown.add(article('a.md', 'Talks went on.', '2025-03-01'));
    grown.add(article('b.md', 'Talks went on again.', '2025-04-02'));
    grown.add(article('c.md', 'Talks went on once more.', '2025-03-15'));
    expect(grown.newestPublished()).toBe('2025-04-02');
    grown.remove('b');
    expect(grown.newestPublished()).toBe('2025-03-15');
    grown.add(article('d.md', 'Talks resumed.', '2025-05-01'));
    expect(grown.newestPublished()).toBe('2025-05-01');
  });
});
