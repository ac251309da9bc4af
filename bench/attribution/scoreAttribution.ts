import type { Library } from '../../src/library/library';
import { Attributor } from '../../src/positions/attribute';

/** One hand label: the start of a sentence, in an article, and the parties and topics it states. */
export interface AttributionLabel {
  article: string;
  sentence: string;
  parties: string[];
  topics: string[];
}

export interface AttributionScore {
  /** Of the (sentence, party) pairs the attributor credits, the share the labels agree with. */
  precision: number;
  /** Of the labelled (sentence, party) pairs, the share the attributor finds. */
  recall: number;
  /** The same for the topics of the statements found. */
  topicPrecision: number;
  topicRecall: number;
  wrong: string[];
  missed: string[];
}

/**
 * Scores attribution against hand labels covering every sentence of the labelled articles:
 * a sentence not labelled states no party's position.
 */
export function scoreAttribution(library: Library, labels: readonly AttributionLabel[]): AttributionScore {
  const attributor = new Attributor(library.vocabulary.parties);
  const labelled = new Set<string>();
  const articles = new Set(labels.map((l) => l.article));
  for (const label of labels) {
    const sentence = sentenceOf(library, label);
    for (const party of label.parties) labelled.add(`${label.article}|${sentence}|${party}`);
  }
  const predicted = new Set<string>();
  for (const id of articles) {
    for (const { sentence, attributions } of attributor.attribute(library.engine.article(id)!)) {
      for (const a of attributions) predicted.add(`${id}|${sentence.text}|${a.party.id}`);
    }
  }
  const correct = [...predicted].filter((p) => labelled.has(p)).length;

  let [topicsRight, topicsFound, topicsLabelled] = [0, 0, 0];
  const statements = library.positions.statements([...articles].map((id) => library.engine.article(id)!));
  for (const label of labels) {
    const sentence = sentenceOf(library, label);
    const statement = statements.find((s) => s.article.id === label.article && s.sentence.text === sentence);
    if (!statement) continue;
    const topics = statement.topics.map((t) => t.id);
    topicsRight += topics.filter((t) => label.topics.includes(t)).length;
    topicsFound += topics.length;
    topicsLabelled += label.topics.length;
  }
  return {
    precision: predicted.size === 0 ? 1 : correct / predicted.size,
    recall: labelled.size === 0 ? 1 : correct / labelled.size,
    topicPrecision: topicsFound === 0 ? 1 : topicsRight / topicsFound,
    topicRecall: topicsLabelled === 0 ? 1 : topicsRight / topicsLabelled,
    wrong: [...predicted].filter((p) => !labelled.has(p)),
    missed: [...labelled].filter((l) => !predicted.has(l)),
  };
}

function sentenceOf(library: Library, label: AttributionLabel): string {
  const article = library.engine.article(label.article);
  const matches = article?.passages.flatMap((p) => p.sentences).filter((s) => s.text.startsWith(label.sentence)) ?? [];
  if (matches.length !== 1) throw new Error(`label "${label.sentence}" names ${matches.length} sentences of ${label.article}, not one`);
  return matches[0]!.text;
}
