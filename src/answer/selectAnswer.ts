import { passageText, type Article, type Passage, type Sentence } from '../corpus/article';
import type { PassageHit, SearchEngine } from '../engine/engine';
import type { QueryTerm } from '../engine/query';

/** Options of answer selection; the defaults at the bottom of the file say why. */
export interface AnswerOptions {
  maxSentences: number;
  /** How many of the best passages supply candidate sentences. */
  candidatePassages: number;
  /** The share of the question (by IDF weight) a sentence must cover to be quoted as an answer. */
  minCoverage: number;
  /** Credit for a question word found in the sentence's paragraph or section heading rather than in the sentence. */
  contextCredit: number;
  /** Question words at least this rare, relative to the rarest, are decisive: a quote must cover every one. */
  decisiveRarity: number;
  /** Further sentences must cover at least this share of what the best one covers. */
  followerCoverage: number;
  /** Two sentences sharing this share of their terms say the same thing: keep one. */
  maxOverlap: number;
  /** Closest passages offered, clearly labelled, when abstaining. */
  relatedPassages: number;
}

export interface QuotedSentence {
  article: Article;
  passage: Passage;
  sentence: Sentence;
  /** Share of the question's weight this sentence covers, 0–1. */
  coverage: number;
  score: number;
}

export interface Answer {
  abstained: boolean;
  /** Why it abstained, in words for the user. */
  reason: string | null;
  sentences: QuotedSentence[];
  /** Question words that no article contains. */
  notFound: string[];
  /** When abstaining: the closest sentences, which do not answer the question. */
  related: QuotedSentence[];
}

/**
 * Picks 1–3 verbatim sentences that answer the question, or abstains.
 *
 * A sentence is quoted only if it covers most of what the question is about, weighted by
 * how rare each word is: "What did Putin say about Messi?" matches many sentences about
 * Putin, but none covers "Messi", the rare and decisive word, so Parley says so.
 */
export function selectAnswer(engine: SearchEngine, question: string, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): Answer {
  const terms = engine.analyze(question);
  const ownTerms = terms.filter((t) => t.standsFor.length === 0);
  if (ownTerms.length === 0) {
    return abstain('The question has no words to search for: ask about a person, place or topic.', [], []);
  }

  const weights = new Map(ownTerms.map((t) => [t.term, engine.idf(t.term)]));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const notFound = ownTerms.filter((t) => engine.documentFrequency(t.term) === 0).flatMap((t) => t.words);

  const maxWeight = Math.max(...weights.values());
  const decisive = [...weights].filter(([, w]) => w >= options.decisiveRarity * maxWeight).map(([term]) => term);

  // A quotable sentence needs every decisive word (or an alias of it) in itself or its
  // paragraph, so only paragraphs holding them all are candidates; when there are none, the
  // closest are those holding some.
  const groups = decisive.map((term) => terms.filter((t) => t.term === term || t.standsFor.includes(term)));
  const complete = engine.searchPassagesWithAll(groups, options.candidatePassages);
  const hits = complete.length > 0 ? complete : engine.searchPassages(groups.flat(), options.relatedPassages);
  const bestPassageScore = hits[0]?.score ?? 1;
  const candidates = hits.flatMap((hit) => {
    const context = new Set(engine.analyzer.terms(`${hit.passage.heading ?? ''} ${passageText(hit.passage)}`));
    return hit.passage.sentences.map((sentence): Candidate => {
      const present = new Set(engine.analyzer.terms(sentence.text));
      const credit = creditOf(present, context, terms, options.contextCredit);
      let covered = 0;
      for (const [term, weight] of weights) covered += weight * (credit.get(term) ?? 0);
      const coverage = covered / totalWeight;
      const eligible = coverage >= options.minCoverage && decisive.every((term) => credit.has(term));
      // The passage's rank breaks ties between sentences that cover the same words.
      const score = coverage + 0.25 * (hit.score / bestPassageScore) - lengthPenalty(sentence.text);
      return { article: hit.article, passage: hit.passage, sentence, coverage, score, eligible, terms: present };
    });
  });
  candidates.sort((a, b) => b.score - a.score);

  const best = candidates.find((c) => c.eligible);
  if (!best) {
    const reason =
      notFound.length > 0
        ? `No article in the corpus mentions ${notFound.map((w) => `“${w}”`).join(', ')}.`
        : 'No passage in the corpus covers what the question asks: its key words never occur together.';
    return abstain(reason, notFound, relatedSentences(hits, candidates, options.relatedPassages));
  }

  const chosen: Candidate[] = [best];
  for (const candidate of candidates) {
    if (chosen.length >= options.maxSentences) break;
    if (candidate === best || !candidate.eligible) continue;
    if (candidate.coverage < Math.max(options.minCoverage, best.coverage * options.followerCoverage)) continue;
    if (chosen.some((other) => overlap(candidate.terms, other.terms) >= options.maxOverlap)) continue;
    chosen.push(candidate);
  }
  return { abstained: false, reason: null, sentences: chosen.map(withoutTerms), notFound, related: [] };
}

