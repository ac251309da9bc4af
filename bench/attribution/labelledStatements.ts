/**
 * Sentence–party–speaker–topic judgements, labelled by hand, independently of what the
 * attributor does (written before it was tuned on them; a copy of that first version is kept
 * with issue 16's report). Each judgement says of one sentence that it states one party's
 * position, by whom and on which topics — or, with `party: null`, that it states none (a
 * mention, a report of events, the author's analysis or speculation, an unnamed source).
 *
 * Two sources: every sentence of the seed articles that names a party (a sentence of a
 * labelled article that is not listed states no position), and news copy written for the
 * kinds the seeds lack — hedged sentences, reported speech, quotes split over sentences,
 * passives, denials, former officials and dated statements — in `WRITTEN_ARTICLES`, every
 * sentence of which is judged.
 *
 * `sentence` is the start of the sentence, long enough to be unique in its article. The
 * benchmark holds out every third judgement (index 2, 5, 8, …); tuning looks at the others only.
 */
import type { AttributionLabel, WrittenArticle } from './scoreAttribution';

const PUTIN_PRESSER = '2025-03-13-putin-conditional-support-for-30-day-cease-fire';
const CALL = '2025-03-18-trump-putin-call-on-ukraine-ceasefire';
const RUSSIAN_VIEW = '2025-03-19-goodbye-compartmentalization-putin-trump-call';
const CAUTION = '2025-03-20-trumps-ceasefire-push-meets-putins-caution';
const ATTRITION = '2025-03-19-bit-of-a-ceasefire-managed-attrition';

/** News copy in the style of wire reports, written for the labelled set; one string per paragraph. */
export const WRITTEN_ARTICLES: readonly WrittenArticle[] = [
  {
    id: 'written-kremlin-reaction',
    published: '2025-03-21',
    paragraphs: [
      'Kremlin spokesman Dmitry Peskov said on Friday that Moscow had not yet received the details of the American proposal. “We are studying the signals from Washington,” Peskov told reporters. “There can be no talk of a ceasefire while Kyiv continues to rearm.” He added that Russia wanted guarantees that Western arms deliveries would stop.',
      'Russian Foreign Minister Sergei Lavrov was more blunt. Any deployment of European troops in Ukraine would be “absolutely unacceptable”, Lavrov said in an interview with state television. Analysts in Moscow said the remarks were aimed at European capitals rather than at Washington.',
      'Ukraine’s foreign minister, Andrii Sybiha, said Kyiv was ready to sign a 30-day truce “today” if Russia did the same. Officials in Kyiv, speaking on condition of anonymity, said they doubted the Kremlin would agree.',
    ],
  },
  {
    id: 'written-washington-briefing',
    published: '2025-03-22',
    paragraphs: [
      'Secretary of State Marco Rubio said Washington would not lift sanctions on Russia until a full ceasefire was in place. “The ball is now in their court,” Rubio told reporters aboard his plane.',
      'White House press secretary Karoline Leavitt said the president remained optimistic. Trump, speaking to reporters in the Oval Office on Thursday, insisted that Putin “wants to make a deal”. The president has repeatedly claimed that the war would never have started under his watch.',
      'Vice President JD Vance is expected to travel to Munich next month. Some Republican lawmakers, however, warned that the administration risked rewarding aggression.',
    ],
  },
  {
    id: 'written-kyiv-red-lines',
    published: '2025-03-23',
    paragraphs: [
      'President Volodymyr Zelensky said Ukraine would not recognise any occupied territory as Russian. “We will never accept the occupation of our land,” he said in his nightly address. “Crimea is Ukraine, and Donbas is Ukraine.”',
      'Zelensky’s chief of staff, Andriy Yermak, wrote on Telegram that Ukraine needed security guarantees before any deal. Ukraine’s military reported that Russian forces had launched 120 drones overnight. Kyiv appears willing to discuss an energy truce, diplomats said.',
    ],
  },
  {
    id: 'written-european-troops',
    published: '2025-03-24',
    paragraphs: [
      'French President Emmanuel Macron said Europe was prepared to send peacekeepers to Ukraine once a ceasefire held. British Prime Minister Keir Starmer backed the plan, telling parliament that a deal without guarantees would not last. German Chancellor Friedrich Merz could yet oppose the idea, according to people familiar with his thinking.',
      'The EU’s foreign policy chief, Kaja Kallas, warned against “a ceasefire at any price”. NATO Secretary General Mark Rutte declined to comment. European officials fear that Washington and Moscow will settle Ukraine’s future over their heads.',
    ],
  },
  {
    id: 'written-former-officials',
    published: '2025-03-25',
    paragraphs: [
      'Former President Joe Biden said in 2022 that the United States would support Ukraine “for as long as it takes”. In a speech in Warsaw in February 2023, Biden vowed that Ukraine would never be a victory for Russia. Jake Sullivan, who served as national security adviser until January, argued last year that sanctions were working.',
      'Secretary of State Marco Rubio said on Tuesday that the new administration had moved on from that approach. Russia’s deputy foreign minister said the talks would resume in Riyadh.',
    ],
  },
  {
    id: 'written-front-and-denials',
    published: '2025-03-26',
    paragraphs: [
      'Moscow denied that its drones had struck a hospital in Kharkiv. The Russian defence ministry said its forces had taken two more villages in the Donetsk region. Ukraine’s General Staff said it had repelled 40 attacks near Pokrovsk.',
      'Kyiv has rejected the proposal, calling it an ultimatum. The offer was dismissed by Moscow as “unserious”. Russian officials have privately signalled that they could accept a monitoring mission led by neutral countries. Putin is believed to favour a longer pause.',
    ],
  },
  {
    id: 'written-envoys',
    published: '2025-03-27',
    paragraphs: [
      'Steve Witkoff, the president’s special envoy, said he had found Putin “very receptive”. “I think we are close,” Witkoff told Fox News. “A couple of weeks, maybe less.”',
      'Keith Kellogg, the envoy for Ukraine, struck a more cautious note. He said that any deal would need to protect Ukraine’s ports on the Black Sea. National Security Adviser Mike Waltz declined to say whether the United States would resume intelligence sharing. Kirill Dmitriev, Putin’s investment envoy, said American companies could return to Russia “within months”.',
    ],
  },
  {
    id: 'written-analysis',
    published: '2025-03-28',
    paragraphs: [
      'Putin may be trying to buy time. Zelensky is likely to insist on a full withdrawal. Washington would probably accept a freeze of the current lines. Trump seems ready to offer sanctions relief.',
      'If Russia agrees to the truce, Europe will have to pay for reconstruction. The Kremlin, analysts say, has every reason to drag out the talks. According to the Institute for the Study of War, Russian forces are advancing slowly.',
    ],
  },
  {
    id: 'written-jeddah-talks',
    published: '2025-03-29',
    paragraphs: [
      '“Russia must stop the strikes first,” Ukraine’s defence minister Rustem Umerov said after the talks in Jeddah. “Then we can talk about everything else.” The Ukrainian delegation also proposed an exchange of all prisoners of war. According to the Ukrainian foreign ministry, 175 prisoners were exchanged on Wednesday.',
      'Russia’s negotiators, led by Vladimir Medinsky, called for a “comprehensive” settlement rather than a truce. Medinsky said Moscow was in no hurry.',
    ],
  },
  {
    id: 'written-energy-truce',
    published: '2025-03-30',
    paragraphs: [
      'Both Moscow and Kyiv said they had agreed to halt strikes on energy facilities. Lavrov and Rubio spoke by phone on Sunday and agreed to keep working on a Black Sea deal, the State Department said.',
      'Zelensky accused Russia of violating the energy truce within hours. The Kremlin said Ukraine had attacked a gas station in Sudzha, a charge Kyiv denied. Peskov did not rule out a meeting between Putin and Trump. Turkey offered to host the next round of talks.',
    ],
  },
  {
    id: 'written-looking-back',
    published: '2025-03-31',
    paragraphs: [
      'Back in 2019, Zelensky promised voters he would “just stop shooting”. Three years ago, Lavrov denied that Russia planned to invade. Last week, Peskov said the Kremlin welcomed the American proposal in principle. On Monday, Sybiha told his Polish counterpart that Kyiv wanted a quick deal.',
    ],
  },
];

