import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/loader';
import { SearchEngine } from '../../src/engine/engine';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { articleFile, CONFIG_DIR } from '../helpers/fixtures';

const article = (text: string) => {
  const parsed = parseArticle('zebras.md', articleFile({ title: 'Zebras', source: 'Test Wire', published: '2025-04-01' }, text));
  if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
  return parsed.article;
};

describe('decoded article bodies', () => {
  it('never give a replaced article the text of the version it replaced, whoever reads that old version later', () => {
    // Background work (the warm-up, saving the insights snapshot) may still hold an article's
    // old version when live reload replaces it, and read its text after the replacement.
    const engine = SearchEngine.build([article('Zebras crossed the Dnipro.')], loadVocabulary(CONFIG_DIR));
    const old = engine.article('zebras')!;
    engine.add(article('Giraffes crossed the Dnipro.'));
    expect(old.passages[0]!.sentences[0]!.text).toBe('Zebras crossed the Dnipro.');
    expect(engine.article('zebras')!.passages[0]!.sentences[0]!.text).toBe('Giraffes crossed the Dnipro.');
  });

  it('keep the current version decoded once the old one has been read', () => {
    const engine = SearchEngine.build([article('Zebras crossed the Dnipro.')], loadVocabulary(CONFIG_DIR));
    const old = engine.article('zebras')!;
    engine.add(article('Giraffes crossed the Dnipro.'));
    void old.passages;
    const current = engine.article('zebras')!;
    expect(current.passages).toBe(current.passages);
  });
});
