/**
 * Which sentences of the five seed articles state which party's position, on which topics —
 * labelled by hand, sentence by sentence, independently of what the attributor does.
 * Every sentence not listed here states no party's position (a mention, the author's own
 * analysis or speculation, an unnamed "both sides").
 *
 * `sentence` is the start of the sentence, long enough to be unique in its article.
 */
import type { AttributionLabel } from '../../bench/attribution/scoreAttribution';

const PUTIN_PRESSER = '2025-03-13-putin-conditional-support-for-30-day-cease-fire';
const CALL = '2025-03-18-trump-putin-call-on-ukraine-ceasefire';
const RUSSIAN_VIEW = '2025-03-19-goodbye-compartmentalization-putin-trump-call';
const CAUTION = '2025-03-20-trumps-ceasefire-push-meets-putins-caution';

export const LABELLED_STATEMENTS: readonly AttributionLabel[] = [
  // Putin's 13 March press conference, live commentary
  { article: PUTIN_PRESSER, sentence: 'Earlier today, the Wall Street Journal reported that Russian negotiators rejected', parties: ['russia'], topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Putin just voiced very preliminary and conditional support', parties: ['russia'], topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'He said “we definitely support” the idea', parties: ['russia'], topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Putin said those questions included the fate of Ukraine’s forces', parties: ['russia'], topics: ['kursk', 'territory'] },
  { article: PUTIN_PRESSER, sentence: 'The open questions, Putin said, also include', parties: ['russia'], topics: ['arms', 'ceasefire', 'monitoring'] },
  { article: PUTIN_PRESSER, sentence: '“The idea itself is the right one, and we support it,” Putin said.', parties: ['russia'], topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: '“But there are questions that we need to discuss', parties: ['russia'], topics: ['ceasefire', 'us-russia'] },
  { article: PUTIN_PRESSER, sentence: '“Around a hundred ‘Shahed’ drones attack Ukraine each night.', parties: ['ukraine'], topics: [] },
  { article: PUTIN_PRESSER, sentence: 'Missile strikes are regular.', parties: ['ukraine'], topics: [] },
  { article: PUTIN_PRESSER, sentence: 'Some of our civilian infrastructure and ports have been hit', parties: ['ukraine'], topics: ['energy'] },
  { article: PUTIN_PRESSER, sentence: '“The key factor is our partners’ ability', parties: ['ukraine'], topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Because right now, Russian strikes have not stopped.”', parties: ['ukraine'], topics: [] },
  { article: PUTIN_PRESSER, sentence: 'On Wednesday, Putin received an update in Kursk', parties: ['russia'], topics: ['kursk', 'territory'] },
  { article: PUTIN_PRESSER, sentence: '“The Kyiv regime planned to create a so-called strategic foothold', parties: ['russia'], topics: ['kursk'] },
  { article: PUTIN_PRESSER, sentence: '“These plans have fallen through.”', parties: ['russia'], topics: ['kursk'] },
  { article: PUTIN_PRESSER, sentence: 'If they had, then Putin wouldn’t have demanded a withdrawal from Kursk', parties: ['russia'], topics: ['kursk', 'territory'] },
  { article: PUTIN_PRESSER, sentence: 'The Russian president asks who will decide', parties: ['russia'], topics: ['monitoring', 'ceasefire'] },
  { article: PUTIN_PRESSER, sentence: '“All these issues need to be painstakingly studied by both sides,” he says', parties: ['russia'], topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'Putin says he believes “we need to negotiate', parties: ['russia'], topics: ['us-russia'] },
  { article: PUTIN_PRESSER, sentence: '“The very idea of ending this conflict by peaceful means, we support that.”', parties: ['russia'], topics: ['ceasefire'] },
  { article: PUTIN_PRESSER, sentence: 'However, Putin also suggested that he wants talks to encompass', parties: ['russia'], topics: ['nato-guarantees'] },

  // The 18 March call, pro-Ukrainian analysis
  { article: CALL, sentence: 'Leading up to it, Trump repeatedly hyped up', parties: ['united-states'], topics: ['us-russia'] },
  { article: CALL, sentence: 'This included his repeated but false insistence', parties: ['united-states'], topics: ['kursk'] },
  { article: CALL, sentence: 'A Partial Ceasefire – Russia agreed to halt attacks', parties: ['russia'], topics: ['energy', 'ceasefire'] },
  { article: CALL, sentence: 'A Black Sea Ceasefire Task Force – Both sides agreed', parties: ['russia', 'united-states'], topics: ['black-sea', 'ceasefire'] },
  { article: CALL, sentence: 'In addition, Putin demanded that during any ceasefire', parties: ['russia'], topics: ['ceasefire', 'arms', 'mobilization'] },
  { article: CALL, sentence: 'The statement that the war “should never have started”', parties: ['united-states'], topics: [] },
  { article: CALL, sentence: 'Putin, for his part, made no new offers and reaffirmed maximalist demands:', parties: ['russia'], topics: [] },
  { article: CALL, sentence: 'A full cessation of Western military aid and intelligence sharing with Kyiv', parties: ['russia'], topics: ['arms'] },
  { article: CALL, sentence: 'No Ukrainian mobilization, no armament, and no foreign-backed military presence', parties: ['russia'], topics: ['mobilization', 'arms'] },
  { article: CALL, sentence: 'Assertions that the “Kyiv regime” is incapable of negotiating', parties: ['russia'], topics: [] },
  { article: CALL, sentence: 'Putin continues to insist that any agreement must resolve', parties: ['russia'], topics: ['nato-guarantees'] },
  { article: CALL, sentence: 'The closing paragraph of the U.S. statement emphasizes', parties: ['united-states'], topics: ['sanctions', 'us-russia'] },
  { article: CALL, sentence: 'As EU Commission President Ursula von der Leyen emphasized', parties: ['europe'], topics: ['arms'] },

  // The call seen from Moscow, translated Russian commentary
  { article: RUSSIAN_VIEW, sentence: "The Kremlin's press release used the expression", parties: ['russia'], topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'The Kremlin posted a release about the call', parties: ['russia'], topics: [] },
  { article: RUSSIAN_VIEW, sentence: 'The information from the American side was published', parties: ['united-states'], topics: [] },
  { article: RUSSIAN_VIEW, sentence: 'But the White House evaded the dialogue at the highest level', parties: ['united-states'], topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'This was announced in July 2024 by Sergei Naryshkin', parties: ['russia'], topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: "Back in June 2023, Biden's national security adviser Jake Sullivan", parties: ['united-states'], topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'But Moscow was not satisfied with this approach', parties: ['russia'], topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'The White House has demonstrated that the new US administration is ready', parties: ['united-states'], topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: "The Kremlin's press release says that the conversation", parties: ['russia'], topics: ['iran'] },
  { article: RUSSIAN_VIEW, sentence: 'Leavitt wrote on the social network', parties: ['united-states'], topics: ['iran'] },
  { article: RUSSIAN_VIEW, sentence: "Actually, the Kremlin's press release explicitly states", parties: ['russia'], topics: ['us-russia'] },
  { article: RUSSIAN_VIEW, sentence: 'Ideally, the leadership of the Russian Federation seeks', parties: ['russia'], topics: ['us-russia'] },

  // Trump's push and Putin's caution, analysis
  { article: CAUTION, sentence: 'His team secured what they describe as a limited agreement', parties: ['united-states'], topics: ['energy'] },
  { article: CAUTION, sentence: 'Trump has spun the move as an initial step', parties: ['united-states'], topics: ['ceasefire'] },
  { article: CAUTION, sentence: 'The strategy, transmitted via envoy Steve Witkoff', parties: ['united-states'], topics: ['energy', 'black-sea', 'ceasefire'] },
  { article: CAUTION, sentence: 'On Truth Social, Trump has blended triumphalism', parties: ['united-states'], topics: [] },
  { article: CAUTION, sentence: 'While the Kremlin has confirmed an agreement “in principle”', parties: ['russia'], topics: ['energy'] },
  { article: CAUTION, sentence: 'At a March 13 press conference, Putin called the initiative “correct”', parties: ['russia'], topics: ['ceasefire', 'mobilization', 'arms', 'monitoring'] },
  { article: CAUTION, sentence: 'His post-call statements, distributed via Russian state media', parties: ['russia', 'ukraine'], topics: ['energy', 'ceasefire'] },
  { article: CAUTION, sentence: 'For Ukraine, led by President Volodymyr Zelensky, such terms are anathema.', parties: ['ukraine'], topics: [] },
  { article: CAUTION, sentence: 'Kyiv insists on a full Russian withdrawal', parties: ['ukraine'], topics: ['territory', 'sanctions', 'nato-guarantees'] },
  { article: CAUTION, sentence: 'Zelensky has cautiously welcomed the energy pause', parties: ['ukraine'], topics: ['energy', 'monitoring', 'sanctions'] },
  { article: CAUTION, sentence: 'The White House summary of the Trump-Putin call emphasized', parties: ['united-states', 'europe'], topics: ['us-russia'] },
  { article: CAUTION, sentence: 'The Kremlin’s surreal mention of joint U.S.-Russia hockey matches', parties: ['russia'], topics: ['us-russia'] },
  { article: CAUTION, sentence: 'Putin has already bristled at the notion of foreign peacekeepers.', parties: ['russia'], topics: ['monitoring', 'nato-guarantees'] },
];
