import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/engine/analysis';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { CONFIG_DIR } from '../helpers/fixtures';

const analyzer = new Analyzer(loadVocabulary(CONFIG_DIR).spellings);
const sameTerms = (a: string, b: string) => expect(analyzer.terms(a)).toEqual(analyzer.terms(b));

describe('Analyzer', () => {
  it('reads the domain spelling variants as one word', () => {
    sameTerms('cease-fire', 'ceasefire');
    sameTerms('cease fire', 'ceasefire');
    sameTerms('Kiev', 'Kyiv');
    sameTerms('U.S.', 'United States');
    sameTerms('the US', 'America');
    sameTerms('Zelenskyy', 'Zelensky');
  });

  it('does not read the pronoun "us" as the United States', () => {
    expect(analyzer.terms('join us')).not.toEqual(analyzer.terms('join US'));
  });

  it('folds possessives, curly quotes and accents', () => {
    sameTerms('Russia’s', 'Russia');
    sameTerms("NATO's", 'NATO');
    sameTerms('détente', 'detente');
  });

  it('drops stopwords and stems', () => {
    expect(analyzer.terms('The talks were monitored by the observers')).toEqual(['talk', 'monitor', 'observ']);
  });

  it('keeps numbers, which the questions of this domain need (30-day, 86%)', () => {
    expect(analyzer.terms('a 30-day pause')).toEqual(['30', 'dai', 'paus']);
  });
});
