import { describe, expect, it } from 'vitest';
import { warmInsights } from '../../src/app/warmInsights';
import { createLogger } from '../../src/log';
import { libraryOf } from '../helpers/fixtures';

describe('warmInsights', () => {
  it('computes every article’s statements and events ahead of the first request', async () => {
    const library = libraryOf();
    const lines: string[] = [];
    await warmInsights(library, createLogger('debug', [], (line) => lines.push(line)));
    expect(lines.join('\n')).toMatch(/positions and events ready for 5 articles/u);
    // Every article was read: four of the five state party positions (the fifth is pure analysis).
    expect(new Set(library.positions.statements(library.engine.articles()).map((s) => s.article.id)).size).toBe(4);
  });
});
