import { describe, expect, it } from 'vitest';
import { OccasionCues } from '../../src/question/occasions';
import { seedCorpusLibrary } from '../helpers/fixtures';

const library = seedCorpusLibrary();
const cues = new OccasionCues(['next', 'another', 'take effect', 'so far'], library.engine.analyzer);
/** The seed articles end on 20 March 2025. */
const NEWEST = '2025-03-20';

describe('OccasionCues', () => {
  it('finds a word of sequence, as a whole word or phrase, in any case', () => {
    expect(cues.pointElsewhere('What did they agree in their NEXT call?', NEWEST)).toBe(true);
    expect(cues.pointElsewhere('Did Witkoff go to Moscow for another meeting?', NEWEST)).toBe(true);
    expect(cues.pointElsewhere('did the black sea truce ever take effect', NEWEST)).toBe(true);
    expect(cues.pointElsewhere('What did Putin say about the nextgen drones?', NEWEST)).toBe(false);
    expect(cues.pointElsewhere('What did Putin say about the truce?', NEWEST)).toBe(false);
  });

  it('finds a month or year after the newest article, and not one before it', () => {
    expect(cues.pointElsewhere('What happened at the talks in April?', NEWEST)).toBe(true);
    expect(cues.pointElsewhere('How did the May 9 Victory Day ceasefire go?', NEWEST)).toBe(true);
    expect(cues.pointElsewhere('Did they meet in 2026?', NEWEST)).toBe(true);
    expect(cues.pointElsewhere('What happened on the March 18 call?', NEWEST)).toBe(false);
    expect(cues.pointElsewhere('How much land did Ukraine take in Kursk last August?', NEWEST)).toBe(false);
    expect(cues.pointElsewhere('What did Putin say in 2024 about NATO?', NEWEST)).toBe(false);
    // "may" the verb is no month.
    expect(cues.pointElsewhere('Putin may accept the truce, says who?', NEWEST)).toBe(false);
    // An empty corpus has no newest article to be after.
    expect(cues.pointElsewhere('What happened at the talks in April?', null)).toBe(false);
  });

  it("is read into the question, against the corpus's newest article", () => {
    expect(library.answers.read('What did Trump and Putin agree in their next call?').otherOccasion).toBe(true);
    expect(library.answers.read('What happened at the London talks in April?').otherOccasion).toBe(true);
    expect(library.answers.read('What did Trump and Putin agree in their call?').otherOccasion).toBe(false);
  });
});
