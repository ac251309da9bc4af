import { loadCorpus } from '../../src/corpus/loader';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { CONFIG_DIR, SEED_CORPUS_DIR } from '../common/paths';
import { datasetProblems, readQuestions } from './dataset';
import { join } from 'node:path';

/** `npx tsx bench/qa/check.ts`: lists what is wrong with the labelled questions, if anything. */
const questions = readQuestions(join(import.meta.dirname, 'questions'));
const problems = datasetProblems(questions, loadCorpus(SEED_CORPUS_DIR).articles, loadVocabulary(CONFIG_DIR));
const byKind = new Map<string, number>();
for (const q of questions) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
process.stdout.write(`${questions.length} questions: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
for (const problem of problems) process.stdout.write(`- ${problem}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
