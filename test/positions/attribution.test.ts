import { describe, expect, it } from 'vitest';
import { Attributor } from '../../src/positions/attribute';
import { seedCorpusLibrary } from '../helpers/fixtures';
import { LABELLED_STATEMENTS, WRITTEN_ARTICLES } from '../../bench/attribution/labelledStatements';
import { scoreAttribution } from '../../bench/attribution/scoreAttribution';

const library = seedCorpusLibrary();
const attributor = new Attributor(library.vocabulary.parties);

describe('attribution against the labelled set', () => {
  const { all, heldOut } = scoreAttribution(library, LABELLED_STATEMENTS, WRITTEN_ARTICLES);

  it('holds at least 200 judgements, a third of them held out', () => {
    expect(all.judgements).toBeGreaterThanOrEqual(200);
    expect(heldOut.judgements).toBe(Math.floor(all.judgements / 3));
  });

  it('credits a party, and names its speaker, only where the labels do', () => {
    expect(all.party.precision, `wrong attributions:\n${all.wrong.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(all.speaker.precision, `wrong speakers:\n${all.wrongSpeaker.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('finds most labelled positions', () => {
    expect(all.party.recall, `missed:\n${all.missed.join('\n')}`).toBeGreaterThanOrEqual(0.7);
    expect(all.speaker.recall).toBeGreaterThanOrEqual(0.65);
  });

  it('puts the statements in the labelled topics', () => {
    expect(all.topic.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.topic.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe('Attributor', () => {
  const sentence = (text: string) => {
    const article = { ...library.engine.articles()[0]!, passages: [{ articleId: 'x', index: 0, heading: null, sentences: [{ text, listItem: false }] }] };
    return attributor.attribute(article).flatMap((s) => s.attributions.map((a) => `${a.party.id}:${a.speaker}`));
  };

  it('credits the party that insists, not the one mentioned', () => {
    expect(sentence('Kyiv insists on a full Russian withdrawal.')).toEqual(['ukraine:Kyiv']);
    expect(sentence('Putin demanded that Ukraine be prevented from receiving arms.')).toEqual(['russia:Putin']);
  });

  it('keeps the author’s analysis and speculation out', () => {
    expect(sentence('However, in reality, Putin holds a weaker hand.')).toEqual([]);
    expect(sentence('Putin may interpret the request for a ceasefire as a sign of American fatigue.')).toEqual([]);
    expect(sentence('Putin probably won’t agree to talks until Ukrainian forces withdraw.')).toEqual([]);
  });

  it('reads reported speech, quotes attributed after them, and "according to"', () => {
    expect(sentence('“The idea itself is the right one,” Putin said.')).toEqual(['russia:Putin']);
    expect(sentence('The open questions, Putin said, also include arms.')).toEqual(['russia:Putin']);
    expect(sentence('Talks will resume next week, according to the Kremlin.')).toEqual(['russia:the Kremlin']);
  });

  it('names the body behind a statement', () => {
    expect(sentence('The White House summary of the call emphasized improved relations.')).toEqual(['united-states:the White House']);
    expect(sentence('Russian negotiators rejected the formula.')).toEqual(['russia:Russian negotiators']);
    expect(sentence('Russian aggression has changed the security situation.')).toEqual([]);
  });
});
