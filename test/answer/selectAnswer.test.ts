import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteBalance } from '../../src/answer/quoteUnits';
import { DEFAULT_ANSWER_OPTIONS } from '../../src/answer/selectAnswer';
import { CORPUS_DIR, seedCorpusLibrary } from '../helpers/fixtures';

const library = seedCorpusLibrary();
const answers = library.answers;
const corpusText = library.engine
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
  // The questions of issue 12, which Parley used to refuse.
  ['Did Russia agree to a truce on power plants?', 'Russia agreed to halt attacks on Ukrainian infrastructure and energy targets'],
  ['Is Europe going to send troops?', 'Europe'],
  ['What is the porcupine strategy?', 'steel porcupine'],
  ['hey how long were they on the phone for', 'talked for 2.5 hours on the phone'],
  ['what did the kremlim say', 'Kremlin'],
  ['On what date did Putin hold his press conference?', 'At a March 13 press conference'],
  ['How do the articles differ on the hockey matches?', 'hockey matches'],
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
  'What did Meloni say about the Black Sea?',
  'What did Orbán say about the ceasefire?',
  'Were there talks in Geneva?',
  'What about the Minsk agreements?',
  // Events after the articles, in the articles' own words but for another occasion.
  'What did Trump and Putin agree in their next call?',
  'What happened at the energy talks in April?',
];

describe('AnswerSelector', () => {
  it('says when a question in the articles\' own words seems to be about another occasion', () => {
    const answer = answers.select('Did the Black Sea ceasefire finally take effect?');
    expect(answer.abstained).toBe(true);
    expect(answer.reason).toContain('another occasion than the articles report; the newest is from 2025-03-20');
    expect(answers.select('What did Meloni say about the Black Sea?').reason).not.toContain('another occasion');
  });

  it.each(ANSWERABLE)('answers "%s" with verbatim quotes', (question, expected) => {
    const answer = answers.select(question);
    expect(answer.abstained).toBe(false);
    expect(answer.sentences.length).toBeGreaterThanOrEqual(1);
    expect(answer.sentences.length).toBeLessThanOrEqual(DEFAULT_ANSWER_OPTIONS.maxSentences);
    expect(answer.sentences.map((s) => s.text).join(' ')).toContain(expected);
    for (const quoted of answer.sentences) expect(corpusText).toContain(quoted.text);
  });

  it.each(UNANSWERABLE)('abstains on "%s"', (question) => {
    const answer = answers.select(question);
    expect(answer.abstained).toBe(true);
    expect(answer.sentences).toEqual([]);
    expect(answer.reason).toBeTruthy();
  });

  it('names the names no article contains, as the question writes them', () => {
    expect(answers.select('What did Putin say about Messi?')).toMatchObject({ notFound: ['Messi'], reason: 'No article in the corpus mentions “Messi”.' });
  });

  it('tells a question asking for an explanation from one asking for a fact, by the frames marked `explained`', () => {
    expect(answers.select('Why are European allies nervous about Washington talking directly to Moscow?').signals?.explained).toBe(true);
    expect(answers.select('How do Russia\'s and Ukraine\'s end goals for the war differ?').signals?.explained).toBe(true);
    expect(answers.select('How long did the call last?').signals?.explained).toBe(false);
    expect(answers.select('What did Putin say about the root causes of the war?').signals?.explained).toBe(false);
  });

  it('does not refuse over an everyday word that no article uses', () => {
    const answer = answers.select('Is Europe going to send troops?');
    expect(answer).toMatchObject({ abstained: false, notFound: ['send'] });
  });

  it('reads a typo as the corpus word it is near, and says so', () => {
    expect(answers.select('what did the kremlim say').corrections).toEqual([{ typed: 'kremlim', read: 'kremlin' }]);
    expect(answers.select('What did Zelenksy post on X?').corrections).toEqual([{ typed: 'Zelenksy', read: 'zelensky' }]);
  });

  it('quotes a sentence that continues the one before it together with that one', () => {
    const answer = answers.select('Which plans have fallen through, according to Gerasimov?');
    const quote = answer.sentences.find((s) => s.text.includes('These plans have fallen through.'));
    expect(quote?.text).toMatch(/^“The Kyiv regime planned to create a so-called strategic foothold.*These plans have fallen through\.”$/u);
    expect(quote?.sentences).toHaveLength(2);
  });

  it('never ends or starts a quote inside a quotation', () => {
    const questions = [...ANSWERABLE.map(([q]) => q), 'What did Zelensky post on X?', 'What did Putin say about the idea of a ceasefire?'];
    for (const question of questions) {
      for (const quoted of answers.select(question).sentences) expect(quoteBalance(quoted.text), quoted.text).toBe(0);
    }
  });

  it('offers the closest passages when abstaining, kept apart from the answer', () => {
    const answer = answers.select('Did Putin visit Israel?');
    expect(answer.related.length).toBeGreaterThan(0);
    expect(answer.related.length).toBeLessThanOrEqual(DEFAULT_ANSWER_OPTIONS.relatedPassages);
  });

  it('abstains on a question with nothing to search for', () => {
    expect(answers.select('What did they say about it?')).toMatchObject({ abstained: true, related: [], answerability: 0 });
  });

  it('does not quote the same sentence twice', () => {
    for (const [question] of ANSWERABLE) {
      const texts = answers.select(question).sentences.flatMap((s) => s.sentences.map((sentence) => sentence.text));
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('scores answerability higher for what the corpus answers than for what it does not', () => {
    const answerable = ANSWERABLE.map(([q]) => answers.select(q, { ...DEFAULT_ANSWER_OPTIONS, minAnswerability: -Infinity }).answerability);
    const unanswerable = UNANSWERABLE.map((q) => answers.select(q, { ...DEFAULT_ANSWER_OPTIONS, minAnswerability: -Infinity }).answerability);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(answerable)).toBeGreaterThan(mean(unanswerable) + 0.3);
  });

  it('never abstains when asked not to, so that benchmarks can apply any threshold', () => {
    const answer = answers.select('Did Putin visit Israel?', { ...DEFAULT_ANSWER_OPTIONS, minAnswerability: -Infinity });
    expect(answer.abstained).toBe(false);
    expect(answer.sentences.length).toBeGreaterThan(0);
  });
});
