import { setImmediate as yieldToRequests } from 'node:timers/promises';
import damerauLevenshtein from 'damerau-levenshtein';
import type { Analyzer } from '../engine/analysis';
import { ActorAliases } from '../engine/aliases';
import type { SearchEngine } from '../engine/engine';
import type { QueryTerm } from '../engine/query';
import { englishTagger, type EnglishTagger, type PartOfSpeech, type TaggedToken } from '../language/partsOfSpeech';
import { englishWordFrequencies, loadEnglishWordFrequencies, type WordFrequencies } from '../language/wordFrequency';
import { englishWordNet, type WordNet, type WordNetPos } from '../language/wordNet';
import type { AnswerType, Vocabulary } from '../vocabulary/vocabulary';
import { phraseStarts } from '../text/phrases';
import { FrameMatcher } from './frames';
import { OccasionCues } from './occasions';
import { Thesaurus } from './thesaurus';

/** Options of question reading; the defaults at the bottom of the file say why. */
export interface ReadingOptions {
  /** Credit, against 1 for the word itself, of a sentence saying it the way a typo was read. */
  typoCredit: number;
  /** … of an alias (Kremlin for Russia), a phrase of the domain thesaurus, a WordNet synonym. */
  aliasCredit: number;
  thesaurusCredit: number;
  wordNetCredit: number;
  /** … of a word one step more general or more specific in WordNet (hypernym, hyponym). */
  neighbourCredit: number;
  /** How many of a word's commonest WordNet senses give synonyms. */
  wordNetSenses: number;
  /** Zipf value under which a word absent from the corpus is rare enough to be what the question is about. */
  rareZipf: number;
  /** Zipf value under which a word absent from the corpus may be a typo of a corpus word. */
  typoZipf: number;
  /** Zipf value from which a word WordNet does not know is an interjection ("um", "yo"). */
  spokenZipf: number;
  /** Zipf value of the commonest words ("the" is 7.5, "call" 5.9): a word this common weighs `commonWordShare` of its corpus rarity. */
  commonZipf: number;
  commonWordShare: number;
  /** Importance of a common word no article has, against a rare one: some other wording may carry it. */
  absentCommonShare: number;
  /** Specificity of a rare common noun (a name or number has 1). */
  rareNounSpecificity: number;
  /** Credit of a sentence holding another word of the same family as a word the corpus lacks. */
  familyCredit: number;
}

/** One way the corpus may say a term of the question. */
export interface TermForm {
  terms: string[];
  /** Coverage credit of a sentence holding it: 1 for the question's own word. */
  credit: number;
  via: 'asked' | 'typo' | 'family' | 'alias' | 'thesaurus' | 'wordnet';
}

/** A content word of the question (or its reading, for a typo), with the ways the corpus may say it. */
export interface AskedTerm {
  term: string;
  /** The question's words behind it. */
  words: string[];
  /** How much of what the question is about it carries: its rarity in the corpus, or in English when absent. */
  importance: number;
  /** Whether some article holds the term itself (or its typo reading). */
  present: boolean;
  /** How much the question hinges on it, 0–1: 1 for a name or number, less for a rare noun, 0 for everyday words. */
  specificity: number;
  forms: TermForm[];
}

export interface QuestionReading {
  terms: AskedTerm[];
  /** The kind of answer the question's frame asks for, if it names one. */
  expects: AnswerType | null;
  /** Typed words read as corpus words: “kremlim” as “kremlin”. */
  corrections: { typed: string; read: string }[];
  /** Words of the question that no article contains, however read. */
  absent: string[];
  /** Of those, the names, numbers and rare nouns, which no other wording stands for. */
  unknown: AskedTerm[];
  /** It points at another occasion than the ones reported: "the next call", a month after the newest article (see OccasionCues). */
  otherOccasion: boolean;
}

interface Word {
  text: string;
  /** The word as the question writes it ("Orbán"), for messages. */
  shown: string;
  pos: PartOfSpeech;
  /** Written with a capital, not at the start of the question. */
  capitalised: boolean;
  /** Inside quotation marks: what the question is about ("how do you say *'thank you'*"), never filler or frame. */
  quoted: boolean;
  /** Read as the word it is a typo of ("kremlim" as the corpus's "kremlin", "wich" as "which"): the word typed. */
  typed?: string;
}

