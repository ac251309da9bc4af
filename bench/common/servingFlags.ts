import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/**
 * The Node options `npm start` serves with (`--max-semi-space-size`…), read from its script,
 * so that a benchmark's serving process runs as the bot does and the figures are the bot's.
 */
export function servingNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return start.split(/\s+/u).filter((word) => word.startsWith('--'));
}
