import { CitationList } from '../answer/citations';
import type { Article } from '../corpus/article';
import { commandRef } from '../core/commandRef';
import type { Event, Position, Reply, Section } from '../core/reply';
import type { Library } from '../library/library';
import { publishedLabel } from '../present/citations';
import { statementChanges } from '../positions/changes';
import { isCurrent } from '../positions/entries';
import { presentEntry, statementsOf } from '../positions/statements';
import { shiftDays } from '../util/isoDate';

/** How much a digest shows; the rest is one command away. */
const LIMITS = Object.freeze({ articles: 8, keySentencesPerArticle: 2, events: 10, statementsPerParty: 3, eventAgeDays: 30 });

export interface DigestRequest {
  /** The new articles, in any order. */
  articles: readonly Article[];
  /** The channel's local date of the run, for the title. */
  localDate: string;
  /** What the digest follows, in words: "since the previous digest (2025-03-20 08:00 UTC)". */
  since: string;
}

/**
 * The daily digest: each new article with its key sentences, then the new dated events and
 * the new party statements, in the formats of /recent and /position; every sentence cited.
 * Null when there is nothing new. Asynchronous because telling new statements from ones
 * reported before takes the whole corpus's, which after a restart may still be being computed.
 */
export async function composeDigest(library: Library, { articles, localDate, since }: DigestRequest): Promise<Reply | null> {
  if (articles.length === 0) return null;
  const newest = [...articles].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
  const citations = new CitationList();
  const sections: Section[] = [];

  for (const article of newest.slice(0, LIMITS.articles)) {
    const lines = keySentences(library, article).map((text) => `${text} [${citations.cite(article, text).n}]`);
    const date = publishedLabel(article);
    sections.push({ title: `${article.title} — ${article.source}, ${date}`, body: lines.join('\n') });
  }

  // What the new articles report as lately happened, not the history they recall ("since February 2022").
  const events: Event[] = library.events
    .events(newest)
    .filter((e) => e.date >= shiftDays(e.article.published, -LIMITS.eventAgeDays).slice(0, e.date.length))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, LIMITS.events)
    .map((e) => ({ date: e.date, summary: e.sentence.text, citations: [citations.cite(e.article, e.sentence.text)] }));
  if (events.length > 0) {
    sections.push({ title: 'New dated events', body: events.map((e) => `${e.date} — ${e.summary} [${e.citations[0]!.n}]`).join('\n') });
  }

  const positions: Position[] = [];
  const inDigest = new Set(newest.map((a) => a.id));
  for (const party of library.vocabulary.parties) {
    // Every article's statements (the corpus's, kept per party): the others tell a new statement from one reported before.
    const statements = (await statementsOf(library, party)).filter((s) => s.topics.length > 0);
    // New statements are current ones: what a former official said, or what an article recalls from long ago, is not news of the party's position.
    const ofParty = statementChanges(statements, (article) => inDigest.has(article.id))
      .filter(isCurrent)
      .slice(0, LIMITS.statementsPerParty);
    if (ofParty.length === 0) continue;
    const lines = ofParty.map((e) => presentEntry(e, e.reports[0]!.topics[0]!, citations));
    positions.push(...lines.map((l) => l.position));
    sections.push({ title: `${party.name} — new statements`, body: lines.map((l) => l.line).join('\n') });
  }

  const more = newest.length - LIMITS.articles;
  const count = `${newest.length} new article${newest.length === 1 ? '' : 's'}`;
  return {
    command: 'digest',
    title: `Parley daily digest — ${localDate}`,
    text: `${count} ${since}.${more > 0 ? ` The ${more} older ones: ${commandRef('sources')}.` : ''}`,
    citations: citations.all(),
    sections,
    positions,
    events,
  };
}

/** An article's key sentences: its party statements first, then its opening sentences. */
function keySentences(library: Library, article: Article): string[] {
  const stated = library.positions.ofArticle(article).map((s) => s.sentence.text);
  const opening = article.passages.flatMap((p) => p.sentences.map((s) => s.text)).filter((t) => t.split(/\s+/u).length >= 8);
  return [...new Set([...stated, ...opening])].slice(0, LIMITS.keySentencesPerArticle);
}

/** The reply posted when there is nothing new and the channel asked to hear so anyway. */
export function noNewCoverage(localDate: string, since: string): Reply {
  return { command: 'digest', title: `Parley daily digest — ${localDate}`, text: `No new coverage ${since}.`, citations: [] };
}

