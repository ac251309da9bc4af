import { join } from 'node:path';
import { CorpusGenerator, writeCorpus } from '../../bench/scale/generateCorpus';
import { loadCorpus } from '../../src/corpus/loader';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { CONFIG_DIR, CORPUS_DIR, temporaryDir, type Lifetime } from './fixtures';

/**
 * A corpus folder of `count` articles generated from the seed corpus, as the benchmark makes
 * them: for tests that need more work than five articles give (a warm-up that takes a while).
 */
export function generatedCorpus(count: number, lifetime: Lifetime = 'file'): string {
  const dir = join(temporaryDir('parley-generated-', lifetime), 'corpus');
  writeCorpus(dir, new CorpusGenerator(loadCorpus(CORPUS_DIR).articles, loadVocabulary(CONFIG_DIR)), count);
  return dir;
}
