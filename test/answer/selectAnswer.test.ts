import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectAnswer } from '../../src/answer/selectAnswer';
import { CORPUS_DIR, seedCorpusLibrary } from '../helpers/fixtures';

const engine = seedCorpusLibrary().engine;
const corpusText = engine
  .articles()
  .map((a) => readFileSync(join(CORPUS_DIR, a.file), 'utf8'))
  .join('\n');

/** Questions the seed articles answer, and a phrase the answer must quote. */
const ANSWERABLE: [string, string][] = [
  ['What did Putin say about the 30-day ceasefire?', 'conditional support for the 30-day cease-fire'],
  ['What did Putin say about the 30-day cease-fire?', 'conditional support for the 30-day cease-fire'],
  ['What did Putin demand about Kursk?', 'withdrawal from Kursk'],
  ['What did Zelensky say about sanctions?', 'automatic sanctions'],
  ['What was agreed about the Black Sea?', 'Black Sea Ceasefire Task Force'],
  ['Did Trump and Putin talk about hockey?', 'hockey'],
  ['What did von der Leyen say?', 'steel porcupine'],
  ['How many drones attack Ukraine each night?', 'Around a hundred'],
  ['What happened to Sudzha?', 'recapture of Sudzha'],
  ['What did the White House say about economic deals?', 'enormous economic deals'],
  ['What is the role of Iran?', 'Iran'],
  ['Kiev and the energy truce', 'energy'],
];

/** Questions about things the seed articles never discuss. */
const UNANSWERABLE = [
  'What did Putin say about Messi?',
  'Who won the football world cup?',
  'What is the capital of France?',
  'What is the weather in Paris?',
  'Tell me about Bitcoin',
  'What did Lavrov say?',
  'Did Putin visit Israel?',
  'What did Macron say about the ceasefire?',
  'Who is the best tennis player?',
];

describe('selectAnswer', () => {
  it.each(ANSWERABLE)('answers "%s" with a verbatim quote', (question, expected) => {
    const answer = selectAnswer(engine, question);
    expect(answer.abstained).toBe(false);
    expect(answer.sentences.length).toBeGreaterThanOrEqual(1);
    expect(answer.sentences.length).toBeLessThanOrEqual(3);
    expect(answer.sentences.map((s) => s.sentence.text).join(' ')).toContain(expected);
    for (const { sentence } of answer.sentences) expect(corpusText).toContain(sentence.text);
  });

  it.each(UNANSWERABLE)('abstains on "%s"', (question) => {
    const answer = selectAnswer(engine, question);
    expect(answer.abstained).toBe(true);
    expect(answer.sentences).toEqual([]);
    expect(answer.reason).toBeTruthy();
  });

  it('names the words no article contains', () => {
    expect(selectAnswer(engine, 'What did Putin say about Messi?').notFound).toEqual(['messi']);
  });

  it('offers the closest passages when abstaining, kept apart from the answer', () => {
    const answer = selectAnswer(engine, 'Did Putin visit Israel?');
    expect(answer.related.length).toBeGreaterThan(0);
    expect(answer.related.length).toBeLessThanOrEqual(3);
  });

  it('abstains on a question with nothing to search for', () => {
    expect(selectAnswer(engine, 'What did they say about it?')).toMatchObject({ abstained: true, related: [] });
  });

  it('does not quote two sentences that say the same thing', () => {
    for (const [question] of ANSWERABLE) {
      const texts = selectAnswer(engine, question).sentences.map((s) => s.sentence.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('puts the most relevant sentence first', () => {
    const answer = selectAnswer(engine, 'What did Putin say about the 30-day ceasefire?');
    const coverages = answer.sentences.map((s) => s.coverage);
    expect(coverages[0]).toBe(Math.max(...coverages));
  });
});
