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
    expect(all.party.precision, `wrong attributions:\n${all.wrong.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    expect(all.speaker.precision, `wrong speakers:\n${all.wrongSpeaker.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('finds most labelled positions', () => {
    expect(all.party.recall, `missed:\n${all.missed.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(all.speaker.recall).toBeGreaterThanOrEqual(0.9);
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

  /** The attributions of the last sentence of an article of one passage per entry, each under its heading. */
  const lastOf = (...passages: { heading?: string; sentences: string[] }[]) => {
    const article = {
      ...library.engine.articles()[0]!,
      passages: passages.map((p, index) => ({ articleId: 'x', index, heading: p.heading ?? null, sentences: p.sentences.map((text) => ({ text, listItem: false })) })),
    };
    const last = article.passages.at(-1)!.sentences.at(-1)!;
    return (attributor.attribute(article).find((s) => s.sentence === last)?.attributions ?? []).map((a) => `${a.party.id}:${a.speaker}`).sort();
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

  it('reads a possessive stance noun before “that” or an infinitive', () => {
    expect(sentence('Kyiv’s refusal to cede territory has frustrated Washington.')).toEqual(['ukraine:Kyiv']);
    expect(sentence('Russia’s threat to Europe has grown.')).toEqual([]);
  });

  it('names the body behind a statement', () => {
    expect(sentence('The White House summary of the call emphasized improved relations.')).toEqual(['united-states:the White House']);
    expect(sentence('Russian negotiators rejected the formula.')).toEqual(['russia:Russian negotiators']);
    expect(sentence('Russian aggression has changed the security situation.')).toEqual([]);
  });

  it('does not take the subject of a reported clause after “…, said” for a speaker', () => {
    expect(sentence('Zelensky, however, said Ukraine would not accept.')).toEqual(['ukraine:Zelensky']);
    expect(sentence('Kyiv, which accepted the truce last week, said Russia was stalling.')).toEqual(['ukraine:Kyiv']);
    expect(sentence('“We have nothing to add,” said Kremlin spokesman Dmitry Peskov.')).toEqual(['russia:Peskov']);
    expect(sentence('The officials, however, said Moscow was in no hurry.')).toEqual([]);
  });

  it('names a ministry or office as its speaker', () => {
    expect(sentence('The Russian foreign ministry said the proposal was unacceptable.')).toEqual(['russia:the Russian foreign ministry']);
    // A defence ministry reports the fighting, as a general does: no position.
    expect(sentence('The Russian defence ministry said its forces had taken two villages.')).toEqual([]);
    expect(sentence('According to the Ukrainian foreign ministry, Kyiv will attend the talks.')).toEqual(['ukraine:the Ukrainian foreign ministry']);
    expect(sentence('Zelensky’s office said the meeting would take place in Riyadh.')).toEqual(['ukraine:Zelensky']);
  });

  it('names the person a title between commas introduces', () => {
    expect(sentence('Ukraine’s foreign minister, Andrii Sybiha, said the talks were constructive.')).toEqual(['ukraine:Sybiha']);
    expect(sentence('Peskov, the Kremlin spokesman, said the talks would continue.')).toEqual(['russia:Peskov']);
  });

  it('credits the agent of a passive stance verb', () => {
    expect(sentence('The proposal was rejected by Kyiv.')).toEqual(['ukraine:Kyiv']);
    expect(sentence('The offer has been dismissed by Moscow as a provocation.')).toEqual(['russia:Moscow']);
    expect(sentence('The village was captured by Russian forces.')).toEqual([]);
  });

  it('reads a stance verb after an adverb, in the progressive, and as a phrase', () => {
    expect(sentence('Trump later said that the call had been very good.')).toEqual(['united-states:Trump']);
    expect(sentence('Moscow has long insisted that Ukraine must abandon its NATO ambitions.')).toEqual(['russia:Moscow']);
    expect(sentence('Putin is demanding that Ukraine withdraw from four regions.')).toEqual(['russia:Putin']);
    expect(sentence('Zelensky replied that the terms were unacceptable.')).toEqual(['ukraine:Zelensky']);
    expect(sentence('Putin has made clear that he will not accept a ceasefire without conditions.')).toEqual(['russia:Putin']);
    expect(sentence('Putin laid out his conditions for a ceasefire.')).toEqual(['russia:Putin']);
    expect(sentence('Peskov did not rule out a meeting between Putin and Trump.')).toEqual(['russia:Peskov']);
    expect(sentence('Peskov was quoted as saying the talks had failed.')).toEqual(['russia:Peskov']);
    expect(sentence('State media quoted Peskov as saying the talks had failed.')).toEqual(['russia:Peskov']);
    expect(sentence('The Kremlin later attacked a refinery.')).toEqual([]);
    expect(sentence('Russia continues to batter Kharkiv; Ukraine responds by hitting Tuapse.')).toEqual([]);
  });

  it('names the first of speakers joined by “and”', () => {
    expect(sentence('Macron and Starmer said Europe would send troops.')).toEqual(['europe:Macron']);
    expect(sentence('Zelensky and Putin both said they wanted peace.')).toEqual(['ukraine:Zelensky', 'russia:Putin']);
  });

  it('credits the subject of a relative clause that states a stance', () => {
    expect(sentence('The Kremlin said Ukraine had attacked a gas station, a charge Kyiv denied.')).toEqual(['russia:the Kremlin', 'ukraine:Kyiv']);
    expect(sentence('Putin rejected the truce Ukraine has already accepted.')).toEqual(['russia:Putin', 'ukraine:Ukraine']);
    expect(sentence('Putin demanded that Ukraine accept the terms.')).toEqual(['russia:Putin']);
  });

  it('reads a denied counterfactual as the stance it implies', () => {
    expect(sentence('If they had, then Putin wouldn’t have demanded a withdrawal from Kursk.')).toEqual(['russia:Putin']);
    expect(sentence('Putin would have demanded more.')).toEqual([]);
  });

  it('reads “both sides” as the two parties last named together', () => {
    expect(lastOf({ heading: 'Key Outcomes of the Trump-Putin Call', sentences: ['The call ended.'] }, { sentences: ['Both sides agreed to form a task force.'] })).toEqual([
      'russia:Both sides',
      'united-states:Both sides',
    ]);
    expect(lastOf({ sentences: ['Talks between Kyiv and Moscow resumed in Istanbul.', 'The two sides agreed to exchange prisoners.'] })).toEqual([
      'russia:The two sides',
      'ukraine:The two sides',
    ]);
    expect(lastOf({ sentences: ['Putin spoke in Moscow.', 'Both sides agreed to exchange prisoners.'] })).toEqual([]);
  });

  it('resolves “his” to the one person who is the subject of the sentence before', () => {
    expect(
      lastOf({ sentences: ['Following a tense call with Putin, Trump emerged as the linchpin of peace.', 'His team secured what they describe as a limited agreement.'] }),
    ).toEqual(['united-states:Trump']);
  });

  it('reads “the president” as the president the article last named', () => {
    const claim = 'The president has repeatedly claimed that the war would never have started under his watch.';
    expect(lastOf({ sentences: ['Trump spoke to reporters on Thursday.', 'Rubio was in Riyadh.', claim] })).toEqual(['united-states:Trump']);
    expect(lastOf({ sentences: ['Vance spoke to reporters on Thursday.', claim] })).toEqual([]);
    expect(lastOf({ sentences: ['Trump spoke on Thursday.', 'The president of the European Commission said the war must end.'] })).toEqual([
      'europe:the European Commission',
    ]);
  });

  it('reads “the official” or “the spokesman” as the speaker last heard, a person or not', () => {
    const unnamed = 'A senior US official, speaking on condition of anonymity, said Washington expected an answer within days.';
    expect(lastOf({ sentences: ['Peskov said Moscow would not withdraw.', unnamed, 'The official said sanctions relief was not on the table yet.'] })).toEqual([
      'united-states:US',
    ]);
    expect(lastOf({ sentences: ['The call lasted two hours.', 'The official said sanctions relief was not on the table yet.'] })).toEqual([]);
    expect(lastOf({ sentences: ['Peskov said Moscow would not withdraw.', 'The spokesman of the ministry said the talks would go on.'] })).toEqual([]);
  });

  it('credits Europe with what French, British, German or Polish officials say', () => {
    expect(sentence('French officials said Paris agreed.')).toEqual(['europe:French officials']);
    expect(sentence('British officials warned that a deal without guarantees would not last.')).toEqual(['europe:British officials']);
  });

  it('reads “The statement that …” as the statement last named with its source', () => {
    const statement = 'The statement that the war “should never have started” shifts blame away from Moscow.';
    const readout = 'A careful reading of the call readout from the White House suggests a reset.';
    expect(lastOf({ sentences: [readout, 'Washington’s rhetoric aligns with Moscow’s.', statement] })).toEqual(['united-states:the White House']);
    expect(lastOf({ sentences: ['The call lasted two hours.', statement] })).toEqual([]);
    expect(sentence('The Kremlin statement that the talks had failed was read on state television.')).toEqual(['russia:the Kremlin']);
  });

  it('names a person the config does not know by the title or appositive that gives their party', () => {
    expect(sentence('Russian Deputy Foreign Minister Sergei Ryabkov said the sanctions question came first.')).toEqual(['russia:Sergei Ryabkov']);
    expect(sentence('Russia’s Foreign Ministry spokeswoman Maria Zakharova said the accusation was false.')).toEqual(['russia:Maria Zakharova']);
    expect(sentence('Putin’s foreign policy adviser Yuri Ushakov told reporters the call was businesslike.')).toEqual(['russia:Yuri Ushakov']);
    expect(sentence('Germany’s defence minister, Boris Pistorius, said Berlin would double its aid.')).toEqual(['europe:Boris Pistorius']);
    expect(sentence('Ukraine’s ambassador to the United Nations, Andriy Melnyk, told the council that Russia broke the truce.')).toEqual(['ukraine:Andriy Melnyk']);
    expect(sentence('Dmitry Medvedev, the deputy chairman of Russia’s Security Council, warned Europe.')).toEqual(['russia:Dmitry Medvedev']);
    expect(sentence('“Russia is playing for time,” said Mykhailo Podolyak, an adviser to Zelensky’s office.')).toEqual(['ukraine:Mykhailo Podolyak']);
    expect(sentence('The Kremlin statement Monday was brief.')).toEqual([]);
    expect(sentence('Donald Tusk, whose country borders Ukraine, said nothing.')).toEqual([]);
  });

  it('reads “said a senior … official”, “a spokesman for …” and “officials at …”', () => {
    expect(sentence('“The door remains open,” said a senior Ukrainian official.')).toEqual(['ukraine:Ukrainian official']);
    expect(sentence('“Nothing has been agreed,” a spokesman for the Ukrainian foreign ministry told Reuters.')).toEqual(['ukraine:the Ukrainian foreign ministry']);
    expect(sentence('Officials at the State Department said the draft would be shared.')).toEqual(['united-states:the State Department']);
  });

  it('credits each party of a coordinated subject', () => {
    expect(sentence('Russian and Ukrainian officials said an exchange was being prepared.')).toEqual(['russia:Russian officials', 'ukraine:Ukrainian officials']);
    expect(sentence('Kyiv and its European allies say any deal needs guarantees.')).toEqual(['ukraine:Kyiv', 'europe:European allies']);
  });

  it('reads “put it” as speech, and leaves out passives and conversations', () => {
    expect(sentence('Peskov put it bluntly: “There will be no truce.”')).toEqual(['russia:Peskov']);
    expect(sentence('Starmer is said to favour a smaller force.')).toEqual([]);
    expect(sentence('Lavrov was asked about the proposal.')).toEqual([]);
    expect(sentence('Trump spoke with Putin for two hours.')).toEqual([]);
    expect(sentence('Putin, who has ruled Russia for 25 years, rarely travels.')).toEqual([]);
    expect(sentence('Secretary of State Marco Rubio told reporters the deal was close.')).toEqual(['united-states:Rubio']);
  });

  it('continues “he” with the person who spoke in the sentence before', () => {
    const ushakov = 'Putin’s foreign policy adviser Yuri Ushakov told reporters the call was businesslike.';
    expect(lastOf({ sentences: [ushakov, 'He added that no date had been set.'] })).toEqual(['russia:Yuri Ushakov']);
  });

  it('does not pass a quotation to the speaker before when it names a speaker of its own', () => {
    const peskov = 'Peskov said Moscow would wait.';
    expect(lastOf({ sentences: [peskov, '“It will not last,” one Western analyst said.'] })).toEqual([]);
    expect(lastOf({ sentences: [peskov, '“This is theatre,” said Oleksiy Goncharenko, a lawmaker.'] })).toEqual([]);
    expect(lastOf({ sentences: ['Gerasimov told Putin that Kursk was retaken.', '“These plans have fallen through.”'] })).toEqual(['russia:Gerasimov']);
  });

  it('credits a possessive speaker’s stance noun before what it asks for, not a phone call', () => {
    expect(sentence('Putin’s demand for an end to mobilization in Ukraine has not changed.')).toEqual(['russia:Putin']);
    expect(sentence('Zelensky’s call for tougher sanctions went unanswered.')).toEqual(['ukraine:Zelensky']);
    expect(sentence('Trump’s call with Putin lasted two hours.')).toEqual([]);
  });

  it('credits the name in a relative clause after “that” or its article, not in a reported fact', () => {
    expect(sentence('Moscow insists that any ceasefire must wait, a condition that Kyiv has rejected as a trap.')).toEqual(['russia:Moscow', 'ukraine:Kyiv']);
    expect(sentence('Trump framed the talks as a favour, a claim the Kremlin has dismissed as “nonsense”.')).toEqual(['united-states:Trump', 'russia:the Kremlin']);
    expect(sentence('Lavrov dismissed the plan that Washington proposed last week as “unserious”.')).toEqual(['russia:Lavrov', 'united-states:Washington']);
    expect(sentence('Officials in Moscow denied reports that Kyiv had offered a prisoner swap.')).toEqual(['russia:Moscow']);
  });

  it('reads “both sides” after an adverb, but not as the subject of a second verb', () => {
    const pair = 'The talks between Kyiv and Moscow have stalled again.';
    expect(lastOf({ sentences: [pair, 'Both sides have since accused each other of violating the truce.'] })).toEqual(['russia:Both sides', 'ukraine:Both sides']);
    expect(lastOf({ sentences: [pair, 'Both sides also brought forward and stressed their readiness to negotiate.'] })).toEqual([]);
  });

  it('reads “the release” after an opening phrase as the statement last named', () => {
    const release = 'The Kremlin’s press release says the talks were useful.';
    expect(lastOf({ sentences: [release, 'Elsewhere, the release portrays the war as a matter for Moscow and Washington alone.'] })).toEqual(['russia:the Kremlin']);
  });

  it('reads restating and describing as stances', () => {
    expect(sentence('The conditions, as Lavrov restated them on Sunday, are familiar.')).toEqual(['russia:Lavrov']);
    expect(sentence('Trump has presented the call as proof that his approach works, describing what he calls “a very good start”.')).toEqual(['united-states:Trump']);
  });

  it('does not read posting a document as a stance', () => {
    expect(sentence('The Kremlin posted a release about the call on its official website.')).toEqual([]);
    expect(sentence('Zelensky posted on X that Russia had again attacked Odesa.')).toEqual(['ukraine:Zelensky']);
  });

  it('credits a party’s outlets, not its presenters, nor their reports of events', () => {
    expect(sentence('Russian state television called the proposal “an attempt to freeze Russia’s victory”.')).toEqual(['russia:Russian state television']);
    expect(sentence('A Russian television presenter, Vladimir Solovyov, said Europe should be afraid.')).toEqual([]);
    expect(sentence('Russian state media reported that Ukrainian drones had hit a refinery.')).toEqual([]);
  });

  it('names a one-word speaker by the appositive after it, past “continues to”', () => {
    expect(sentence('Ushakov, Putin’s foreign policy adviser, continues to insist that the agenda must be broad.')).toEqual(['russia:Ushakov']);
  });

  it('credits the one who conveys a position, or the one it belongs to', () => {
    expect(sentence('The strategy, transmitted via envoy Steve Witkoff during a recent Moscow visit, is modular.')).toEqual(['united-states:Witkoff']);
    expect(sentence('Putin’s offer, relayed through Witkoff, was a freeze along the current lines.')).toEqual(['russia:Putin']);
  });

  it('does not read “according to” a count of events as a position', () => {
    expect(sentence('According to the Ukrainian foreign ministry, 175 prisoners were exchanged on Wednesday.')).toEqual([]);
    expect(sentence('According to the Kremlin, Putin has not yet decided whether to travel.')).toEqual(['russia:the Kremlin']);
  });
});
