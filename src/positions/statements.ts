import type { CitationList } from '../answer/citations';
import type { Position } from '../core/reply';
import type { Library } from '../library/library';
import type { Party, Topic } from '../vocabulary/vocabulary';
import type { Statement } from './positionIndex';

/**
 * The statements of a party (and topic), newest coverage first, then in reading order. The
 * whole corpus's, so they may still be being computed (after a restart): awaited, not blocking.
 */
export async function statementsOf(library: Library, party?: Party, topic?: Topic): Promise<Statement[]> {
  // engine.articles() is newest first, and statements keep each article's reading order.
  const statements = await library.positions.statementsAsync(library.engine.articles());
  return statements.filter((s) => (!party || s.party === party) && (!topic || s.topics.includes(topic)));
}

/** A statement as a reply line (`Putin: “…” [3]`) and as JSON data, cited. */
export function presentStatement(statement: Statement, topic: Topic, citations: CitationList): { line: string; position: Position } {
  const cited = citations.cite(statement.article, statement.sentence.text);
  return {
    line: `${statement.speaker}: ${quoted(statement.sentence.text)} [${cited.n}]`,
    position: {
      party: statement.party.id,
      topic: topic.id,
      speaker: statement.speaker,
      statement: statement.sentence.text,
      citations: [cited],
    },
  };
}

/** Quotation marks around a statement, unless it is a quotation already. */
const quoted = (text: string): string => (/^[“"]/u.test(text) ? text : `“${text}”`);
