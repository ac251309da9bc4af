import type { Article, Passage, Sentence } from '../corpus/article';
import type { SearchEngine } from '../engine/engine';
import { englishTagger } from '../language/partsOfSpeech';
import { QuestionReader, type QuestionReading } from '../question/readQuestion';
import type { AnswerType, Vocabulary } from '../vocabulary/vocabulary';
import { answerability, maxAnswerability, type AnswerabilityModel, type AnswerSignals } from './answerability';
import { AnswerTypes } from './answerTypes';
import { quoteRange, rangeText } from './quoteUnits';

/** Options of answer selection; the defaults at the bottom of the file say why. */
export interface AnswerOptions {
  maxSentences: number;
  /** How many of the best passages supply candidate quotes. */
  candidatePassages: number;
  /** Credit for a question word found only in the quote's paragraph, heading or article title, not in the quote. */
  contextCredit: number;
  /** How many of the best quotes are checked for the kind of answer the question asks for. */
  typedCandidates: number;
  /** Added to a quote's rank when it holds that kind of answer. */
  typeBonus: number;
  /** Further quotes must cover at least this share of what the best one covers. */
  followerCoverage: number;
  /** Two quotes sharing this share of their terms say the same thing: keep one. */
  maxOverlap: number;
  /** Closest quotes offered, clearly labelled, when abstaining. */
  relatedPassages: number;
  /** How the signals make one answerability score (see answerability.ts). */
  answerabilityModel: AnswerabilityModel;
  /** Under this answerability Parley says "not found in the corpus"; -Infinity never abstains (benchmarks). */
  minAnswerability: number;
}

/** One quote of an answer: a sentence, with the neighbours it needs (see quoteRange). */
export interface QuotedSentence {
  article: Article;
  passage: Passage;
  /** The sentences quoted, in their order in the passage. */
  sentences: Sentence[];
  /** The quote, verbatim: its sentences as the passage has them. */
  text: string;
  /** Share of the question's weight the quote covers, 0–1. */
  coverage: number;
  score: number;
}

export interface Answer {
  abstained: boolean;
  /** Why it abstained, in words for the user. */
  reason: string | null;
  sentences: QuotedSentence[];
  /** Question words that no article contains, however read. */
  notFound: string[];
  /** Typed words read as corpus words. */
  corrections: { typed: string; read: string }[];
  /** When abstaining: the closest quotes, which do not answer the question. */
  related: QuotedSentence[];
  /** How likely the corpus answers the question, 0–1, from the signals. */
  answerability: number;
  signals: AnswerSignals | null;
  expects: AnswerType | null;
}

interface Candidate extends QuotedSentence {
  terms: ReadonlySet<string>;
  /** Per term of the reading: the credit the quote earns for it. */
  credits: number[];
  /** Coverage by the question's own words in the quote itself. */
  direct: number;
  typeMatch: boolean;
  /** Position of the quote's first and last sentence in the passage, to keep quotes apart. */
  start: number;
  end: number;
}

/**
 * Answers a question with 1–3 verbatim quotes, or abstains. The question is read first (see
 * QuestionReader); passages are found by its words and their other wordings; every sentence
 * of them, with the neighbours it needs, is scored by how much of the question's weight it
 * covers (its own words in full, other wordings at their credit, words found only around it at
 * `contextCredit`), with a bonus for holding the kind of answer asked for. One answerability
 * score then decides (see answerability.ts): how well the best quote covers the question, by
 * its own words and by all of them, the largest part it leaves out, the names and rare words
 * no article has, and whether it holds the date or number asked for.
 */
export class AnswerSelector {
  readonly #engine: SearchEngine;
  readonly #reader: QuestionReader;
  readonly #vocabulary: Vocabulary;
  #types: AnswerTypes | null = null;
  /** Analysis kept for as long as the decoded articles it belongs to (the engine keeps a few). */
  readonly #sentences = new WeakMap<Sentence, ReadonlySet<string>>();
  readonly #passages = new WeakMap<Passage, ReadonlySet<string>>();
  readonly #titles = new Map<Article, ReadonlySet<string>>();

  constructor(engine: SearchEngine, vocabulary: Vocabulary) {
    this.#engine = engine;
    this.#vocabulary = vocabulary;
    this.#reader = new QuestionReader(engine, vocabulary);
  }

  /**
   * Loads what answering needs and would otherwise load on the first question: the language
   * resources (about 250 ms, one at a time between requests) and the typo lookup over the corpus vocabulary.
   */
  async warm(): Promise<void> {
    await this.#reader.warm();
    this.#answerTypes();
  }

