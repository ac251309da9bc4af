import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../src/app/context';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { warmInsights } from '../../src/app/warmInsights';
import { loadCommands, type CommandRegistry } from '../../src/core/registry';
import { createLogger, silentLogger } from '../../src/log';
import { Attributor } from '../../src/positions/attribute';
import { CONSOLE_CALLER, libraryOf, testParley } from '../helpers/fixtures';
import { generatedCorpus } from '../helpers/generatedCorpus';

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

describe('a command that needs the warm-up’s work, asked while it runs', () => {
  // Enough articles that attributing them all takes many slices.
  let corpusDir: string;
  let registry: CommandRegistry<CommandContext>;
  beforeAll(async () => {
    corpusDir = generatedCorpus(300);
    registry = await loadCommands();
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['position', { party: 'russia' }],
    ['compare', {}],
    ['recent', { days: 90 }],
  ])('/%s waits without holding the event loop: other requests are answered meanwhile, and its reply is the warmed-up one', async (name, options) => {
    const library = libraryOf(corpusDir);
    const parley = testParley(registry, library);
    const warming = warmInsights(library, silentLogger);
    let pending = true;
    let turns = 0;
    const countTurns = async (): Promise<void> => {
      while (pending) {
        turns++;
        await nextTurn();
      }
    };
    const counting = countTurns();
    const asked = parley.run({ command: name, options, caller: CONSOLE_CALLER }).finally(() => (pending = false));

    const help = await parley.run({ command: 'help', options: {}, caller: CONSOLE_CALLER });
    expect(help.ok).toBe(true);
    // Answered while the command still waits for the corpus's statements or events.
    expect(pending).toBe(true);
    const outcome = await asked;
    await counting;
    // The event loop came round again and again while it waited: the work was done in slices.
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(outcome.ok).toBe(true);
    await warming;
    expect(await parley.run({ command: name, options, caller: CONSOLE_CALLER })).toEqual(outcome);
  });

  it('shares the work: an article is attributed once, whether the warm-up or a command gets to it first', async () => {
    const library = libraryOf(corpusDir);
    const parley = testParley(registry, library);
    const attribute = vi.spyOn(Attributor.prototype, 'attribute');
    const warming = warmInsights(library, silentLogger);
    const [position, compare] = await Promise.all([
      parley.run({ command: 'position', options: { party: 'ukraine' }, caller: CONSOLE_CALLER }),
      parley.run({ command: 'compare', options: {}, caller: CONSOLE_CALLER }),
      warming,
    ]);
    expect(position.ok && compare.ok).toBe(true);
    const articles = new Set(library.engine.articles());
    const attributed = attribute.mock.calls.map(([article]) => article).filter((article) => articles.has(article));
    expect(attributed).toHaveLength(articles.size);
    expect(new Set(attributed).size).toBe(articles.size);
  });
});