const W = (id: string): string => `written-${id}`;

export const LABELLED_STATEMENTS: readonly AttributionLabel[] = [
  // Putin's 13 March press conference, live commentary
  { article: PUTIN_PRESSER, sentence: 'Earlier today, the Wall Street Journal reported that Russian negotiators rejected', party: 'russia', speaker: 'Russian negotiators', topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Perhaps — and it’s equally likely that Vladimir Putin’s caut', party: null },
  { article: PUTIN_PRESSER, sentence: 'Putin just voiced very preliminary and conditional support', party: 'russia', speaker: 'Putin', topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'He said “we definitely support” the idea', party: 'russia', speaker: 'Putin', topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Putin said those questions included the fate of Ukraine’s forces', party: 'russia', speaker: 'Putin', topics: ['kursk', 'territory'] },
  { article: PUTIN_PRESSER, sentence: 'The open questions, Putin said, also include', party: 'russia', speaker: 'Putin', topics: ['arms', 'ceasefire', 'monitoring'] },
  { article: PUTIN_PRESSER, sentence: '“The idea itself is the right one, and we support it,” Putin said.', party: 'russia', speaker: 'Putin', topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: '“But there are questions that we need to discuss', party: 'russia', speaker: 'Putin', topics: ['ceasefire', 'us-russia'] },
  { article: PUTIN_PRESSER, sentence: 'Putin probably won’t agree to talks until Ukrainian forces w', party: null },
  { article: PUTIN_PRESSER, sentence: 'While Washington awaits Moscow’s response to the proposed 30', party: null },
  { article: PUTIN_PRESSER, sentence: '“Around a hundred ‘Shahed’ drones attack Ukraine each night.', party: 'ukraine', speaker: 'Zelensky', topics: [] },
  { article: PUTIN_PRESSER, sentence: 'Missile strikes are regular.', party: 'ukraine', speaker: 'Zelensky', topics: [] },
  { article: PUTIN_PRESSER, sentence: 'Some of our civilian infrastructure and ports have been hit', party: 'ukraine', speaker: 'Zelensky', topics: ['energy'] },
  { article: PUTIN_PRESSER, sentence: '“The key factor is our partners’ ability', party: 'ukraine', speaker: 'Zelensky', topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Because right now, Russian strikes have not stopped.”', party: 'ukraine', speaker: 'Zelensky', topics: [] },
  { article: PUTIN_PRESSER, sentence: 'On Wednesday, Putin received an update in Kursk', party: null }, // Gerasimov's battlefield report is a report, not a position
  { article: PUTIN_PRESSER, sentence: '“The Kyiv regime planned to create a so-called strategic foothold', party: 'russia', speaker: 'Gerasimov', topics: ['kursk'] },
  { article: PUTIN_PRESSER, sentence: '“These plans have fallen through.”', party: 'russia', speaker: 'Gerasimov', topics: ['kursk'] },
  { article: PUTIN_PRESSER, sentence: 'If they had, then Putin wouldn’t have demanded a withdrawal from Kursk', party: 'russia', speaker: 'Putin', topics: ['kursk', 'territory'] },
  { article: PUTIN_PRESSER, sentence: 'However, Putin seems to accept that negotiations could take ', party: null },
  { article: PUTIN_PRESSER, sentence: 'The Russian president asks who will decide', party: 'russia', speaker: 'Putin', topics: ['monitoring', 'ceasefire'] },
  { article: PUTIN_PRESSER, sentence: '“All these issues need to be painstakingly studied by both sides,” he says', party: 'russia', speaker: 'Putin', topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Putin says he believes “we need to negotiate', party: 'russia', speaker: 'Putin', topics: ['us-russia'] },
  { article: PUTIN_PRESSER, sentence: '“The very idea of ending this conflict by peaceful means, we support that.”', party: 'russia', speaker: 'Putin', topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'However, Putin also suggested that he wants talks to encompass', party: 'russia', speaker: 'Putin', topics: ['nato-guarantees'] },
  { article: PUTIN_PRESSER, sentence: 'Putin will want concessions there to save some face for the ', party: null },
  { article: PUTIN_PRESSER, sentence: 'Russian aggression has changed the security situation for Ea', party: null },
  { article: PUTIN_PRESSER, sentence: 'Perhaps NATO will agree to return to its deployment posture ', party: null },
  { article: PUTIN_PRESSER, sentence: 'Still, the fact that Putin may accept a cease-fire for negot', party: null },
  { article: PUTIN_PRESSER, sentence: 'Trump has succeeded in advancing the cause of peace further ', party: null },
  { article: PUTIN_PRESSER, sentence: 'But that doesn’t mean much unless Putin’s willing to end the', party: null },


  // The 18 March call, pro-Ukrainian analysis
  { article: CALL, sentence: 'The long-awaited, long-announced conversation - a phone call', party: null },
  { article: CALL, sentence: 'Leading up to it, Trump repeatedly hyped up', party: 'united-states', speaker: 'Trump', topics: ['us-russia'] },
  { article: CALL, sentence: 'Interestingly, there was little visible enthusiasm from the ', party: null },
  { article: CALL, sentence: 'Putin maintained a “hard-to-get” posture, making it appear a', party: null },
  { article: CALL, sentence: 'However, in reality, Putin holds a weaker hand—especially if', party: null },
  { article: CALL, sentence: 'Putin, while speaking at a conference, was informed that he ', party: null },
  { article: CALL, sentence: 'This cool, detached demeanor starkly contrasts with Trump’s ', party: null },
  { article: CALL, sentence: 'There were early indications that Trump was preparing to fra', party: null },
  { article: CALL, sentence: 'This included his repeated but false insistence', party: 'united-states', speaker: 'Trump', topics: ['kursk'] },
  { article: CALL, sentence: '(side note: this was also a good preemptive excuse to not pr', party: null },
  { article: CALL, sentence: 'The reality is: Ukraine has managed an orderly withdrawal fr', party: null },
  { article: CALL, sentence: 'Russia, on the other hand, is implicated in the execution of', party: null },
  { article: CALL, sentence: 'Putin made no concessions regarding the safety of Ukrainian ', party: null },
  { article: CALL, sentence: 'Yet, Trump appears to live in a misinformation bubble, seemi', party: null },
  { article: CALL, sentence: 'A Partial Ceasefire – Russia agreed to halt attacks', party: 'russia', speaker: 'Russia', topics: ['energy', 'ceasefire'] },
  { article: CALL, sentence: 'Indeed, just an hour after the phone call, and at the time w', party: null },
  { article: CALL, sentence: 'In addition, (and while Russia is unlikely to abide by the t', party: null },
  { article: CALL, sentence: '(side note: of course, the integrity of this infrastructure ', party: null },
  { article: CALL, sentence: 'Finally, what about other civilian targets like Ukrainian ho', party: null },
  { article: CALL, sentence: 'Overall, we have a situation where Russia’s restraint is unl', party: null },
  { article: CALL, sentence: 'A Black Sea Ceasefire Task Force – Both sides agreed', party: 'russia', speaker: 'Both sides', topics: ['black-sea', 'ceasefire'] },
  { article: CALL, sentence: 'A Black Sea Ceasefire Task Force – Both sides agreed', party: 'united-states', speaker: 'Both sides', topics: ['black-sea', 'ceasefire'] },
  { article: CALL, sentence: 'But here too, Ukraine has little to gain - it has successful', party: null },
  { article: CALL, sentence: 'Ceasefire here benefits Russia more than Ukraine.', party: null },
  { article: CALL, sentence: 'In addition, Putin demanded that during any ceasefire', party: 'russia', speaker: 'Putin', topics: ['ceasefire', 'arms', 'mobilization'] },
  { article: CALL, sentence: 'This demand, in effect, would leave Ukraine defenseless and ', party: null },
  { article: CALL, sentence: '(side note: there is no indication so far that even Trump, d', party: null },
  { article: CALL, sentence: 'A careful reading of the Trump-Putin call readout from the W', party: null },
  { article: CALL, sentence: 'Washington’s rhetoric aligns with Russia’s core narrative.', party: null },
  { article: CALL, sentence: 'The statement that the war “should never have started”', party: 'united-states', speaker: 'the White House', topics: [] },
  { article: CALL, sentence: 'Russia’s long-standing argument—that it is not the aggressor', party: 'russia', speaker: 'Russia', topics: [] },
  { article: CALL, sentence: 'Beyond Ukraine, the readout reframes the war as a bilateral ', party: null },
  { article: CALL, sentence: 'This echoes Cold War-era great power spheres of influence, w', party: null },
  { article: CALL, sentence: 'Even more telling, the discussion expanded beyond Ukraine to', party: null },
  { article: CALL, sentence: 'The peer-to-peer status is of course what Putin wants.', party: null },
  { article: CALL, sentence: 'Putin, for his part, made no new offers and reaffirmed maximalist demands:', party: 'russia', speaker: 'Putin', topics: [] },
  { article: CALL, sentence: 'A full cessation of Western military aid and intelligence sharing with Kyiv', party: 'russia', speaker: 'Putin', topics: ['arms'] },
  { article: CALL, sentence: 'No Ukrainian mobilization, no armament, and no foreign-backed military presence', party: 'russia', speaker: 'Putin', topics: ['mobilization', 'arms'] },
  { article: CALL, sentence: 'Assertions that the “Kyiv regime” is incapable of negotiating', party: 'russia', speaker: 'Putin', topics: [] },
  { article: CALL, sentence: 'Put simply, Russia has not softened its position.', party: null },
  { article: CALL, sentence: 'Putin continues to insist that any agreement must resolve', party: 'russia', speaker: 'Putin', topics: ['nato-guarantees'] },
  { article: CALL, sentence: 'Perhaps most revealing is that the White House appears even ', party: null },
  { article: CALL, sentence: 'The closing paragraph of the U.S. statement emphasizes', party: 'united-states', speaker: 'the U.S.', topics: ['sanctions', 'us-russia'] },
  { article: CALL, sentence: 'This suggests that Washington may be prepared to grant major', party: null },
  { article: CALL, sentence: 'The call’s focus on “mutually beneficial cooperation” in eco', party: null },
  { article: CALL, sentence: 'Regardless of Trump’s stance, Europe must continue to arm Uk', party: null },
  { article: CALL, sentence: 'As EU Commission President Ursula von der Leyen emphasized', party: 'europe', speaker: 'von der Leyen', topics: ['arms'] },
  { article: CALL, sentence: 'Encouragingly, Germany’s newly approved $1 trillion budget a', party: null },
  { article: CALL, sentence: '(side note: notably, Rheinmetall, Germany’s leading defense ', party: null },
  { article: CALL, sentence: 'The Trump-Putin call underscores a fundamental realignment i', party: null },
  { article: CALL, sentence: 'While Trump appears eager to cultivate personal rapport with', party: null },
  { article: CALL, sentence: 'Ultimately, the burden of preserving the liberal rules-based', party: null },
  { article: CALL, sentence: 'And in the short-term, Europe must do all that is possible t', party: null },


  // The call seen from Moscow, translated Russian commentary
  { article: RUSSIAN_VIEW, sentence: 'All contradictions remain, but there is a desire of the Whit', party: null },
  { article: RUSSIAN_VIEW, sentence: 'This is the first and main conclusion from the conversation ', party: null },
  { article: RUSSIAN_VIEW, sentence: 'From a tactical point of view, Putin and Trump have shown re', party: null },
  { article: RUSSIAN_VIEW, sentence: 'This is clearly shown by press releases and statements where', party: null },
  { article: RUSSIAN_VIEW, sentence: 'The Kremlin\'s press release used the expression', party: 'russia', speaker: 'the Kremlin', topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'The Kremlin posted a release about the call', party: null }, // that a release was posted, not what it says
  { article: RUSSIAN_VIEW, sentence: 'The information from the American side was published', party: null }, // where it was published, not what it says
  { article: RUSSIAN_VIEW, sentence: 'This is what the joint initiative to organize "hockey matche', party: null },
  { article: RUSSIAN_VIEW, sentence: 'Conversely, such a controversial issue as a 30-day truce, wh', party: null },
  { article: RUSSIAN_VIEW, sentence: 'Speaking of strategic results, the Kremlin has finally manag', party: null },
  { article: RUSSIAN_VIEW, sentence: 'But the White House evaded the dialogue at the highest level', party: null }, // the author's account of a conduct, nothing stated
  { article: RUSSIAN_VIEW, sentence: 'Although even under Biden, contacts between Russia and the U', party: null },
  { article: RUSSIAN_VIEW, sentence: 'This was announced in July 2024 by Sergei Naryshkin', party: 'russia', speaker: 'Naryshkin', topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'Back in June 2023, Biden\'s national security adviser Jake Sullivan', party: 'united-states', speaker: 'Sullivan', topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'But Moscow was not satisfied with this approach', party: 'russia', speaker: 'Moscow', topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'But isn\'t Trump\'s call to the Kremlin "compartmentalization"', party: null },
  { article: RUSSIAN_VIEW, sentence: 'The White House has demonstrated that the new US administration is ready', party: 'united-states', speaker: 'the White House', topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'It is clear that Washington, which has invested in Ukraine, ', party: null },
  { article: RUSSIAN_VIEW, sentence: 'But at the first stage, we have what the Kremlin has been tr', party: null },
  { article: RUSSIAN_VIEW, sentence: 'And, no less important, the willingness of the US president ', party: null },
  { article: RUSSIAN_VIEW, sentence: 'The Kremlin\'s press release says that the conversation', party: 'russia', speaker: 'the Kremlin', topics: ['iran'] },
  { article: RUSSIAN_VIEW, sentence: 'Leavitt wrote on the social network', party: 'united-states', speaker: 'Leavitt', topics: ['iran'] },
  { article: RUSSIAN_VIEW, sentence: 'So, let, in fact, the Americans offer nothing on the Ukraini', party: 'united-states', speaker: 'Trump', topics: ['us-russia'] }, // “Trump has demonstrated that he is ready to abandon …”
  { article: RUSSIAN_VIEW, sentence: 'Actually, the Kremlin\'s press release explicitly states', party: 'russia', speaker: 'the Kremlin', topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'At a minimum, neither before nor after the United States gav', party: null },
  { article: RUSSIAN_VIEW, sentence: 'Verbal promises that Ukraine will not be accepted into NATO ', party: null },
  { article: RUSSIAN_VIEW, sentence: 'Ideally, the leadership of the Russian Federation seeks', party: 'russia', speaker: 'the Russian Federation', topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'Or, to paraphrase Putin, regardless of the "situation on the', party: null },
  { article: RUSSIAN_VIEW, sentence: 'I mean, to negotiate on Ukraine, too, but not to make the en', party: null },
  { article: RUSSIAN_VIEW, sentence: 'Undoubtedly beneficial for strengthening Russia\'s position.', party: null },


  // Trump's push and Putin's caution, analysis
  { article: CAUTION, sentence: 'Ceasefire negotiations between Washington and Moscow over th', party: null },
  { article: CAUTION, sentence: 'At the center of this diplomatic churn is Donald Trump—once ', party: null },
  { article: CAUTION, sentence: 'He is orchestrating a high-stakes effort to end a conflict t', party: null },
  { article: CAUTION, sentence: 'Trump’s maneuvering, Vladimir Putin’s guarded calculus, and ', party: null },
  { article: CAUTION, sentence: 'Trump’s approach is characteristically bold and intensely pe', party: null },
  { article: CAUTION, sentence: 'Following a tense March 18 call with Putin, Trump emerged no', party: null },
  { article: CAUTION, sentence: 'His team secured what they describe as a limited agreement', party: 'united-states', speaker: 'Trump', topics: ['energy'] },
  { article: CAUTION, sentence: 'It’s a notable gesture, given the mutual devastation wrought', party: null },
  { article: CAUTION, sentence: 'Trump has spun the move as an initial step', party: 'united-states', speaker: 'Trump', topics: ['ceasefire'] },
  { article: CAUTION, sentence: 'The strategy, transmitted via envoy Steve Witkoff', party: 'united-states', speaker: 'Witkoff', topics: ['energy', 'black-sea', 'ceasefire'] },
  { article: CAUTION, sentence: 'On Truth Social, Trump has blended triumphalism', party: 'united-states', speaker: 'Trump', topics: [] },
  { article: CAUTION, sentence: 'Putin, meanwhile, is playing a slower, more calculated hand.', party: null },
  { article: CAUTION, sentence: 'While the Kremlin has confirmed an agreement “in principle”', party: 'russia', speaker: 'the Kremlin', topics: ['energy'] },
  { article: CAUTION, sentence: 'At a March 13 press conference, Putin called the initiative “correct”', party: 'russia', speaker: 'Putin', topics: ['ceasefire', 'mobilization', 'arms', 'monitoring'] },
  { article: CAUTION, sentence: 'His post-call statements, distributed via Russian state media', party: 'russia', speaker: 'Putin', topics: ['energy', 'ceasefire'] },
  { article: CAUTION, sentence: 'His post-call statements, distributed via Russian state media', party: 'ukraine', speaker: 'Ukraine', topics: ['energy', 'ceasefire'] },
  { article: CAUTION, sentence: 'The subtext is clear—Putin will entertain temporary quiet, b', party: null },
  { article: CAUTION, sentence: 'The reported recapture of Sudzha in the Kursk region is part', party: null },
  { article: CAUTION, sentence: 'Russia is angling for a frozen conflict that locks in its co', party: null },
  { article: CAUTION, sentence: 'Putin’s conditions point to an aspiration not just to end th', party: null },
  { article: CAUTION, sentence: 'For Ukraine, led by President Volodymyr Zelensky, such terms are anathema.', party: 'ukraine', speaker: 'Ukraine', topics: [] },
  { article: CAUTION, sentence: 'Kyiv insists on a full Russian withdrawal', party: 'ukraine', speaker: 'Kyiv', topics: ['territory', 'sanctions', 'nato-guarantees'] },
  { article: CAUTION, sentence: 'Zelensky has cautiously welcomed the energy pause', party: 'ukraine', speaker: 'Zelensky', topics: ['energy', 'monitoring', 'sanctions'] },
  { article: CAUTION, sentence: 'His skepticism runs deep, informed by past Kremlin feints an', party: null },
  { article: CAUTION, sentence: 'Washington’s position, under Trump, is more transactional.', party: null },
  { article: CAUTION, sentence: 'The White House summary of the Trump-Putin call emphasized', party: 'united-states', speaker: 'the White House', topics: ['us-russia'] },
  { article: CAUTION, sentence: 'The White House summary of the Trump-Putin call emphasized', party: 'europe', speaker: 'European allies', topics: ['us-russia'] },
  { article: CAUTION, sentence: 'The contrast is sharp: where Kyiv sees an existential strugg', party: null },
  { article: CAUTION, sentence: 'Russia continues to batter Chernihiv; Ukraine responds by hi', party: null },
  { article: CAUTION, sentence: 'The ongoing negotiations reveal just how wide the gap is bet', party: null },
  { article: CAUTION, sentence: 'The Kremlin’s surreal mention of joint U.S.-Russia hockey matches', party: 'russia', speaker: 'the Kremlin', topics: ['us-russia'] },
  { article: CAUTION, sentence: 'Putin has already bristled at the notion of foreign peacekeepers.', party: 'russia', speaker: 'Putin', topics: ['monitoring', 'nato-guarantees'] },
  { article: CAUTION, sentence: 'Russia is unlikely to relinquish control; Ukraine will not f', party: null },
  { article: CAUTION, sentence: 'Third, economic incentives—sanctions relief for Russia, reco', party: null },
  { article: CAUTION, sentence: 'Lastly, Trump must walk a razor’s edge: placate Putin enough', party: null },
  { article: CAUTION, sentence: 'Putin may be content with a frozen front if it blunts Ukrain', party: null },
  { article: CAUTION, sentence: 'Zelensky may tolerate a temporary territorial standoff if it', party: null },
  { article: CAUTION, sentence: 'Trump’s gamble is that he can broker this uncomfortable midd', party: null },


  // Managed attrition, a consultant's analysis: parties named, none stating
  { article: ATTRITION, sentence: 'The resumption of direct communication between the United St', party: null },
  { article: ATTRITION, sentence: 'By framing the request as a "bit of a ceasefire," the Trump ', party: null },
  { article: ATTRITION, sentence: 'Success depends on whether the Kremlin views a temporary pau', party: null },
  { article: ATTRITION, sentence: 'The Human Resource Variable: Russia faces a mounting labor s', party: null },
  { article: ATTRITION, sentence: 'A pause allows for a rotation of personnel without the immed', party: null },
  { article: ATTRITION, sentence: 'Political Posturing: For the U.S. administration, initiating', party: null },
  { article: ATTRITION, sentence: 'If Moscow perceives that a ceasefire will only result in a b', party: null },
  { article: ATTRITION, sentence: 'The request must be backed by a credible threat of increased', party: null },
  { article: ATTRITION, sentence: 'Russia’s reliance on Iranian Shahed-series loitering munitio', party: null },
  { article: ATTRITION, sentence: 'Russia and Iran operate within a feedback loop where militar', party: null },
  { article: ATTRITION, sentence: 'By discussing Iran during a call focused on Ukraine, the U.S', party: null },
  { article: ATTRITION, sentence: 'The objective is to disrupt the supply chain of Iranian hard', party: null },
  { article: ATTRITION, sentence: 'Tier 1: Immediate kinetic reduction in Ukraine (the ceasefir', party: null },
  { article: ATTRITION, sentence: 'Tier 2: Curtailment of Iranian military exports to Russia.', party: null },
  { article: ATTRITION, sentence: 'Tier 3: Reciprocal U.S. or Israeli restraint regarding Irani', party: null },
  { article: ATTRITION, sentence: 'The difficulty is that Russia currently lacks the leverage—o', party: null },
  { article: ATTRITION, sentence: 'Iran views its support for Russia as a vital hedge against W', party: null },
  { article: ATTRITION, sentence: 'Unless the U.S. provides an alternative security or economic', party: null },
  { article: ATTRITION, sentence: 'From a strategy consultant\'s perspective, the U.S. is moving', party: null },
  { article: ATTRITION, sentence: 'Alliance Fragmentation: European partners, particularly thos', party: null },
  { article: ATTRITION, sentence: 'Adversarial Opportunism: Putin may interpret the request for', party: null },
  { article: ATTRITION, sentence: 'The strategic play for the U.S. administration is to use the', party: null },
  { article: ATTRITION, sentence: 'The most likely outcome is a "Korean Scenario"—a militarized', party: null },

  // Written: the Kremlin's reaction (split quotes, a continuation by "he")
  { article: W('kremlin-reaction'), sentence: 'Kremlin spokesman Dmitry Peskov said on Friday', party: 'russia', speaker: 'Peskov', topics: [] },
  { article: W('kremlin-reaction'), sentence: '“We are studying the signals from Washington,”', party: 'russia', speaker: 'Peskov', topics: [] },
  { article: W('kremlin-reaction'), sentence: '“There can be no talk of a ceasefire', party: 'russia', speaker: 'Peskov', topics: ['ceasefire'] },
  { article: W('kremlin-reaction'), sentence: 'He added that Russia wanted guarantees', party: 'russia', speaker: 'Peskov', topics: ['arms'] },
  { article: W('kremlin-reaction'), sentence: 'Russian Foreign Minister Sergei Lavrov was more blunt.', party: null },
  { article: W('kremlin-reaction'), sentence: 'Any deployment of European troops in Ukraine', party: 'russia', speaker: 'Lavrov', topics: ['nato-guarantees'] },
  { article: W('kremlin-reaction'), sentence: 'Analysts in Moscow said', party: null },
  { article: W('kremlin-reaction'), sentence: 'Ukraine’s foreign minister, Andrii Sybiha, said', party: 'ukraine', speaker: 'Sybiha', topics: ['ceasefire'] },
  { article: W('kremlin-reaction'), sentence: 'Officials in Kyiv, speaking on condition of anonymity', party: 'ukraine', speaker: 'officials in Kyiv', topics: [] },

  // Written: a Washington briefing (titles, role names, a hedge, lawmakers who are not the government)
  { article: W('washington-briefing'), sentence: 'Secretary of State Marco Rubio said', party: 'united-states', speaker: 'Rubio', topics: ['sanctions', 'ceasefire'] },
  { article: W('washington-briefing'), sentence: '“The ball is now in their court,”', party: 'united-states', speaker: 'Rubio', topics: [] },
  { article: W('washington-briefing'), sentence: 'White House press secretary Karoline Leavitt said', party: 'united-states', speaker: 'Leavitt', topics: [] },
  { article: W('washington-briefing'), sentence: 'Trump, speaking to reporters in the Oval Office', party: 'united-states', speaker: 'Trump', topics: [] },
  { article: W('washington-briefing'), sentence: 'The president has repeatedly claimed', party: 'united-states', speaker: 'Trump', topics: [] },
  { article: W('washington-briefing'), sentence: 'Vice President JD Vance is expected to travel', party: null },
  { article: W('washington-briefing'), sentence: 'Some Republican lawmakers, however, warned', party: null },

  // Written: Kyiv's red lines (a quotation over two sentences, a military report, a hedge)
  { article: W('kyiv-red-lines'), sentence: 'President Volodymyr Zelensky said Ukraine would not recognise', party: 'ukraine', speaker: 'Zelensky', topics: ['territory'] },
  { article: W('kyiv-red-lines'), sentence: '“We will never accept the occupation of our land,”', party: 'ukraine', speaker: 'Zelensky', topics: ['territory'] },
  { article: W('kyiv-red-lines'), sentence: '“Crimea is Ukraine, and Donbas is Ukraine.”', party: 'ukraine', speaker: 'Zelensky', topics: ['territory'] },
  { article: W('kyiv-red-lines'), sentence: 'Zelensky’s chief of staff, Andriy Yermak, wrote', party: 'ukraine', speaker: 'Yermak', topics: ['nato-guarantees'] },
  { article: W('kyiv-red-lines'), sentence: 'Ukraine’s military reported that Russian forces had launched', party: null },
  { article: W('kyiv-red-lines'), sentence: 'Kyiv appears willing to discuss an energy truce', party: null },

  // Written: European troops (backing a plan, "according to people familiar", declining to comment)
  { article: W('european-troops'), sentence: 'French President Emmanuel Macron said', party: 'europe', speaker: 'Macron', topics: ['ceasefire', 'monitoring', 'nato-guarantees'] },
  { article: W('european-troops'), sentence: 'British Prime Minister Keir Starmer backed the plan', party: 'europe', speaker: 'Starmer', topics: ['nato-guarantees'] },
  { article: W('european-troops'), sentence: 'German Chancellor Friedrich Merz could yet oppose', party: null },
  { article: W('european-troops'), sentence: 'The EU’s foreign policy chief, Kaja Kallas, warned', party: 'europe', speaker: 'Kallas', topics: ['ceasefire'] },
  { article: W('european-troops'), sentence: 'NATO Secretary General Mark Rutte declined to comment.', party: null },
  { article: W('european-troops'), sentence: 'European officials fear that Washington and Moscow', party: 'europe', speaker: 'European officials', topics: [] },

  // Written: former officials and dated statements
  { article: W('former-officials'), sentence: 'Former President Joe Biden said in 2022', party: 'united-states', speaker: 'Biden', topics: [] },
  { article: W('former-officials'), sentence: 'In a speech in Warsaw in February 2023, Biden vowed', party: 'united-states', speaker: 'Biden', topics: [] },
  { article: W('former-officials'), sentence: 'Jake Sullivan, who served as national security adviser', party: 'united-states', speaker: 'Sullivan', topics: ['sanctions'] },
  { article: W('former-officials'), sentence: 'Secretary of State Marco Rubio said on Tuesday', party: 'united-states', speaker: 'Rubio', topics: [] },
  { article: W('former-officials'), sentence: 'Russia’s deputy foreign minister said', party: 'russia', speaker: 'Russia’s deputy foreign minister', topics: [] },

  // Written: the front line and denials (battlefield reports, a passive, a hedge)
  { article: W('front-and-denials'), sentence: 'Moscow denied that its drones had struck', party: 'russia', speaker: 'Moscow', topics: [] },
  { article: W('front-and-denials'), sentence: 'The Russian defence ministry said its forces had taken', party: null },
  { article: W('front-and-denials'), sentence: 'Ukraine’s General Staff said it had repelled', party: null },
  { article: W('front-and-denials'), sentence: 'Kyiv has rejected the proposal, calling it an ultimatum.', party: 'ukraine', speaker: 'Kyiv', topics: [] },
  { article: W('front-and-denials'), sentence: 'The offer was dismissed by Moscow', party: 'russia', speaker: 'Moscow', topics: [] },
  { article: W('front-and-denials'), sentence: 'Russian officials have privately signalled', party: 'russia', speaker: 'Russian officials', topics: ['monitoring'] },
  { article: W('front-and-denials'), sentence: 'Putin is believed to favour a longer pause.', party: null },

  // Written: the envoys (a quotation split after its attribution, a description without content)
  { article: W('envoys'), sentence: 'Steve Witkoff, the president’s special envoy, said', party: 'united-states', speaker: 'Witkoff', topics: [] },
  { article: W('envoys'), sentence: '“I think we are close,” Witkoff told Fox News.', party: 'united-states', speaker: 'Witkoff', topics: [] },
  { article: W('envoys'), sentence: '“A couple of weeks, maybe less.”', party: 'united-states', speaker: 'Witkoff', topics: [] },
  { article: W('envoys'), sentence: 'Keith Kellogg, the envoy for Ukraine, struck a more cautious note.', party: null },
  { article: W('envoys'), sentence: 'He said that any deal would need to protect Ukraine’s ports', party: 'united-states', speaker: 'Kellogg', topics: ['black-sea'] },
  { article: W('envoys'), sentence: 'National Security Adviser Mike Waltz declined to say', party: null },
  { article: W('envoys'), sentence: 'Kirill Dmitriev, Putin’s investment envoy, said', party: 'russia', speaker: 'Dmitriev', topics: ['us-russia'] },

  // Written: the author's speculation, every sentence hedged
  { article: W('analysis'), sentence: 'Putin may be trying to buy time.', party: null },
  { article: W('analysis'), sentence: 'Zelensky is likely to insist on a full withdrawal.', party: null },
  { article: W('analysis'), sentence: 'Washington would probably accept a freeze', party: null },
  { article: W('analysis'), sentence: 'Trump seems ready to offer sanctions relief.', party: null },
  { article: W('analysis'), sentence: 'If Russia agrees to the truce, Europe will have to pay', party: null },
  { article: W('analysis'), sentence: 'The Kremlin, analysts say, has every reason', party: null },
  { article: W('analysis'), sentence: 'According to the Institute for the Study of War', party: null },

  // Written: the Jeddah talks (a quotation continued, a delegation, "according to" a report, an unknown negotiator)
  { article: W('jeddah-talks'), sentence: '“Russia must stop the strikes first,”', party: 'ukraine', speaker: 'Umerov', topics: [] },
  { article: W('jeddah-talks'), sentence: '“Then we can talk about everything else.”', party: 'ukraine', speaker: 'Umerov', topics: [] },
  { article: W('jeddah-talks'), sentence: 'The Ukrainian delegation also proposed', party: 'ukraine', speaker: 'Ukrainian delegation', topics: [] },
  { article: W('jeddah-talks'), sentence: 'According to the Ukrainian foreign ministry, 175 prisoners', party: null },
  { article: W('jeddah-talks'), sentence: 'Russia’s negotiators, led by Vladimir Medinsky, called', party: 'russia', speaker: 'Russia’s negotiators', topics: ['ceasefire'] },
  { article: W('jeddah-talks'), sentence: 'Medinsky said Moscow was in no hurry.', party: 'russia', speaker: 'Medinsky', topics: [] },

  // Written: the energy truce (two parties in one sentence, accusations, a denial by another party)
  { article: W('energy-truce'), sentence: 'Both Moscow and Kyiv said', party: 'russia', speaker: 'Moscow', topics: ['energy', 'ceasefire'] },
  { article: W('energy-truce'), sentence: 'Both Moscow and Kyiv said', party: 'ukraine', speaker: 'Kyiv', topics: ['energy', 'ceasefire'] },
  { article: W('energy-truce'), sentence: 'Lavrov and Rubio spoke by phone on Sunday', party: 'russia', speaker: 'Lavrov', topics: ['black-sea'] },
  { article: W('energy-truce'), sentence: 'Lavrov and Rubio spoke by phone on Sunday', party: 'united-states', speaker: 'Rubio', topics: ['black-sea'] },
  { article: W('energy-truce'), sentence: 'Zelensky accused Russia of violating', party: 'ukraine', speaker: 'Zelensky', topics: ['energy', 'monitoring'] },
  { article: W('energy-truce'), sentence: 'The Kremlin said Ukraine had attacked a gas station', party: 'russia', speaker: 'the Kremlin', topics: ['kursk'] },
  { article: W('energy-truce'), sentence: 'The Kremlin said Ukraine had attacked a gas station', party: 'ukraine', speaker: 'Kyiv', topics: ['kursk'] },
  { article: W('energy-truce'), sentence: 'Peskov did not rule out a meeting', party: 'russia', speaker: 'Peskov', topics: ['us-russia'] },
  { article: W('energy-truce'), sentence: 'Turkey offered to host', party: null },

  // Written: looking back (statements the text dates before its publication)
  { article: W('looking-back'), sentence: 'Back in 2019, Zelensky promised voters', party: 'ukraine', speaker: 'Zelensky', topics: ['ceasefire'] },
  { article: W('looking-back'), sentence: 'Three years ago, Lavrov denied', party: 'russia', speaker: 'Lavrov', topics: [] },
  { article: W('looking-back'), sentence: 'Last week, Peskov said the Kremlin welcomed', party: 'russia', speaker: 'Peskov', topics: [] },
  { article: W('looking-back'), sentence: 'On Monday, Sybiha told his Polish counterpart', party: 'ukraine', speaker: 'Sybiha', topics: [] },
];