  /** How the question was read: its terms and their forms, the answer expected, typos, unknown words. */
  read(question: string): QuestionReading {
    return this.#reader.read(question);
  }

  select(question: string, options: AnswerOptions = DEFAULT_ANSWER_OPTIONS): Answer {
    const reading = this.#reader.read(question);
    const base = { notFound: reading.absent, corrections: reading.corrections, expects: reading.expects };
    if (reading.terms.length === 0) {
      return { ...base, ...abstention('The question has no words to search for: ask about a person, place or topic.', []), answerability: 0, signals: null };
    }
    const searchTerms = this.#reader.searchTerms(reading);
    // A question hinging on names no article has cannot be answered whatever the passages say: do not read them.
    const hopeless = reading.unknown.length > 0 && this.#bestPossible(reading, options) < options.minAnswerability;
    const hits = searchTerms.length > 0 && !hopeless ? this.#engine.searchPassages(searchTerms, options.candidatePassages) : [];
    const candidates = this.#candidates(hits, reading, options);
    const best = candidates[0];
    const { total, unknown, absentShare } = questionFigures(reading);
    const signals: AnswerSignals | null = best
      ? {
          coverage: best.coverage,
          largestGap: Math.max(0, ...reading.terms.map((t, i) => (t.importance * (1 - best.credits[i]!)) / total)),
          directCoverage: best.direct,
          unknown,
          absentShare,
          otherOccasion: reading.otherOccasion ? 1 : 0,
          explained: this.#explained(reading),
          strictType: reading.expects !== null && this.#answerTypes().isStrict(reading.expects),
          typeFound: best.typeMatch,
        }
      : null;
    const score = answerability(signals, options.answerabilityModel);

    if (!best || score < options.minAnswerability) {
      const newest = this.#engine.newestPublished();
      const reason =
        reading.unknown.length > 0
          ? `No article in the corpus mentions ${quoteWords(reading.unknown.flatMap((t) => t.words))}.`
          : `No passage in the corpus covers what the question asks${reading.absent.length > 0 ? `, and no article mentions ${quoteWords(reading.absent)}` : ''}.${
              // Say why a question in the articles' own words goes unanswered: it is about another occasion.
              reading.otherOccasion && newest !== null ? ` It seems to ask about another occasion than the articles report; the newest is from ${newest}.` : ''
            }`;
      // Passages about the rest of a question that hinges on a name no article has would only mislead.
      const related = reading.unknown.length > 0 ? [] : distinct(candidates.filter((c) => c.coverage > 0), options.relatedPassages, options.maxOverlap);
      return { ...base, ...abstention(reason, related), answerability: score, signals };
    }

    const chosen = this.#chosen(candidates, options);
    return { ...base, abstained: false, reason: null, sentences: chosen.map(quoted), related: [], answerability: score, signals };
  }

