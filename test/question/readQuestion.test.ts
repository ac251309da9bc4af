import { describe, expect, it } from 'vitest';
import { seedCorpusLibrary } from '../helpers/fixtures';

const read = (question: string) => seedCorpusLibrary().answers.read(question);
const termsOf = (question: string) => read(question).terms.map((t) => t.term);

describe('QuestionReader', () => {
  it('drops chat filler, interjections and the frame of the question', () => {
    expect(termsOf('hey how long were they on the phone for')).toEqual(['phone']);
    expect(termsOf('lol ok so what did the kremlin actually say')).toEqual(['kremlin']);
    expect(termsOf('How do the articles differ on the hockey matches?')).toEqual(['hockei', 'match']);
    expect(termsOf('How long did the call last?')).toEqual(['call']);
  });

  it('turns the frame into the kind of answer expected', () => {
    expect(read('hey how long were they on the phone for').expects).toBe('duration');
    expect(read('On what date did Putin give his press conference?').expects).toBe('date');
    expect(read('How many drones attack each night?').expects).toBe('number');
    expect(read('Who called Ukraine a steel porcupine?').expects).toBe('person');
    expect(read('Why would a Black Sea ceasefire help Russia more than Ukraine?').expects).toBe('reason');
    expect(read('What did Putin say about Kursk?').expects).toBeNull();
  });

  it('holds a missing name, place or number against the question, not a missing everyday word', () => {
    const specificity = (question: string, word: string) => read(question).terms.find((t) => t.words.includes(word))?.specificity;
    expect(specificity('What did Meloni say about the Black Sea?', 'Meloni')).toBe(1);
    expect(specificity('Were there talks in Geneva?', 'Geneva')).toBe(1);
    expect(specificity('what did meloni say', 'meloni')).toBe(1);
    expect(specificity('Is Europe going to send troops?', 'send')).toBe(0);
    expect(specificity('Did Russia agree to a truce on power plants?', 'plants')).toBe(0);
    expect(read('What did Meloni say about the Black Sea?').unknown.map((t) => t.words)).toEqual([['Meloni']]);
  });

  it('reads typos as the corpus words they are near, but not a name as a common word', () => {
    expect(read('what did the kremlim say').corrections).toEqual([{ typed: 'kremlim', read: 'kremlin' }]);
    expect(read('Was there a ceasfire?').corrections).toEqual([{ typed: 'ceasfire', read: 'ceasefire' }]);
    expect(read('What did Orban say?').corrections).toEqual([]);
    expect(read('Is Europe going to send troops?').corrections).toEqual([]);
  });

  it('reads a typo as the word meant in every way the word counts: its synonyms, the frame', () => {
    const typed = read('What did Putin say when he first resonded to the truce proposal?').terms.find((t) => t.words.includes('resonded'));
    const spelt = read('What did Putin say when he first responded to the truce proposal?').terms.find((t) => t.words.includes('responded'));
    expect(typed?.forms.filter((f) => f.via === 'wordnet').map((f) => f.terms)).toEqual(spelt?.forms.filter((f) => f.via === 'wordnet').map((f) => f.terms));
    expect(read('how lnog did the call last').expects).toBe('duration');
  });

  it('reads a misspelt function word as that word, never as an unknown name', () => {
    for (const question of ['Whih town in the Kursk region did Russia recapture?', 'Why migth the Kremlin turn down a limited ceasefire?', 'What did the Kremlin confirm avfter the call?']) {
      expect(read(question).unknown, question).toEqual([]);
      expect(read(question).absent, question).toEqual([]);
    }
  });

  it('reads a capitalised typo as a common corpus word only where it makes a phrase of the corpus', () => {
    expect(read('What was agreed regarding the Blakc Sea?').corrections).toEqual([{ typed: 'Blakc', read: 'black' }]);
    expect(read('What did Trump post on Truth Socail?').corrections).toEqual([{ typed: 'Socail', read: 'social' }]);
    expect(read('What did Meloni say?').unknown.map((t) => t.words)).toEqual([['Meloni']]);
  });

  it('prefers, of corpus words as near as each other, the rarer in English', () => {
    expect(read('how long did the trump–putn call last').corrections).toEqual([{ typed: 'putn', read: 'putin' }]);
  });

  it('reads past mentions, which are no subject, whatever the platform writes them as', () => {
    for (const question of ['@everyone <@1300000000000000042> what did Putin say about Kursk?', '<!channel> <@U0BOSS> what did Putin say about Kursk?', '<#C0NEWS|news> @someone what did Putin say about Kursk?']) {
      expect(termsOf(question), question).toEqual(['putin', 'kursk']);
    }
  });

  it('drops what a message opens with before its question, unless it names something', () => {
    expect(termsOf('omg what did putin say about kursk')).toEqual(['putin', 'kursk']);
    expect(termsOf('sorry but how long was the call')).toEqual(['call']);
    expect(read('sorry but how long was the call').expects).toBe('duration');
    expect(termsOf('kursk: what happened there')).toContain('kursk');
    expect(read('meloni what did she say about kursk').unknown.map((t) => t.words)).toEqual([['meloni']]);
  });

  it('drops chat shorthand a message closes with, not an acronym it asks about', () => {
    expect(read('what did trump say about the black sea fr').absent).toEqual([]);
    expect(read('did zelensky respond to the energy pause smh').absent).toEqual([]);
    expect(read('did trump talk to the fbi').unknown.map((t) => t.words)).toEqual([['fbi']]);
  });

  it('keeps words in quotation marks, which are what the question asks about, even when they are filler elsewhere', () => {
    expect(read("hey, how do you say 'thank you' in Ukrainian?").absent).toEqual(['thank']);
    expect(read('what does “going on” mean here').terms.map((t) => t.term)).toContain('go');
    // A lone apostrophe quotes nothing: the filler after it is still dropped.
    expect(read("what's Ukraine's take lol, thanks").absent).toEqual([]);
  });

  it('drops interjections the tagger misses and chat shorthand', () => {
    for (const question of ['um why does putin insist on ukraine leaving kursk', 'yo how did zelensky respond to the energy pause idk', 'what did leavitt say about iran tho', 'hi parley what was agreed on the black sea']) {
      expect(read(question).absent, question).toEqual([]);
    }
  });

  it('adds other wordings: aliases, the domain thesaurus and WordNet, each below the question’s own words', () => {
    const forms = (question: string, word: string) => read(question).terms.find((t) => t.words.includes(word))!.forms;
    expect(forms('What did the Kremlin say?', 'kremlin')).toContainEqual(expect.objectContaining({ terms: ['russia'], via: 'alias' }));
    expect(forms('Did Russia agree to a truce on power plants?', 'plants')).toContainEqual(expect.objectContaining({ terms: ['energi', 'infrastructur'], via: 'thesaurus' }));
    expect(forms('Did Russia agree to a truce on power plants?', 'truce')).toContainEqual(expect.objectContaining({ terms: ['ceasefir'] }));
    for (const asked of read('Did Russia agree to a truce on power plants?').terms) {
      for (const form of asked.forms) if (form.via !== 'asked') expect(form.credit).toBeLessThan(1);
    }
  });

  it('weighs everyday words below rare ones', () => {
    const importance = (question: string, term: string) => read(question).terms.find((t) => t.term === term)!.importance;
    expect(importance('How long did the call last before the Sudzha recapture?', 'sudzha')).toBeGreaterThan(importance('How long did the call last before the Sudzha recapture?', 'call'));
  });
});
