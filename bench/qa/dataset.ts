import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Article } from '../../src/corpus/article';
import { Analyzer } from '../../src/engine/analysis';
import type { Vocabulary } from '../../src/vocabulary/vocabulary';

/** Kinds of question the corpus answers, as users ask them. */
export const ANSWERABLE_KINDS = ['paraphrase', 'chat', 'typo', 'fact', 'who-said', 'why-how', 'comparison', 'argument'] as const;
/** Kinds of question the corpus cannot answer, mostly near its domain. */
export const UNANSWERABLE_KINDS = ['absent-person', 'later-event', 'missing-fact', 'off-topic'] as const;
export const QUESTION_KINDS = [...ANSWERABLE_KINDS, ...UNANSWERABLE_KINDS] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The smallest number of questions of a kind, or of all answerable or unanswerable ones, that the set must hold. */
export const MINIMUM_COUNTS = { answerable: 200, unanswerable: 60, paraphrase: 40, chat: 25, typo: 25 } as const;

const acceptedAnswerSchema = z.strictObject({
  /** The article's id: its corpus file name without `.md`. */
  article: z.string().min(1),
  /** One sentence of it, exactly as Parley splits the article into sentences. */
  text: z.string().min(1),
});

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/u, 'lowercase letters, digits and dashes'),
  kind: z.enum(QUESTION_KINDS),
  question: z.string().trim().min(3).max(300),
  /** Any one of these sentences answers the question; none for a question the corpus cannot answer. */
  answers: z.array(acceptedAnswerSchema).default([]),
});

export type AcceptedAnswer = z.infer<typeof acceptedAnswerSchema>;
export interface LabelledQuestion extends z.infer<typeof questionSchema> {
  /** The file it came from, for messages. */
  file: string;
  /** Held out from tuning: every third question of each kind, in file order. */
  heldOut: boolean;
}

export const isAnswerable = (kind: QuestionKind): boolean => (ANSWERABLE_KINDS as readonly string[]).includes(kind);

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** Reads every `*.yml` file of the folder: a list of questions each. */
export function readQuestions(dir: string): LabelledQuestion[] {
  const questions: LabelledQuestion[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.yml')).sort()) {
    const parsed = z.array(questionSchema).safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DatasetError(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    for (const question of parsed.data) questions.push({ ...question, file, heldOut: false });
  }
  const seen = new Map<string, number>();
  for (const question of questions) {
    const index = seen.get(question.kind) ?? 0;
    question.heldOut = index % 3 === 2;
    seen.set(question.kind, index + 1);
  }
  return questions;
}

/**
 * What is wrong with the set, in words: duplicate ids, answers that are not sentences of
 * their article, answerable questions without an answer (and the reverse), paraphrases that
 * share a content word with their answer, and kinds below their minimum count.
 */
export function datasetProblems(questions: readonly LabelledQuestion[], articles: readonly Article[], vocabulary: Vocabulary): string[] {
  const problems: string[] = [];
  const sentences = new Map(articles.map((a) => [a.id, new Set(a.passages.flatMap((p) => p.sentences.map((s) => s.text)))]));
  const analyzer = new Analyzer(vocabulary.spellings);
  const questionWords = new Set(vocabulary.questionWords.map((w) => analyzer.terms(w)).filter((terms) => terms.length === 1).flat());
  const contentTerms = (text: string): Set<string> => new Set(analyzer.terms(text).filter((t) => !questionWords.has(t)));
  const ids = new Set<string>();
  for (const q of questions) {
    const where = `${q.file} ${q.id}`;
    if (ids.has(q.id)) problems.push(`${where}: duplicate id`);
    ids.add(q.id);
    if (isAnswerable(q.kind) && q.answers.length === 0) problems.push(`${where}: an answerable question needs at least one answer`);
    if (!isAnswerable(q.kind) && q.answers.length > 0) problems.push(`${where}: a ${q.kind} question has no answer in the corpus`);
    for (const answer of q.answers) {
      const own = sentences.get(answer.article);
      if (!own) problems.push(`${where}: no article ${answer.article}`);
      else if (!own.has(answer.text)) problems.push(`${where}: not a sentence of ${answer.article}: ${answer.text.slice(0, 80)}`);
    }
    if (q.kind === 'paraphrase') {
      const asked = contentTerms(q.question);
      const shared = q.answers.flatMap((a) => [...contentTerms(a.text)].filter((t) => asked.has(t)));
      if (shared.length > 0) problems.push(`${where}: a paraphrase shares content words with its answer: ${[...new Set(shared)].join(', ')}`);
    }
  }
  const count = (test: (q: LabelledQuestion) => boolean): number => questions.filter(test).length;
  const minimums: [string, number, number][] = [
    ['answerable', count((q) => isAnswerable(q.kind)), MINIMUM_COUNTS.answerable],
    ['unanswerable', count((q) => !isAnswerable(q.kind)), MINIMUM_COUNTS.unanswerable],
    ['paraphrase', count((q) => q.kind === 'paraphrase'), MINIMUM_COUNTS.paraphrase],
    ['chat', count((q) => q.kind === 'chat'), MINIMUM_COUNTS.chat],
    ['typo', count((q) => q.kind === 'typo'), MINIMUM_COUNTS.typo],
  ];
  for (const [name, have, need] of minimums) if (have < need) problems.push(`${name}: ${have} questions, at least ${need} needed`);
  return problems;
}
