import { z } from 'zod';

/**
 * The domain vocabulary: data in `config/`, validated here, so that users extend Parley
 * (a new spelling, a new actor in the talks) by editing YAML rather than code.
 */

export const spellingRuleSchema = z.strictObject({
  canonical: z.string().trim().min(1),
  variants: z.array(z.string().trim().min(1)),
  case_sensitive: z.boolean().optional(),
});

/** A date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD. */
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD');

const personSchema = z.strictObject({
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  role: z.string().trim().min(1).optional(),
  /** No longer in office: what they said is never shown as the party's current position. */
  former: z.boolean().default(false),
  /** Their time in office; statements in articles published outside it are not the party's current position. */
  term: z.strictObject({ from: partialDate.optional(), until: partialDate.optional() }).optional(),
});

export const partySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/u, 'must be lowercase letters, digits and dashes'),
  name: z.string().trim().min(1),
  /** Words that stand for the party itself: the country, its capital, its government. */
  names: z.array(z.string().trim().min(1)).min(1),
  people: z.array(personSchema).default([]),
});

export const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/u, 'must be lowercase letters, digits and dashes'),
  name: z.string().trim().min(1),
  /** Other names users may type for the topic. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** Words and phrases that put a sentence in this topic. */
  terms: z.array(z.string().trim().min(1)).min(1),
});

/** Kinds of answer a question can ask for. */
export const ANSWER_TYPES = ['duration', 'number', 'date', 'person', 'place', 'reason', 'comparison', 'conclusion'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const questionFrameSchema = z.strictObject({
  expects: z.enum(ANSWER_TYPES),
  /** Ways of asking for it ("how long", "on what date"), matched as whole words. */
  frames: z.array(z.string().trim().min(1)).min(1),
  /** wink-nlp entity types, or PROPN, that count as such an answer in a sentence. */
  entities: z.array(z.string().regex(/^[A-Z]+$/u, 'an entity type in capitals, such as DATE or PROPN')).default([]),
  /** Words or phrases that count as such an answer in a sentence ("because"). */
  cues: z.array(z.string().trim().min(1)).default([]),
  /** Words of the frame wherever they stand in the question ("last" in "how long did the call last"). */
  drops: z.array(z.string().trim().min(1)).default([]),
  /** Paragraphs of an article that count as such an answer. */
  where: z.array(z.enum(['first', 'last'])).default([]),
  /** A best sentence without such an answer makes the question unlikely to be answered. */
  strict: z.boolean().default(false),
  /** Answered by an explanation, in other words than the question's (why, a comparison): its answers cover less of its words. */
  explained: z.boolean().default(false),
});

/** A group of phrases that mean the same thing here; at least two. */
export const thesaurusGroupSchema = z.array(z.string().trim().min(1)).min(2, { error: 'a group needs at least two phrases' });

export const spellingsFileSchema = z.array(spellingRuleSchema);
export const topicsFileSchema = z.array(topicSchema).min(1);
export const partiesFileSchema = z.array(partySchema).min(1);
export const questionWordsFileSchema = z.array(z.string().trim().min(1));
export const questionFramesFileSchema = z.array(questionFrameSchema);
export const occasionCuesFileSchema = z.array(z.string().trim().min(1));
export const thesaurusFileSchema = z.array(thesaurusGroupSchema);

export type SpellingRule = z.infer<typeof spellingRuleSchema>;
export type Party = z.infer<typeof partySchema>;
export type Person = z.infer<typeof personSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type QuestionFrame = z.infer<typeof questionFrameSchema>;

export interface Vocabulary {
  spellings: SpellingRule[];
  parties: Party[];
  topics: Topic[];
  /** Words and phrases dropped from questions only ("say", "hey", "remind me", …). */
  questionWords: string[];
  /** How questions ask, and what answer each way expects. */
  questionFrames: QuestionFrame[];
  /** Groups of phrases that mean the same thing in the domain. */
  thesaurus: string[][];
  /** Words that point a question at another occasion than one reported ("the next call"). */
  occasionCues: string[];
}

/** The files of a vocabulary folder and the schema each must satisfy. */
export const VOCABULARY_FILES = Object.freeze({
  spellings: { file: 'spellings.yml', schema: spellingsFileSchema },
  parties: { file: 'parties.yml', schema: partiesFileSchema },
  topics: { file: 'topics.yml', schema: topicsFileSchema },
  questionWords: { file: 'question-words.yml', schema: questionWordsFileSchema },
  questionFrames: { file: 'question-frames.yml', schema: questionFramesFileSchema },
  thesaurus: { file: 'thesaurus.yml', schema: thesaurusFileSchema },
  occasionCues: { file: 'occasion-cues.yml', schema: occasionCuesFileSchema },
});
