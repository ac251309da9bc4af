import { articleFile } from './fixtures';

/** Corpus files shaped to hurt the loader: each must be named and skipped, never stop the rest. */

const VALID_FIELDS = { title: 'Hostile file', source: 'Test Wire', published: '2025-03-21' };
const BODY = 'Putin said the energy truce would hold for thirty days.';

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded ("billion laughs"). */
export const ALIAS_BOMB = [
  '---',
  'title: "Alias bomb"',
  'source: "Test Wire"',
  'published: 2025-03-21',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefghi'[i]!;
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
  }),
  '---',
  BODY,
  '',
].join('\n');

/** A valid article whose front matter also holds `keys` keys nested one level down under one field. */
export function manyKeysFile(keys: number): string {
  const nested = Array.from({ length: keys }, (_, i) => `  key${i}: ${i}`).join('\n');
  return `---\ntitle: "Many keys"\nsource: "Test Wire"\npublished: 2025-03-21\nextra:\n${nested}\n---\n${BODY}\n`;
}

/** A valid article whose front matter holds `bytes` bytes or more (a long `published_basis`). */
export function largeFrontMatterFile(bytes: number): string {
  return articleFile({ ...VALID_FIELDS, published_basis: 'x'.repeat(bytes) }, BODY);
}

/**
 * A valid article but for one byte (0xFF, never valid in UTF-8) in its body, after multi-byte
 * characters and a genuine U+FFFD; where that byte is.
 */
export function invalidUtf8File(): { bytes: Buffer; offset: number; line: number } {
  const head = Buffer.from(articleFile(VALID_FIELDS, 'Zelensky said – in Kyiv, \uFFFD – that '), 'utf8');
  const bytes = Buffer.concat([head.subarray(0, head.length - 1), Buffer.from([0xff]), Buffer.from(' the truce held.\n')]);
  const offset = head.length - 1;
  const line = head.subarray(0, offset).toString('utf8').split('\n').length;
  return { bytes, offset, line };
}
