import type { Article, Sentence } from '../../src/corpus/article';
import { parseArticle } from '../../src/corpus/loader';
import type { Library } from '../../src/library/library';
import { Attributor } from '../../src/positions/attribute';

/**
 * One hand judgement of one sentence: the party whose position it states, who states it and
 * on which topics; or `party: null`, the sentence states no party's position.
 */
export type AttributionLabel =
  | { article: string; sentence: string; party: string; speaker: string; topics: string[] }
  | { article: string; sentence: string; party: null };

/** An article written for the labelled set, as news copy: one string per paragraph. */
export interface WrittenArticle {
  id: string;
  published: string;
  paragraphs: string[];
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
}

export interface SplitScore {
  /** (sentence, party) pairs: of those credited, the share the labels agree with; of those labelled, the share found. */
  party: PrecisionRecall;
  /** The same for (sentence, party, speaker): a pair counts only with its speaker right. */
  speaker: PrecisionRecall;
  /** The topics of the statements found for labelled pairs. */
  topic: PrecisionRecall;
  judgements: number;
  wrong: string[];
  missed: string[];
  wrongSpeaker: string[];
}

export interface AttributionScore {
  all: SplitScore;
  /** Two judgements in three (index 0, 1, 3, 4, …): what tuning may look at. */
  tuning: SplitScore;
  /** Every third judgement (index 2, 5, 8, …): never looked at while tuning. */
  heldOut: SplitScore;
}

type Split = 'tuning' | 'heldOut';

interface Counts {
  predicted: number;
  labelled: number;
  partyRight: number;
  speakerRight: number;
  topicsRight: number;
  topicsFound: number;
  topicsLabelled: number;
  judgements: number;
  wrong: string[];
  missed: string[];
  wrongSpeaker: string[];
}

/**
 * Scores attribution against hand judgements. Every sentence of a labelled article that no
 * judgement lists states no position; it belongs to the held-out third when it is every
 * third sentence of its article (ordinal 2, 5, 8, …), so that both splits have unlisted
 * negatives.
 */
export function scoreAttribution(library: Library, labels: readonly AttributionLabel[], written: readonly WrittenArticle[] = []): AttributionScore {
  const attributor = new Attributor(library.vocabulary.parties);
  const writtenById = new Map(written.map((w) => [w.id, writtenArticle(w)]));
  const articleOf = (id: string): Article => {
    const article = writtenById.get(id) ?? library.engine.article(id);
    if (!article) throw new Error(`labelled article "${id}" is neither in the corpus nor written`);
    return article;
  };
  const articles = [...new Set(labels.map((l) => l.article))].map(articleOf);
  const statements = library.positions.statements(articles);
  const counts: Record<Split, Counts> = { tuning: emptyCounts(), heldOut: emptyCounts() };

  // Each labelled pair, and each judged sentence's split (its first judgement's).
  const pairs = new Map<string, { label: Extract<AttributionLabel, { party: string }>; split: Split }>();
  const sentenceSplit = new Map<Sentence, Split>();
  labels.forEach((label, index) => {
    const split: Split = index % 3 === 2 ? 'heldOut' : 'tuning';
    const sentence = sentenceOf(articleOf(label.article), label);
    if (!sentenceSplit.has(sentence)) sentenceSplit.set(sentence, split);
    counts[split].judgements++;
    if (label.party === null) return;
    pairs.set(`${label.article}|${sentence.text}|${label.party}`, { label, split });
    counts[split].labelled++;
    const statement = statements.find((s) => s.article.id === label.article && s.sentence === sentence && s.party.id === label.party);
    if (!statement) return;
    const topics = statement.topics.map((t) => t.id);
    counts[split].topicsRight += topics.filter((t) => label.topics.includes(t)).length;
    counts[split].topicsFound += topics.length;
    counts[split].topicsLabelled += label.topics.length;
  });

  const found = new Set<string>();
  for (const article of articles) {
    const ordinals = new Map(article.passages.flatMap((p) => p.sentences).map((s, i) => [s, i]));
    for (const { sentence, attributions } of attributor.attribute(article)) {
      // One statement per party and sentence, by its first speaker, as /position shows it.
      for (const a of attributions.filter((x, i) => attributions.findIndex((o) => o.party === x.party) === i)) {
        const key = `${article.id}|${sentence.text}|${a.party.id}`;
        const pair = pairs.get(key);
        const split = pair?.split ?? sentenceSplit.get(sentence) ?? (ordinals.get(sentence)! % 3 === 2 ? 'heldOut' : 'tuning');
        const c = counts[split];
        c.predicted++;
        if (!pair) {
          c.wrong.push(`${key} (${a.speaker})`);
          continue;
        }
        found.add(key);
        c.partyRight++;
        if (sameSpeaker(a.speaker, pair.label.speaker)) c.speakerRight++;
        else c.wrongSpeaker.push(`${key}: ${a.speaker}, labelled ${pair.label.speaker}`);
      }
    }
  }
  for (const [key, { split, label }] of pairs) if (!found.has(key)) counts[split].missed.push(`${key} (${label.speaker})`);

  return { all: score(merge(counts.tuning, counts.heldOut)), tuning: score(counts.tuning), heldOut: score(counts.heldOut) };
}

