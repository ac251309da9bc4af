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

const personSchema = z.strictObject({
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  role: z.string().trim().min(1).optional(),
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

export const spellingsFileSchema = z.array(spellingRuleSchema);
export const topicsFileSchema = z.array(topicSchema).min(1);
export const partiesFileSchema = z.array(partySchema).min(1);
export const questionWordsFileSchema = z.array(z.string().trim().min(1));

export type SpellingRule = z.infer<typeof spellingRuleSchema>;
export type Party = z.infer<typeof partySchema>;
export type Person = z.infer<typeof personSchema>;
export type Topic = z.infer<typeof topicSchema>;

export interface Vocabulary {
  spellings: SpellingRule[];
  parties: Party[];
  topics: Topic[];
  /** Words dropped from questions only ("say", "tell", …). */
  questionWords: string[];
}

/** The files of a vocabulary folder and the schema each must satisfy. */
export const VOCABULARY_FILES = Object.freeze({
  spellings: { file: 'spellings.yml', schema: spellingsFileSchema },
  parties: { file: 'parties.yml', schema: partiesFileSchema },
  topics: { file: 'topics.yml', schema: topicsFileSchema },
  questionWords: { file: 'question-words.yml', schema: questionWordsFileSchema },
});
