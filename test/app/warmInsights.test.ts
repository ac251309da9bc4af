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
    // Computed once: asking again returns the very same (cached) statements.
    const [article] = library.engine.articles();
    expect(library.positions.ofArticle(article!)).toBe(library.positions.ofArticle(article!));
    expect(library.positions.ofArticle(article!).length).toBeGreaterThan(0);
  });
});