/** Speakers agree when one names the other: "Kyiv" is "officials in Kyiv", "the Kremlin" is "Kremlin". */
function sameSpeaker(found: string, labelled: string): boolean {
  const [a, b] = [normaliseSpeaker(found), normaliseSpeaker(labelled)];
  return a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

const normaliseSpeaker = (speaker: string): string =>
  speaker
    .toLowerCase()
    .replace(/[’']s\b/gu, '')
    .replace(/^the\s+/u, '')
    .trim();

function writtenArticle(written: WrittenArticle): Article {
  const text = `---\ntitle: "${written.id}"\nsource: "written for the labelled set"\npublished: ${written.published}\n---\n${written.paragraphs.join('\n\n')}\n`;
  const parsed = parseArticle(`${written.id}.md`, text);
  if (!parsed.ok) throw new Error(`written article ${written.id}: ${parsed.problem.problems.join('; ')}`);
  return parsed.article;
}

function sentenceOf(article: Article, label: AttributionLabel): Sentence {
  const matches = article.passages.flatMap((p) => p.sentences).filter((s) => s.text.startsWith(label.sentence));
  if (matches.length !== 1) throw new Error(`label "${label.sentence}" names ${matches.length} sentences of ${label.article}, not one`);
  return matches[0]!;
}

const emptyCounts = (): Counts => ({
  predicted: 0,
  labelled: 0,
  partyRight: 0,
  speakerRight: 0,
  topicsRight: 0,
  topicsFound: 0,
  topicsLabelled: 0,
  judgements: 0,
  wrong: [],
  missed: [],
  wrongSpeaker: [],
});

function merge(a: Counts, b: Counts): Counts {
  const sum = (key: keyof Counts) => (a[key] as number) + (b[key] as number);
  return {
    predicted: sum('predicted'),
    labelled: sum('labelled'),
    partyRight: sum('partyRight'),
    speakerRight: sum('speakerRight'),
    topicsRight: sum('topicsRight'),
    topicsFound: sum('topicsFound'),
    topicsLabelled: sum('topicsLabelled'),
    judgements: sum('judgements'),
    wrong: [...a.wrong, ...b.wrong],
    missed: [...a.missed, ...b.missed],
    wrongSpeaker: [...a.wrongSpeaker, ...b.wrongSpeaker],
  };
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

function score(c: Counts): SplitScore {
  return {
    party: { precision: ratio(c.partyRight, c.predicted), recall: ratio(c.partyRight, c.labelled) },
    speaker: { precision: ratio(c.speakerRight, c.predicted), recall: ratio(c.speakerRight, c.labelled) },
    topic: { precision: ratio(c.topicsRight, c.topicsFound), recall: ratio(c.topicsRight, c.topicsLabelled) },
    judgements: c.judgements,
    wrong: c.wrong,
    missed: c.missed,
    wrongSpeaker: c.wrongSpeaker,
  };
}

/** The scores as the benchmark prints them: one line per split. */
export function formatAttributionScore(score: AttributionScore): string {
  const line = (name: string, s: SplitScore) =>
    `${name} (${s.judgements} judgements): ` +
    `party P ${s.party.precision.toFixed(2)} R ${s.party.recall.toFixed(2)}; ` +
    `speaker P ${s.speaker.precision.toFixed(2)} R ${s.speaker.recall.toFixed(2)}; ` +
    `topic P ${s.topic.precision.toFixed(2)} R ${s.topic.recall.toFixed(2)}`;
  return [line('attribution, held-out third', score.heldOut), line('attribution, tuning two thirds', score.tuning), line('attribution, all', score.all)].join('\n');
}