/**
 * Reads a question the way a person means it: drops chat filler and the frame of the question
 * ("how long", "on what date") and keeps the kind of answer it asks for; reads typos as the
 * corpus words they are near; adds actor aliases, the domain thesaurus and WordNet synonyms;
 * and tells the words the question hinges on (names, numbers, rare words) from everyday ones,
 * by part of speech and general English frequency, so that a missing "Meloni" or "Geneva"
 * means the corpus does not answer while a missing "send" or "plants" does not.
 */
export class QuestionReader {
  readonly #engine: SearchEngine;
  readonly #analyzer: Analyzer;
  readonly #options: ReadingOptions;
  readonly #frames: FrameMatcher;
  readonly #thesaurus: Thesaurus;
  readonly #occasions: OccasionCues;
  readonly #aliases: ActorAliases;
  /** Question words and phrases dropped as filler, as word sequences. */
  readonly #filler: string[][];
  /** Every word a typo of filler could have meant ("abot" for "about"). */
  readonly #fillerWords: string[];
  #loaded: { frequencies: WordFrequencies; tagger: EnglishTagger; wordNet: WordNet } | null = null;

  constructor(engine: SearchEngine, vocabulary: Vocabulary, options: ReadingOptions = DEFAULT_READING_OPTIONS) {
    this.#engine = engine;
    this.#analyzer = engine.analyzer;
    this.#options = options;
    this.#frames = new FrameMatcher(vocabulary.questionFrames, this.#analyzer);
    this.#thesaurus = new Thesaurus(vocabulary.thesaurus, this.#analyzer);
    this.#occasions = new OccasionCues(vocabulary.occasionCues, this.#analyzer);
    this.#aliases = new ActorAliases(vocabulary.parties, this.#analyzer);
    this.#filler = vocabulary.questionWords.map((phrase) => this.#analyzer.words(phrase)).filter((words) => words.length > 0).sort((a, b) => b.length - a.length);
    this.#fillerWords = [...new Set([...this.#filler.flat(), ...vocabulary.questionFrames.flatMap((f) => f.frames.flatMap((p) => this.#analyzer.words(p)))])];
  }

  /**
   * Loads the language resources and the typo lookups (everyday words, the corpus's) now rather than on the first
   * question: one at a time, with the event loop free between them, so that a request
   * arriving meanwhile waits for one piece of one (at most the tagger's model, about 100 ms), not for all of them.
   * The frequencies and both typo lookups are built in slices.
   */
  async warm(): Promise<void> {
    for (const load of [loadEnglishWordFrequencies, englishTagger, englishWordNet, () => this.#engine.prepareSimilarTerms()]) {
      await load();
      await yieldToRequests();
    }
    void this.#language;
  }

  /** The language resources, loaded on the first question (about 250 ms), not when the bot starts. */
  get #language(): { frequencies: WordFrequencies; tagger: EnglishTagger; wordNet: WordNet } {
    this.#loaded ??= { frequencies: englishWordFrequencies(), tagger: englishTagger(), wordNet: englishWordNet() };
    return this.#loaded;
  }

