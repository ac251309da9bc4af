import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Passage } from '../../src/corpus/article';
import type { Vocabulary } from '../../src/vocabulary/vocabulary';
import { MADE_UP_SURNAMES, MADE_UP_TOWNS, REAL_PLACES } from './names';
import { Random } from '../common/random';

/** One generated corpus file: its name and its Markdown with front matter. */
export interface GeneratedFile {
  file: string;
  text: string;
}

/**
 * News-like articles for the scale benchmark, made by recombining the paragraphs of the real
 * seed articles and varying the people, places, dates and numbers in them, so that a large
 * corpus has realistic paragraph lengths, vocabulary and headings. Article `i` depends only
 * on `i` and the seeds: a corpus of 1,000 articles is the first 1,000 of one of 10,000.
 */
export class CorpusGenerator {
  readonly #blocks: Block[];
  readonly #people: string[];
  readonly #tags: string[];
  readonly #entity: RegExp;

  constructor(seeds: readonly Article[], vocabulary: Vocabulary) {
    if (seeds.length === 0) throw new Error('the corpus generator needs at least one seed article');
    this.#blocks = seeds.flatMap((article) => article.passages.map((passage) => ({ article, passage })));
    // Single-word names of the people the vocabulary knows (Putin, Witkoff…): those are varied.
    this.#people = [...new Set(vocabulary.parties.flatMap((party) => party.people.flatMap((p) => p.aliases)))].filter((alias) =>
      /^\p{Lu}\p{L}+$/u.test(alias),
    );
    this.#tags = [...new Set(seeds.flatMap((article) => article.tags))];
    const names = [...this.#people, ...REAL_PLACES].sort((a, b) => b.length - a.length);
    this.#entity = new RegExp(`\\b(?:${names.join('|')})\\b|\\b(?:${MONTHS.join('|')})\\b|\\d+`, 'gu');
  }

  file(i: number): GeneratedFile {
    const random = new Random(0x9e3779b1 ^ Math.imul(i + 1, 2654435761));
    const vary = this.#variation(random);

    const theme = random.pick(this.#blocks).article;
    const themeBlocks = this.#blocks.filter((block) => block.article === theme);
    let next = random.int(0, themeBlocks.length - 1);
    const blocks: Block[] = [];
    for (let n = random.int(5, 20); blocks.length < n; ) {
      // Most paragraphs follow on from one seed article, the rest come from any of them.
      blocks.push(random.chance(0.6) ? themeBlocks[next++ % themeBlocks.length]! : random.pick(this.#blocks));
    }

    const body = renderBlocks(blocks).replace(this.#entity, vary);
    const firstSentence = blocks[0]!.passage.sentences[0]!.text.replace(this.#entity, vary);
    const title = firstSentence.split(/\s+/u).slice(0, 12).join(' ').replace(/[.,:;!?]+$/u, '');
    const source = random.pick(SOURCES);
    const frontMatter = [
      `title: ${JSON.stringify(title)}`,
      `source: ${JSON.stringify(source)}`,
      `published: ${randomDate(random)}`,
      `url: https://news.example/${source.toLowerCase().replace(/\W+/gu, '-')}/${i + 1}`,
      `tags: [${Array.from({ length: random.int(0, 3) }, () => random.pick(this.#tags)).join(', ')}]`,
    ];
    return { file: `generated-${String(i + 1).padStart(6, '0')}.md`, text: `---\n${frontMatter.join('\n')}\n---\n${body}\n` };
  }

  /** Consistent replacements within one article: Putin is the same person all through it. */
  #variation(random: Random): (match: string) => string {
    const chosen = new Map<string, string>();
    const monthShift = random.int(0, 11);
    return (match) => {
      const month = MONTHS.indexOf(match);
      if (month >= 0) return MONTHS[(month + monthShift) % 12]!;
      if (/^\d+$/u.test(match)) return varyNumber(match, random);
      let replacement = chosen.get(match);
      if (replacement === undefined) {
        const isPerson = this.#people.includes(match);
        replacement = random.chance(0.5)
          ? match
          : random.chance(0.6)
            ? random.pick(isPerson ? this.#people : REAL_PLACES)
            : random.pick(isPerson ? MADE_UP_SURNAMES : MADE_UP_TOWNS);
        chosen.set(match, replacement);
      }
      return replacement;
    };
  }
}

/** Writes the first `count` generated articles into `dir`. */
export function writeCorpus(dir: string, generator: CorpusGenerator, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { file, text } = generator.file(i);
    writeFileSync(join(dir, file), text);
  }
}

interface Block {
  article: Article;
  passage: Passage;
}

/** Passages back to corpus Markdown: a heading line when the section changes, list items one a line. */
function renderBlocks(blocks: readonly Block[]): string {
  const lines: string[] = [];
  let heading: string | null = null;
  for (const { passage } of blocks) {
    if (passage.heading !== null && passage.heading !== heading) lines.push(`## ${passage.heading}`);
    heading = passage.heading;
    lines.push(passage.sentences.filter((s) => !s.listItem).map((s) => s.text).join(' '));
    for (const item of passage.sentences.filter((s) => s.listItem)) lines.push(`- ${item.text}`);
  }
  return lines.join('\n');
}

/** Years stay plausible; other numbers keep their number of digits half of the time. */
function varyNumber(digits: string, random: Random): string {
  if (/^(?:19|20)\d\d$/u.test(digits)) return String(random.int(2022, 2026));
  if (random.chance(0.5)) return digits;
  const low = digits.length === 1 ? 1 : 10 ** (digits.length - 1);
  return String(random.int(low, 10 ** digits.length - 1));
}

function randomDate(random: Random): string {
  const start = Date.UTC(2022, 1, 24);
  const end = Date.UTC(2025, 11, 31);
  return new Date(start + Math.floor(random.next() * (end - start))).toISOString().slice(0, 10);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SOURCES = ['Reuters', 'Associated Press', 'Kyiv Independent', 'Meduza', 'Politico Europe', 'Financial Times', 'BBC News', 'Le Monde', 'Der Spiegel', 'Al Jazeera'];
