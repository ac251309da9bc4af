import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { VOCABULARY_FILES, type Vocabulary } from './vocabulary';

export class VocabularyError extends Error {
  override name = 'VocabularyError';
}

/**
 * Reads `config/*.yml`. Unlike a broken article, a broken vocabulary file stops start-up:
 * running without the party names would silently give worse answers.
 */
export function loadVocabulary(dir: string): Vocabulary {
  return {
    spellings: readVocabularyFile(dir, VOCABULARY_FILES.spellings),
    parties: readVocabularyFile(dir, VOCABULARY_FILES.parties),
    topics: readVocabularyFile(dir, VOCABULARY_FILES.topics),
    questionWords: readVocabularyFile(dir, VOCABULARY_FILES.questionWords),
    questionFrames: readVocabularyFile(dir, VOCABULARY_FILES.questionFrames),
    thesaurus: readVocabularyFile(dir, VOCABULARY_FILES.thesaurus),
    occasionCues: readVocabularyFile(dir, VOCABULARY_FILES.occasionCues),
  };
}

function readVocabularyFile<S extends z.ZodType>(dir: string, spec: { file: string; schema: S }): z.output<S> {
  const path = join(dir, spec.file);
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new VocabularyError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VocabularyError(`${path}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data;
}