  read(question: string): QuestionReading {
    const words = this.#readTypos(this.#words(question));
    const sequence = words.map((w) => w.text);
    const frame = this.#frames.match(sequence);
    const dropped = new Set(frame?.positions ?? []);
    for (const phrase of this.#filler) {
      for (const start of phraseStarts(sequence, phrase)) phrase.forEach((_, i) => dropped.add(start + i));
    }
    for (const position of [...this.#openingWords(words), ...this.#closingShorthand(words)]) dropped.add(position);
    words.forEach((word, position) => word.quoted && dropped.delete(position));

    const maxImportance = this.#engine.idf('');
    const asked: AskedTerm[] = [];
    const corrections: QuestionReading['corrections'] = [];
    const absent: string[] = [];
    /** Each kept word's term, by position (null where dropped), for phrases spanning words. */
    const termAt: (AskedTerm | null)[] = [];
    const byTerm = new Map<string, AskedTerm>();
    const add = (candidate: AskedTerm): AskedTerm => {
      const existing = byTerm.get(candidate.term);
      if (existing) {
        for (const word of candidate.words) if (!existing.words.includes(word)) existing.words.push(word);
        return existing;
      }
      byTerm.set(candidate.term, candidate);
      asked.push(candidate);
      return candidate;
    };

    words.forEach((word, position) => {
      termAt.push(null);
      if (dropped.has(position) || word.pos === 'INTJ' || this.#isSpokenFiller(word)) return;
      const term = this.#analyzer.term(word.text);
      if (term === null) return;
      if (this.#engine.holds(term)) {
        if (word.typed !== undefined) corrections.push({ typed: word.typed, read: word.text });
        const own = word.typed === undefined ? form([term], 1, 'asked') : form([term], this.#options.typoCredit, 'typo');
        termAt[position] = add({ term, words: [word.typed ?? word.text], importance: this.#importance(term, word), present: true, specificity: 0, forms: [own, ...this.#family(word.text)] });
        return;
      }
      if (this.#isMisspeltFiller(word)) return;
      const specificity = this.#specificity(word);
      const { absentCommonShare } = this.#options;
      absent.push(word.shown);
      termAt[position] = add({
        term,
        words: [word.shown],
        importance: maxImportance * (absentCommonShare + (1 - absentCommonShare) * specificity),
        present: false,
        specificity,
        forms: this.#family(word.text),
      });
    });

    this.#addAliases(sequence, dropped, termAt);
    this.#addThesaurus(termAt);
    this.#addWordNet(words, termAt);
    this.#weighForms(asked);
    const unknown = asked.filter((t) => t.specificity > 0 && t.forms.length === 0);
    const otherOccasion = this.#occasions.pointElsewhere(question, this.#engine.newestPublished());
    return { terms: asked, expects: frame?.expects ?? null, corrections, absent, unknown, otherOccasion };
  }

  /** Whether a word written with a capital is a name ("Witkoff", "Geneva") rather than a common word ("Force"). */
  isName(word: string): boolean {
    const { frequencies, wordNet } = this.#language;
    if (wordNet.isName(word)) return true;
    return !wordNet.knows(word) && (frequencies.zipf(word) < this.#options.rareZipf || frequencies.isUsuallyCapitalised(word));
  }

  /** The terms to search for, each weighted by its best form's credit. */
  searchTerms(reading: QuestionReading): QueryTerm[] {
    const weights = new Map<string, { weight: number; standsFor: Set<string> }>();
    for (const asked of reading.terms) {
      for (const f of asked.forms) {
        for (const term of f.terms) {
          const known = weights.get(term) ?? { weight: 0, standsFor: new Set<string>() };
          known.weight = Math.max(known.weight, f.credit * (f.via === 'asked' ? 1 : RETRIEVAL_DISCOUNT));
          if (f.via !== 'asked') known.standsFor.add(asked.term);
          weights.set(term, known);
        }
      }
    }
    return [...weights].map(([term, { weight, standsFor }]) => ({ term, words: [], weight, standsFor: [...standsFor] }));
  }

  /** The question's words, with their part of speech and whether they were written with a capital. */
  #words(question: string): Word[] {
    const normalised = this.#analyzer.normalize(question.replace(MENTION, ' '));
    const out: Word[] = [];
    const { tokens } = this.#language.tagger.read(normalised);
    const isMark = (token: TaggedToken): boolean => token.pos === 'PUNCT' && QUOTATION_MARK.test(token.text);
    // A stray mark (an apostrophe read as one) quotes nothing.
    const honoured = tokens.filter(isMark).length % 2 === 0;
    let quoted = false;
    for (const token of tokens) {
      if (isMark(token)) {
        quoted = honoured && !quoted;
        continue;
      }
      // A contraction's parts as words: "wasn't" is "was" and "not", not "was" and "nt".
      const contraction = token.normal !== token.text.toLowerCase() && /^['’]|^n['’]t$|^(?:wo|ca|sha)$/iu.test(token.text);
      const words = this.#analyzer.words(contraction ? token.normal : token.text);
      for (const text of words) {
        const capitalised = out.length > 0 && /^\p{Lu}/u.test(token.text);
        out.push({ text, shown: words.length === 1 && !contraction ? token.text.replace(/['’]s$/u, '') : text, pos: token.pos, capitalised, quoted });
      }
    }
    return out;
  }

  /**
   * How much a corpus word weighs in the question: its rarity in the corpus (BM25's IDF over
   * passages, in any field), scaled down the commoner it is in everyday English, so that
   * "last" or "hold" in "how long did the call last" weigh less than "Kursk" or "refinery".
   */
  #importance(term: string, word: Word): number {
    const idf = this.#engine.idf(term, 'any');
    if (this.#looksLikeName(word)) return idf;
    const { rareZipf, commonZipf, commonWordShare } = this.#options;
    const zipf = this.#language.frequencies.zipf(word.text);
    return idf * Math.min(1, Math.max(commonWordShare, (commonZipf - zipf) / (commonZipf - rareZipf)));
  }

  /** Other words of its family the corpus has: "strategic" for "strategy", which Porter's stemmer cuts apart. */
  #family(word: string): TermForm[] {
    return this.#engine.relatedTerms(word).map((related) => form([related], this.#options.familyCredit, 'family'));
  }

  /**
   * Reads typos as the words meant, before anything else reads the question, so that the word
   * meant counts in every way the word itself would (its synonyms, the question's frame):
   * "kremlim" as the corpus's "Kremlin", and a word that is no English word as the function
   * or frame word one edit from it ("wich", "migth", "how lnog"), which a misspelling would otherwise
   * never be: it would look like an unknown name, and make the question unanswerable. Other
   * everyday words are not guessed at: "meloni" is one edit from "melon", "vance" from "dance".
   */
  #readTypos(words: readonly Word[]): Word[] {
    const { frequencies, wordNet } = this.#language;
    return words.map((word, position) => {
      const term = this.#analyzer.term(word.text);
      if (term === null || this.#engine.holds(term)) return word;
      const reading = this.#typoReading(word, [words[position - 1]?.text, words[position + 1]?.text]);
      if (reading) return { ...word, text: reading.word, typed: word.shown };
      const length = word.text.length;
      if (length < 4 || /\d/u.test(word.text) || frequencies.zipf(word.text) >= this.#options.typoZipf || wordNet.knows(word.text)) return word;
      const meant = frequencies.commonWordNear(word.text, length <= 7 ? 1 : 2);
      if (meant === null || (this.#analyzer.term(meant) !== null && !this.#fillerWords.includes(meant))) return word;
      return { ...word, text: meant, typed: word.shown, capitalised: false };
    });
  }

  /**
   * A corpus term the word is a typo of, if it is no everyday English word and lies near one:
   * names near names, or near a word that makes a phrase of the corpus with a neighbour of
   * the typo ("Blakc Sea", "Truth Socail").
   */
  #typoReading(word: Word, neighbours: readonly [string | undefined, string | undefined]): { term: string; word: string } | null {
    const { frequencies, wordNet } = this.#language;
    const nameLike = this.#looksLikeName(word);
    // WordNet lists some misspelt names ("Ukranian"): a dictionary word only rules out a typo of a common word.
    if (frequencies.zipf(word.text) >= this.#options.typoZipf || /\d/u.test(word.text) || (!nameLike && wordNet.knows(word.text))) return null;
    const length = word.text.length;
    const maxDistance = length <= 3 ? 0 : length <= 6 ? 1 : 2;
    // Of words as near, the rarer in English: the corpus's own words ("putn" is "Putin" more likely than "put").
    const nearest = this.#engine.similarTerms(word.text, maxDistance).sort((a, b) => a.distance - b.distance || frequencies.zipf(a.word) - frequencies.zipf(b.word));
    for (const similar of nearest) {
      // "Orbán" is not a typo of "organ": a name's typo is a name.
      if (nameLike && frequencies.zipf(similar.word) >= this.#options.rareZipf && !frequencies.isUsuallyCapitalised(similar.word) && !this.#makesCorpusPhrase(similar.word, neighbours)) continue;
      return { term: similar.term, word: similar.word };
    }
    return null;
  }

  /**
   * The words a message opens with before its question does ("omg what did…", "sorry but
   * how long…"): what comes before the question's first word (a wh-word or an auxiliary,
   * among its first few words) is how the asker greets or reacts, not what they ask about,
   * unless the corpus has it ("Kursk: what happened?") or it is written as a name.
   */
  #openingWords(words: readonly Word[]): number[] {
    const start = words.findIndex((word, i) => i <= MAX_OPENING_WORDS && QUESTION_OPENERS.has(word.text));
    if (start <= 0) return [];
    const opening = words.slice(0, start);
    const { frequencies, wordNet } = this.#language;
    // A subject is a word of the corpus's own ("kursk", "ceasefire"; "ok cool" is chat even where the corpus says "cool"),
    // or a name: written as one, or a word of five letters or more that neither English nor WordNet knows ("meloni what did she say").
    const subject = (word: Word): boolean => {
      const term = this.#analyzer.term(word.text);
      const ownWord = term !== null && word.typed === undefined && this.#engine.holds(term) && frequencies.zipf(word.text) < this.#options.commonZipf - 2;
      const unknownName = word.text.length >= 5 && frequencies.zipf(word.text) === 0 && !wordNet.knows(word.text);
      return ownWord || unknownName || word.capitalised || word.pos === 'NUM' || /\d/u.test(word.text);
    };
    return opening.some(subject) ? [] : opening.map((_, i) => i);
  }

  /**
   * The chat shorthand a message may close with ("… fr", "… ty", "… smh"): a last word of at
   * most four letters and no vowel, typed in lower case, that no article has and that no
   * preposition or article governs. Acronyms that are subjects are capitalised ("BBC"), held
   * by the corpus ("svr") or follow "the".
   */
  #closingShorthand(words: readonly Word[]): number[] {
    const last = words.at(-1);
    const before = words.at(-2);
    if (!last || !before || last.capitalised || !/^[b-df-hj-np-tv-z]{1,4}$/u.test(last.shown)) return [];
    const term = this.#analyzer.term(last.text);
    if (term !== null && this.#engine.holds(term)) return [];
    return before.pos === 'ADP' || before.pos === 'DET' ? [] : [words.length - 1];
  }

  /**
   * "um", "yo", "hmm", "gonna": an interjection the tagger missed. Everyday speech uses it
   * often, yet WordNet, which lists every noun, verb, adjective and adverb, does not know it;
   * and no article has it. A word typed with a capital is left alone, as it may be a name.
   */
  #isSpokenFiller(word: Word): boolean {
    const { frequencies, wordNet } = this.#language;
    if (word.capitalised || word.typed !== undefined || frequencies.zipf(word.text) < this.#options.spokenZipf || wordNet.knows(word.text)) return false;
    const term = this.#analyzer.term(word.text);
    return term !== null && !this.#engine.holds(term);
  }

  /** Whether the word makes a phrase of the corpus with the word before or after it. */
  #makesCorpusPhrase(word: string, [before, after]: readonly [string | undefined, string | undefined]): boolean {
    return (before !== undefined && this.#engine.holdsPhrase([before, word])) || (after !== undefined && this.#engine.holdsPhrase([word, after]));
  }

  /** "abot", "teh", "wat": no word at all, one edit from a word that carries no subject. */
  #isMisspeltFiller(word: Word): boolean {
    if (word.text.length < 3 || this.#language.frequencies.zipf(word.text) >= this.#options.typoZipf || this.#looksLikeName(word)) return false;
    return this.#fillerWords.some((filler) => Math.abs(filler.length - word.text.length) <= 1 && damerauLevenshtein(filler, word.text).steps <= 1);
  }

  /**
   * Tagged or written as a proper noun, or a word that WordNet only knows as a name ("Geneva"),
   * or that the subtitles write with a capital and WordNet does not know ("Putin").
   */
  #looksLikeName(word: Word): boolean {
    const { frequencies, wordNet } = this.#language;
    if (word.pos === 'PROPN' || word.capitalised || wordNet.isName(word.text)) return true;
    return frequencies.isUsuallyCapitalised(word.text) && !wordNet.knows(word.text);
  }

  /**
   * How much the question hinges on a word no article has: fully for a name, a number, or a
   * word neither the subtitles nor WordNet know; partly for a rare noun ("rollback"); not at
   * all for everyday words or other parts of speech ("send", "restock").
   */
  #specificity(word: Word): number {
    const { frequencies, wordNet } = this.#language;
    if (word.pos === 'NUM' || /\d/u.test(word.text) || this.#looksLikeName(word)) return 1;
    const zipf = frequencies.zipf(word.text);
    if (zipf === 0 && !wordNet.knows(word.text)) return 1;
    return (word.pos === 'NOUN' || word.pos === 'X') && zipf < this.#options.rareZipf ? this.#options.rareNounSpecificity : 0;
  }

  /** Kremlin → Russia, Moscow, Putin…: for every party name in the question. */
  #addAliases(sequence: readonly string[], dropped: ReadonlySet<number>, termAt: readonly (AskedTerm | null)[]): void {
    const kept = sequence.map((word, i) => (dropped.has(i) ? '' : word));
    for (const { term, trigger } of this.#aliases.expand(kept)) {
      if (!this.#engine.holds(term)) continue;
      const triggerWords = this.#analyzer.words(trigger);
      for (const start of phraseStarts(kept, triggerWords)) {
        for (let i = start; i < start + triggerWords.length; i++) addForm(termAt[i], form([term], this.#options.aliasCredit, 'alias'));
      }
    }
  }

  /**
   * Another wording of a word the corpus has counts for less when it is much commoner than the
   * word: "Kyiv" said as "Ukraine" is found in half the corpus, so it tells little. Not the
   * domain thesaurus's: its phrases say the same thing here ("truce" is "ceasefire"), however
   * common (cross-validated on the tuning split: hit@3 0.47 -> 0.48 at the same abstention).
   */
  #weighForms(asked: readonly AskedTerm[]): void {
    for (const t of asked) {
      if (!t.present) continue;
      const own = this.#engine.idf(t.term, 'any');
      for (const f of t.forms) {
        if (f.via === 'asked' || f.via === 'typo' || f.via === 'thesaurus' || own <= 0) continue;
        const rarity = f.terms.reduce((sum, term) => sum + this.#engine.idf(term, 'any'), 0) / f.terms.length;
        f.credit *= 0.5 + 0.5 * Math.min(1, rarity / own);
      }
    }
  }

  /** "power plants" → "energy infrastructure": the domain thesaurus, over the question's terms in order. */
  #addThesaurus(termAt: readonly (AskedTerm | null)[]): void {
    const kept = termAt.filter((t): t is AskedTerm => t !== null);
    for (const rewording of this.#thesaurus.rewordings(kept.map((t) => t.term))) {
      if (!rewording.terms.every((term) => this.#engine.holds(term))) continue;
      for (const position of rewording.positions) addForm(kept[position], form(rewording.terms, this.#options.thesaurusCredit, 'thesaurus'));
    }
  }

  /** WordNet synonyms of each word, and of two-word compounds ("power plant" → "power station"). */
  #addWordNet(words: readonly Word[], termAt: readonly (AskedTerm | null)[]): void {
    const { wordNet } = this.#language;
    const { wordNetSenses, wordNetCredit, neighbourCredit } = this.#options;
    const synonymsOf = (text: string, pos: WordNetPos, targets: AskedTerm[]): void => {
      const found = [
        ...wordNet.synonyms(text, pos, wordNetSenses).map((phrase) => ({ phrase, credit: wordNetCredit })),
        ...wordNet.neighbours(text, pos, wordNetSenses).map((phrase) => ({ phrase, credit: neighbourCredit })),
      ];
      for (const { phrase, credit } of found) {
        const terms = this.#analyzer.terms(phrase);
        if (terms.length === 0 || !terms.every((term) => this.#engine.holds(term))) continue;
        if (targets.some((t) => terms.length === 1 && terms[0] === t.term)) continue;
        for (const target of targets) addForm(target, form(terms, credit, 'wordnet'));
      }
    };
    words.forEach((word, i) => {
      const asked = termAt[i];
      const pos = WORDNET_POS[word.pos];
      if (!asked || !pos) return;
      synonymsOf(word.text, pos, [asked]);
      const next = termAt[i + 1];
      if (next && words[i + 1] && WORDNET_POS[words[i + 1]!.pos] === 'noun') synonymsOf(`${word.text} ${words[i + 1]!.text}`, 'noun', [asked, next]);
    });
  }
}

/**
 * A mention, as chat platforms write one into a question: Discord's and Slack's markup
 * (`<@1234>`, `<@U0BOSS>`, `<!channel>`, `<#C123|news>`) or a plain `@everyone`. Whom the
 * asker pinged is no subject of the question, and a user id would read as a number no article has.
 */
/** A quotation mark as the tagger gives it, a token of its own: straight, curly, or a guillemet. */
const QUOTATION_MARK = /^["'“”‘’«»]$/u;
const MENTION = /<[@#!][^<>\s]*>|(?<![\p{L}\p{N}])@[\p{L}\p{N}_.-]+/gu;

const form = (terms: string[], credit: number, via: TermForm['via']): TermForm => ({ terms, credit, via });

/** Adds a form unless the term already has one as good for the same terms. */
function addForm(asked: AskedTerm | null | undefined, candidate: TermForm): void {
  if (!asked) return;
  const key = candidate.terms.join(' ');
  const same = asked.forms.find((f) => f.terms.join(' ') === key);
  if (same) same.credit = Math.max(same.credit, candidate.credit);
  else asked.forms.push(candidate);
}

const WORDNET_POS: Partial<Record<PartOfSpeech, WordNetPos>> = { NOUN: 'noun', PROPN: 'noun', VERB: 'verb', ADJ: 'adj', ADV: 'adv' };

/** The words a question proper opens with: a wh-word, or an auxiliary of a yes-no question. */
const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'what', 'whats', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'which',
  'did', 'does', 'do', 'is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'has', 'have', 'had', 'should', 'might',
]);

/** Words a message may open with before its question proper ("oh and", "sorry but"); more would be a sentence of its own. */
const MAX_OPENING_WORDS = 3;

/** Forms other than the question's own words rank passages at this share of their credit: they widen the search, not lead it. */
const RETRIEVAL_DISCOUNT = 0.5;

/**
 * - typoCredit 0.9: a typo read as the corpus word is nearly as good as the word.
 * - aliasCredit 0.9: "the Kremlin" is answered by what Russia or Putin said.
 * - thesaurusCredit 0.8 and wordNetCredit 0.5: the domain thesaurus is curated for this
 *   subject; WordNet's synonyms are general and some senses miss it ("agree" → "match").
 * - neighbourCredit 0.35: a more general or more specific word ("lull" for "pause") is weaker
 *   evidence still.
 * - wordNetSenses 2: a word's commonest senses; rarer ones add more noise than matches.
 * - rareZipf 3: fewer than 1 in a million words, as "porcupine" (2.8) or "encirclement"
 *   (1.8); everyday words such as "send" (5.3) or "plants" (4.0) are far above it.
 * - typoZipf 2: a word this rare in English, or unknown to it, is probably mistyped.
 * - spokenZipf 4: a word said at least ten times in a million ("yo" 4.9, "um" 5.4) that no
 *   dictionary of content words lists is a sound of speech, not a subject.
 * - commonZipf 6.5 and commonWordShare 0.2: between a rare word (zipf 3, full weight) and
 *   the commonest content words (6.5), a word's weight falls in a straight line, to a fifth.
 * - absentCommonShare 0.25: a common word no article has may be said otherwise; it weighs a
 *   quarter of a rare one.
 * - rareNounSpecificity 0.5: a rare noun is what a question is about less surely than a name.
 * - familyCredit 0.8: "verified" for "verification" says nearly the same thing.
 */
export const DEFAULT_READING_OPTIONS: Readonly<ReadingOptions> = Object.freeze({
  typoCredit: 0.9,
  aliasCredit: 0.9,
  thesaurusCredit: 0.8,
  wordNetCredit: 0.5,
  neighbourCredit: 0.35,
  wordNetSenses: 2,
  rareZipf: 3,
  typoZipf: 2,
  spokenZipf: 4,
  commonZipf: 6.5,
  commonWordShare: 0.2,
  absentCommonShare: 0.25,
  rareNounSpecificity: 0.5,
  familyCredit: 0.8,
});
