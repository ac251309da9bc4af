import type { NewsStory } from './newsPages';

/** Invented coverage for the fake site. Each story has words no seed article uses, to ask about. */

export const BLACK_SEA_TALKS: NewsStory = {
  path: '/2025/03/26/black-sea-truce-talks-resume-in-riyadh',
  siteName: 'The Kyiv Ledger',
  headline: 'Black Sea truce talks to resume in Riyadh, Rubio says',
  author: 'Olena Marchenko',
  published: '2025-03-26T08:15:00+02:00',
  section: 'Diplomacy',
  tags: ['Black Sea', 'Riyadh talks', 'shipping'],
  body: [
    'Secretary of State Marco Rubio said on Wednesday that technical talks on a Black Sea maritime truce would resume in Riyadh next week, with Turkish officials invited to observe.',
    'Rubio told reporters that the United States wanted an inspection regime for merchant ships calling at Odesa and Novorossiysk before any truce took effect.',
    'Ukrainian negotiators have insisted that naval drones remain outside the scope of the agreement, a position Moscow rejects.',
    '## Sanctions relief',
    'The Kremlin has tied its signature to the reconnection of Rosselkhozbank to the SWIFT payment system, a demand European capitals have so far refused.',
    'Dmitry Peskov said the Russian side was ready to discuss the monitoring of shipping lanes:',
    '- joint inspection of cargo in Turkish ports',
    '- a hotline between the two navies',
    '- an observer mission led by Ankara',
    'Diplomats in Ankara cautioned that no date had been fixed for a signing ceremony.',
  ],
};

export const REASSURANCE_FORCE: NewsStory = {
  path: '/analysis/europe-weighs-reassurance-force',
  siteName: 'Baltic Policy Monitor',
  headline: 'Europe weighs a reassurance force for the ceasefire line',
  author: 'Tomas Vaitkus',
  published: '2025-03-27T17:40:00Z',
  section: 'Analysis',
  tags: ['Europe', 'security guarantees'],
  schemaType: 'AnalysisNewsArticle',
  body: [
    'British and French military planners met in Paris this week to sketch a reassurance force that would deploy only after a ceasefire is signed.',
    'Officials described a force of up to twenty thousand troops stationed far from the contact line, backed by air patrols over western Ukraine.',
    'Moscow has said it would treat any European contingent as a legitimate target, and Washington has declined to promise a backstop.',
    'Several northern governments argue that without an American backstop the reassurance force would deter nothing and risk drawing Europe into the war.',
    'Planners expect to present options to defence ministers before the summer, but no country has yet committed troops.',
  ],
};

export const PRISONER_EXCHANGE: NewsStory = {
  path: '/wire/2025/03/28/prisoner-exchange-frees-175',
  siteName: 'Meridian Wire',
  headline: 'Prisoner exchange frees 175 soldiers on each side',
  author: 'Meridian Wire staff',
  published: '2025-03-28T11:05:00Z',
  section: 'World',
  tags: ['prisoners', 'UAE mediation'],
  body: [
    'Russia and Ukraine each released 175 prisoners of war on Friday in an exchange brokered by the United Arab Emirates, officials on both sides said.',
    'The Emirati foreign ministry said the swap was the thirteenth it had mediated since the start of the war and that talks on a further exchange were under way.',
    'President Volodymyr Zelensky said the returning soldiers included defenders of Mariupol who had spent nearly three years in captivity.',
    'Russia\'s defence ministry said its servicemen would be flown to Moscow for medical treatment and rehabilitation.',
  ],
};

/** The same wire story as a partner site publishes it: other URL, other chrome, same text. */
export const PRISONER_EXCHANGE_PARTNER_COPY: NewsStory = {
  ...PRISONER_EXCHANGE,
  path: '/partner/world/prisoner-swap-175-each',
  siteName: 'Danube Daily',
  author: 'Meridian Wire',
  section: 'Europe',
  tags: [],
};

export const ENERGY_MORATORIUM: NewsStory = {
  path: '/analysis/energy-moratorium-first-week',
  siteName: 'Baltic Policy Monitor',
  headline: 'The energy strike moratorium in its first week',
  author: 'Ieva Kalnina',
  published: '2025-03-25T09:00:00Z',
  section: 'Analysis',
  tags: ['energy strikes'],
  body: [
    'A week after the moratorium on strikes against energy infrastructure was announced, both Kyiv and Moscow accuse each other of breaking it.',
    'Ukrenergo reported a drone strike on a substation near Kramatorsk on the second day of the pause, which Russian officials denied.',
    'Russia says Ukrainian drones damaged a gas metering station at Sudzha, a claim Ukraine called a staged provocation.',
    'Without agreed monitors, analysts say, each side will keep its own tally of violations and the pause will erode.',
  ],
};

export const PAYWALLED_STORY: NewsStory = {
  path: '/premium/inside-the-riyadh-delegation',
  siteName: 'The Kyiv Ledger',
  headline: 'Inside the Riyadh delegation',
  author: 'Olena Marchenko',
  published: '2025-03-27T06:00:00Z',
  section: 'Premium',
  tags: [],
  paywalled: true,
  body: [
    'When the American delegation arrived in Riyadh, its members had not agreed among themselves on what a maritime truce should cover.',
    'Two officials described a late-night argument over naval drones.',
  ],
};

/** A generated story for load tests: each has its own place name, so each text differs. */
export function bulkStory(n: number): NewsStory {
  const place = placeName(n);
  return {
    path: `/bulk/${n}`,
    siteName: 'Regional Desk',
    headline: `Council of ${place} reports on the ceasefire, dispatch ${n}`,
    author: 'Regional Desk',
    published: `2025-04-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00Z`,
    section: 'Regions',
    tags: [],
    body: [
      `The council of ${place} said on Monday that residents had spent a quiet night, dispatch ${n} reports.`,
      `Officials in ${place} said repair crews had restored power to the water pumping station and that schools would reopen next week.`,
      `The head of the ${place} council said residents remained wary because previous pauses had not lasted more than a few days.`,
      `Volunteers in ${place} continued to hand out drinking water and generators, and the council asked for more trucks to clear debris.`,
    ],
  };
}

/** "Zorvakine", "Zorvbeline", …: a distinct invented place name for each number. */
export function placeName(n: number): string {
  const syllables = ['ka', 'be', 'lo', 'mi', 'nu', 'ra', 'se', 'to', 'vi', 'du'];
  const digits = String(n).split('').map((d) => syllables[Number(d)]!);
  return `Zorv${digits.join('')}ne`;
}
