import { describe, expect, it } from 'vitest';
import { Attributor } from '../../src/positions/attribute';
import { seedCorpusLibrary } from '../helpers/fixtures';
import { LABELLED_STATEMENTS } from './labelledStatements';

const library = seedCorpusLibrary();
const attributor = new Attributor(library.vocabulary.parties);

/** Every (sentence, party) pair the attributor credits, against the hand-labelled set. */
function score() {
  const labelled = new Set<string>();
  for (const label of LABELLED_STATEMENTS) {
    const article = library.engine.article(label.article)!;
    const matches = article.passages.flatMap((p) => p.sentences).filter((s) => s.text.startsWith(label.sentence));
    expect(matches, `label "${label.sentence}" must name exactly one sentence`).toHaveLength(1);
    for (const party of label.parties) labelled.add(`${label.article}|${matches[0]!.text}|${party}`);
  }
  const predicted = new Set<string>();
  for (const article of library.engine.articles()) {
    for (const { sentence, attributions } of attributor.attribute(article)) {
      for (const a of attributions) predicted.add(`${article.id}|${sentence.text}|${a.party.id}`);
    }
  }
  const correct = [...predicted].filter((p) => labelled.has(p));
  return {
    precision: correct.length / predicted.size,
    recall: correct.length / labelled.size,
    wrong: [...predicted].filter((p) => !labelled.has(p)),
    missed: [...labelled].filter((l) => !predicted.has(l)),
  };
}

describe('attribution against the labelled seed set', () => {
  const result = score();

  it('credits a party only where the labels do: precision of at least 0.9', () => {
    expect(result.precision, `wrong attributions:\n${result.wrong.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('finds most labelled positions', () => {
    expect(result.recall, `missed:\n${result.missed.join('\n')}`).toBeGreaterThanOrEqual(0.7);
  });

  it('puts the statements in the labelled topics', () => {
    const statements = library.positions.statements(library.engine.articles());
    let [correct, found, labelled] = [0, 0, 0];
    for (const label of LABELLED_STATEMENTS) {
      const statement = statements.find((s) => s.article.id === label.article && s.sentence.text.startsWith(label.sentence));
      if (!statement) continue;
      const topics = statement.topics.map((t) => t.id);
      correct += topics.filter((t) => label.topics.includes(t)).length;
      found += topics.length;
      labelled += label.topics.length;
    }
    expect(correct / found).toBeGreaterThanOrEqual(0.9);
    expect(correct / labelled).toBeGreaterThanOrEqual(0.85);
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