  /** The quotes of an answer: the best, then those nearly as relevant that add something new. */
  #chosen(candidates: readonly Candidate[], options: AnswerOptions): Candidate[] {
    const best = candidates[0]!;
    const chosen: Candidate[] = [best];
    for (const candidate of candidates) {
      if (chosen.length >= options.maxSentences) break;
      if (candidate === best || candidate.coverage < best.coverage * options.followerCoverage) continue;
      if (chosen.some((other) => sameQuote(candidate, other, options.maxOverlap))) continue;
      chosen.push(candidate);
    }
    return chosen;
  }

  /** Every quote the passages offer, best first. */
  #candidates(hits: ReturnType<SearchEngine['searchPassages']>, reading: QuestionReading, options: AnswerOptions): Candidate[] {
    const totalImportance = reading.terms.reduce((sum, t) => sum + t.importance, 0);
    const bestPassageScore = hits[0]?.score ?? 1;
    const candidates: Candidate[] = [];
    for (const hit of hits) {
      // Around the quote: its paragraph and heading, the paragraphs either side of it ("Ceasefire here…" follows the one it means), the article's title.
      const around = [hit.article.passages[hit.passage.index - 1], hit.passage, hit.article.passages[hit.passage.index + 1]]
        .filter((p): p is Passage => p !== undefined)
        .map((p) => this.#passageTerms(p));
      const title = this.#titleTerms(hit.article);
      const inContext = (term: string): boolean => title.has(term) || around.some((terms) => terms.has(term));
      const seen = new Set<string>();
      hit.passage.sentences.forEach((_, index) => {
        const { start, end } = quoteRange(hit.passage, index);
        if (seen.has(`${start}-${end}`)) return;
        seen.add(`${start}-${end}`);
        const sentences = hit.passage.sentences.slice(start, end + 1);
        const terms = start === end ? this.#sentenceTerms(sentences[0]!) : new Set(sentences.flatMap((sentence) => [...this.#sentenceTerms(sentence)]));
        let covered = 0;
        let direct = 0;
        const credits = reading.terms.map((asked) => {
          let credit = 0;
          for (const form of asked.forms) {
            let inQuote = 0;
            let nearby = 0;
            for (const t of form.terms) {
              if (terms.has(t)) inQuote++;
              else if (inContext(t)) nearby++;
            }
            const share = inQuote / form.terms.length;
            credit = Math.max(credit, form.credit * Math.max(share, options.contextCredit * (share + nearby / form.terms.length)));
            if ((form.via === 'asked' || form.via === 'typo') && share === 1) direct += asked.importance;
          }
          covered += asked.importance * credit;
          return credit;
        });
        const coverage = totalImportance > 0 ? covered / totalImportance : 0;
        const text = rangeText(hit.passage, start, end);
        const score = coverage + RANK_SHARE * (hit.score / bestPassageScore) - lengthPenalty(text);
        candidates.push({
          article: hit.article,
          passage: hit.passage,
          sentences,
          text,
          coverage,
          score,
          terms,
          credits,
          direct: totalImportance > 0 ? direct / totalImportance : 0,
          typeMatch: false,
          start,
          end,
        });
      });
    }
    candidates.sort((a, b) => b.score - a.score);
    if (reading.expects) {
      const types = this.#answerTypes();
      const asked = { terms: new Set(reading.terms.flatMap((t) => [t.term, ...t.forms.flatMap((f) => f.terms)])), isName: (word: string) => this.#reader.isName(word) };
      for (const candidate of candidates.slice(0, options.typedCandidates)) {
        const place = { paragraph: candidate.passage.index, paragraphs: candidate.article.passages.length };
        candidate.typeMatch = types.holds(reading.expects, candidate.text, asked, place);
        if (candidate.typeMatch) candidate.score += options.typeBonus;
      }
      candidates.sort((a, b) => b.score - a.score);
    }
    return candidates;
  }

  /** The highest answerability any quote could give the question (see maxAnswerability). */
  #bestPossible(reading: QuestionReading, options: AnswerOptions): number {
    const { total, unknown, absentShare } = questionFigures(reading);
    const formless = reading.terms.filter((t) => t.forms.length === 0);
    return maxAnswerability(
      {
        unknown,
        absentShare,
        otherOccasion: reading.otherOccasion ? 1 : 0,
        explained: this.#explained(reading),
        coverageCeiling: 1 - formless.reduce((sum, t) => sum + t.importance, 0) / total,
        gapFloor: Math.max(0, ...formless.map((t) => t.importance / total)),
      },
      options.answerabilityModel,
    );
  }

  /** Whether the question asks for an explanation (`explained` in config/question-frames.yml). */
  #explained(reading: QuestionReading): boolean {
    return reading.expects !== null && this.#answerTypes().isExplained(reading.expects);
  }

  /** A sentence's terms, analysed once while its article stays decoded. */
  #sentenceTerms(sentence: Sentence): ReadonlySet<string> {
    let terms = this.#sentences.get(sentence);
    if (!terms) {
      terms = new Set(this.#engine.analyzer.terms(sentence.text));
      this.#sentences.set(sentence, terms);
    }
    return terms;
  }

  /** A passage's terms, its heading's included. */
  #passageTerms(passage: Passage): ReadonlySet<string> {
    let terms = this.#passages.get(passage);
    if (!terms) {
      terms = new Set([...this.#engine.analyzer.terms(passage.heading ?? ''), ...passage.sentences.flatMap((s) => [...this.#sentenceTerms(s)])]);
      this.#passages.set(passage, terms);
    }
    return terms;
  }

  /** The terms of an article's title and perspective, as its passages' title field holds them. */
  #titleTerms(article: Article): ReadonlySet<string> {
    let terms = this.#titles.get(article);
    if (!terms) {
      terms = new Set(this.#engine.analyzer.terms(`${article.title} ${article.perspective ?? ''}`));
      // Articles live as long as the corpus: keep the last few, not one set per article ever asked about.
      if (this.#titles.size >= TITLES_KEPT) this.#titles.delete(this.#titles.keys().next().value!);
      this.#titles.set(article, terms);
    }
    return terms;
  }

  #answerTypes(): AnswerTypes {
    this.#types ??= new AnswerTypes(this.#vocabulary.questionFrames, this.#engine.analyzer, englishTagger());
    return this.#types;
  }
}

