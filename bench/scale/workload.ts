import type { Vocabulary } from '../../src/vocabulary/vocabulary';
import { MADE_UP_SURNAMES, MADE_UP_TOWNS, REAL_PLACES } from './names';
import { Random } from '../common/random';

/** Topics the seed articles discuss, so most questions have answers in a generated corpus. */
const TOPICS = [
  'the 30-day ceasefire', 'energy infrastructure', 'sanctions', 'the Black Sea', 'prisoner exchanges', 'arms shipments',
  'monitoring the ceasefire', 'elections', 'NATO membership', 'security guarantees', 'drone attacks', 'Iran',
  'hockey matches', 'economic deals', 'the Kursk offensive', 'military aid', 'intelligence sharing', 'peacekeepers',
  'frozen assets', 'the energy truce', 'mobilisation', 'territorial concessions', 'rare earth minerals', 'the front line',
];

/** What users ask about things no article covers: a share of the workload must abstain. */
const OFF_TOPIC = [
  'Who won the football world cup?', 'What is the capital of France?', 'Tell me about Bitcoin', 'What is the weather in Paris?',
  'Who is the best tennis player?', 'What did Putin say about Messi?', 'Did Trump visit the Moon?', 'How do I bake bread?',
];

/** What the benchmarked commands are asked: the same on every run and for every corpus size. */
export interface Workload {
  questions: string[];
  /** Party ids from the vocabulary (russia, ukraine, …). */
  parties: string[];
  people: string[];
  topics: string[];
}

export function benchmarkWorkload(vocabulary: Vocabulary, questionCount = 300): Workload {
  return {
    questions: benchmarkQuestions(vocabulary, questionCount),
    parties: vocabulary.parties.map((party) => party.id),
    people: vocabulary.parties.flatMap((party) => party.people.map((person) => person.name)),
    topics: [...TOPICS],
  };
}

/**
 * A varied set of questions: who said what about which topic, what happened where, counts,
 * two-party questions and off-topic ones, over real and made-up names.
 */
function benchmarkQuestions(vocabulary: Vocabulary, count: number): string[] {
  const random = new Random(2025);
  const people = [...vocabulary.parties.flatMap((party) => party.people.map((person) => person.name)), ...MADE_UP_SURNAMES.slice(0, 50)];
  const parties = vocabulary.parties.flatMap((party) => party.names);
  const places = [...REAL_PLACES, ...MADE_UP_TOWNS.slice(0, 30)];
  const templates: (() => string)[] = [
    () => `What did ${random.pick(people)} say about ${random.pick(TOPICS)}?`,
    () => `What did the ${random.pick(parties)} demand about ${random.pick(TOPICS)}?`,
    () => `What happened in ${random.pick(places)}?`,
    () => `Did ${random.pick(people)} and ${random.pick(people)} talk about ${random.pick(TOPICS)}?`,
    () => `How many drones attack ${random.pick(places)} each night?`,
    () => `What is the position of ${random.pick(parties)} on ${random.pick(TOPICS)}?`,
    () => `${random.pick(TOPICS)} ${random.pick(places)}`,
    () => random.pick(OFF_TOPIC),
  ];
  return Array.from({ length: count }, () => random.pick(templates)());
}