/**
 * For each question term: 1 if the sentence contains it (or an alias of it), `contextCredit`
 * if only its paragraph does, absent otherwise.
 */
function creditOf(
  sentence: ReadonlySet<string>,
  context: ReadonlySet<string>,
  terms: readonly QueryTerm[],
  contextCredit: number,
): Map<string, number> {
  const credit = new Map<string, number>();
  for (const t of terms) {
    const value = sentence.has(t.term) ? 1 : context.has(t.term) ? contextCredit : 0;
    if (value === 0) continue;
    for (const own of t.standsFor.length === 0 ? [t.term] : t.standsFor) {
      credit.set(own, Math.max(credit.get(own) ?? 0, value));
    }
  }
  return credit;
}

interface Candidate extends QuotedSentence {
  terms: Set<string>;
  /** Covers enough of the question, and every decisive word, to be quoted as an answer. */
  eligible: boolean;
}

const withoutTerms = ({ terms: _terms, eligible: _eligible, ...quoted }: Candidate): QuotedSentence => quoted;

/** Jaccard overlap of two term sets. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Fragments ("Missile strikes are regular.") make poor quotes; among sentences that cover
 * the question alike, the more concise one reads better as an answer.
 */
function lengthPenalty(text: string): number {
  const words = text.split(/\s+/u).length;
  if (words < 6) return 0.15;
  return 0.004 * Math.max(0, words - 15);
}

function relatedSentences(hits: readonly PassageHit[], candidates: readonly Candidate[], limit: number): QuotedSentence[] {
  const out: QuotedSentence[] = [];
  for (const hit of hits) {
    const bestInPassage = candidates.find((c) => c.passage === hit.passage && c.coverage > 0);
    if (bestInPassage) out.push(withoutTerms(bestInPassage));
    if (out.length >= limit) break;
  }
  return out;
}

const abstain = (reason: string, notFound: string[], related: QuotedSentence[]): Answer => ({
  abstained: true,
  reason,
  sentences: [],
  notFound,
  related,
});

/**
 * - maxSentences 3: an answer, not a reading list.
 * - minCoverage 0.6: a quote must carry most of the question's weight; below that the
 *   corpus is talking about something else and Parley abstains.
 * - contextCredit 0.5: "Did Trump and Putin talk about hockey?" is answered by a sentence on
 *   hockey in a paragraph about their call; half credit keeps the sentence itself decisive.
 * - decisiveRarity 0.75: the rarest words of a question are what it is about ("Israel" and
 *   "visit" in "Did Putin visit Israel?"); a quote missing one of them answers another question.
 * - followerCoverage 0.75 and maxOverlap 0.5: extra sentences must be nearly as relevant
 *   as the first and must add something new.
 */
export const DEFAULT_ANSWER_OPTIONS: Readonly<AnswerOptions> = Object.freeze({
  maxSentences: 3,
  candidatePassages: 8,
  minCoverage: 0.6,
  contextCredit: 0.5,
  decisiveRarity: 0.75,
  followerCoverage: 0.75,
  maxOverlap: 0.5,
  relatedPassages: 3,
});
