import { Random } from '../common/random';

/**
 * Names the generated corpus and the benchmark questions share: the real places the seed
 * articles mention, and made-up surnames and towns that give a large corpus the long tail
 * of rare proper nouns real news has.
 */
export const REAL_PLACES: readonly string[] = [
  'Kursk', 'Sudzha', 'Odesa', 'Kharkiv', 'Zaporizhzhia', 'Donetsk', 'Luhansk', 'Crimea', 'Kherson', 'Donbas',
  'Sevastopol', 'Riyadh', 'Jeddah', 'Istanbul', 'Iran', 'Israel', 'Syria', 'Gaza', 'Belarus', 'Pokrovsk',
];

const SYLLABLES = ['ko', 'va', 'len', 'mir', 'dan', 'sha', 'pet', 'ro', 'zen', 'bor', 'lyu', 'tar', 'ni', 'gor', 'vel', 'ska', 'tem', 'dro', 'hu', 'bak'];
const SURNAME_ENDINGS = ['enko', 'ov', 'ova', 'sky', 'uk', 'ich', 'in', 'berg', 'son', 'ak'];
const TOWN_PREFIXES = ['', '', 'Novo', 'Staro', 'Verkhnyo', 'Mala ', 'Velyka '];
const TOWN_ENDINGS = ['ivka', 'ove', 'sk', 'hrad', 'ka', 'yne', 'ets', 'opil'];

function madeUpNames(count: number, seed: number, prefixes: readonly string[], endings: readonly string[]): string[] {
  const random = new Random(seed);
  const names = new Set<string>();
  while (names.size < count) {
    const stem = Array.from({ length: random.int(1, 2) }, () => random.pick(SYLLABLES)).join('');
    const prefix = random.pick(prefixes);
    const word = `${stem}${random.pick(endings)}`;
    names.add(prefix === '' || prefix.endsWith(' ') ? `${prefix}${capitalise(word)}` : `${prefix}${word}`);
  }
  return [...names];
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export const MADE_UP_SURNAMES: readonly string[] = madeUpNames(3000, 11, [''], SURNAME_ENDINGS);
export const MADE_UP_TOWNS: readonly string[] = madeUpNames(1500, 12, TOWN_PREFIXES, TOWN_ENDINGS);