/** What answerability knows of a question before any quote: its total weight, its unknown words' specificity, its share of absent words. */
function questionFigures(reading: QuestionReading): { total: number; unknown: number; absentShare: number } {
  const total = reading.terms.reduce((sum, t) => sum + t.importance, 0) || 1;
  return {
    total,
    unknown: reading.unknown.reduce((sum, t) => sum + t.specificity, 0),
    absentShare: reading.terms.filter((t) => !t.present).reduce((sum, t) => sum + t.importance * (EVERYDAY_ABSENT_SHARE + (1 - EVERYDAY_ABSENT_SHARE) * t.specificity), 0) / total,
  };
}

/** The same passage's overlapping sentences, or much the same words: one quote says what the other does. */
function sameQuote(a: Candidate, b: Candidate, maxOverlap: number): boolean {
  if (a.passage === b.passage && a.start <= b.end && b.start <= a.end) return true;
  return overlap(a.terms, b.terms) >= maxOverlap;
}

/** Jaccard overlap of two term sets. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** The first `limit` quotes that do not repeat one another. */
function distinct(candidates: readonly Candidate[], limit: number, maxOverlap: number): QuotedSentence[] {
  const out: Candidate[] = [];
  for (const candidate of candidates) {
    if (out.length >= limit) break;
    if (!out.some((other) => sameQuote(candidate, other, maxOverlap))) out.push(candidate);
  }
  return out.map(quoted);
}

const quoted = ({ article, passage, sentences, text, coverage, score }: Candidate): QuotedSentence => ({ article, passage, sentences, text, coverage, score });

const abstention = (reason: string, related: QuotedSentence[]) => ({ abstained: true, reason, sentences: [], related });

const quoteWords = (words: readonly string[]): string => words.map((w) => `“${w}”`).join(', ');

/**
 * Fragments ("Missile strikes are regular.") and the lead-in of a list ("The phone call
 * resulted in the following agreements:") make poor quotes; among quotes that cover the
 * question alike, the more concise one reads better as an answer.
 */
function lengthPenalty(text: string): number {
  const words = text.split(/\s+/u).length;
  if (words < 6 || text.endsWith(':')) return 0.15;
  return 0.004 * Math.max(0, words - 15);
}

/**
 * How much an everyday word no article has counts against answering, beside a name no article
 * has: half of what its weight says. Its weight is already a quarter of a name's
 * (`absentCommonShare` of the reading), so it counts an eighth of a name in all. The corpus may
 * say it otherwise ("root causes" as "original causes"), while a missing name is missing.
 * Chosen on the tuning split (0.25–0.6 score alike; 1 let one everyday word tip a question).
 */
const EVERYDAY_ABSENT_SHARE = 0.5;

/** Articles whose title terms are kept: those of a few questions' passages. */
const TITLES_KEPT = 64;

/** Weight of the passage's own rank, which breaks ties between quotes covering the same words. */
const RANK_SHARE = 0.25;

/**
 * - maxSentences 3: an answer, not a reading list.
 * - candidatePassages 12: the answer is nearly always in the best few passages; more only
 *   adds weaker quotes to check.
 * - contextCredit 0.5: "Did Trump and Putin talk about hockey?" is answered by a sentence on
 *   hockey in a paragraph about their call (or next to one); half credit keeps the quote
 *   itself decisive.
 * - typedCandidates 30 and typeBonus 0.15: the kind of answer asked for ("how long" → a
 *   duration) decides between quotes that cover the question about as well.
 * - followerCoverage 0.75 and maxOverlap 0.5: extra quotes must be nearly as relevant
 *   as the first and must add something new.
 * - answerabilityModel and minAnswerability: fitted and chosen on the tuning split of the QA
 *   benchmark (`npm run -s bench:qa -- --fit`). The threshold refuses 97% of the tuning
 *   split's unanswerable questions: the lowest share that, chosen on four fifths of them,
 *   still refuses 95% of the fifth it did not see (see the README, "How Parley decides to
 *   answer").
 */
export const DEFAULT_ANSWER_OPTIONS: Readonly<AnswerOptions> = Object.freeze({
  maxSentences: 3,
  candidatePassages: 12,
  contextCredit: 0.5,
  typedCandidates: 30,
  typeBonus: 0.15,
  followerCoverage: 0.75,
  maxOverlap: 0.5,
  relatedPassages: 3,
  answerabilityModel: Object.freeze({
    bias: 0.617,
    weights: Object.freeze({ coverage: 3.258, directCoverage: -1.522, largestGap: -3.551, unknown: -1.209, absentShare: -2.185, typeMissing: -3.552, otherOccasion: -3.839, explained: 2.01 }),
  }),
  minAnswerability: 0.823,
});

