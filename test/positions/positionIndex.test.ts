import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/loader';
import { partiesFileSchema } from '../../src/vocabulary/vocabulary';
import { groupStatements } from '../../src/positions/entries';
import { isFragment, quotableAlone } from '../../src/positions/quotable';
import { articleFile, seedCorpusLibrary } from '../helpers/fixtures';

const library = seedCorpusLibrary();
const statementsOf = (published: string, ...paragraphs: string[]) => {
  const parsed = parseArticle(`written-${published}.md`, articleFile({ title: 'Written', source: 'Wire', published }, paragraphs.join('\n\n')));
  if (!parsed.ok) throw new Error(parsed.problem.problems.join('; '));
  return library.positions.statements([parsed.article]);
};

describe('statements', () => {
  it('dates a statement the article sets well before its publication, and flags former officials', () => {
    const [zelensky, peskov, biden] = statementsOf(
      '2025-03-31',
      'Back in 2019, Zelensky promised voters he would “just stop shooting” in the east.',
      'Last week, Peskov said the Kremlin welcomed the American proposal in principle.',
      'Joe Biden said the United States would support Ukraine “for as long as it takes”.',
    );
    expect(zelensky!.earlier).toEqual({ date: '2019', outOfOffice: false });
    expect(peskov!.earlier).toBeNull();
    expect(biden!.earlier).toEqual({ date: null, outOfOffice: true });
  });

  it('keeps the date inside what was said out of it', () => {
    const [putin] = statementsOf('2025-03-31', 'Putin said the war began in February 2022 because of NATO expansion.');
    expect(putin!.earlier).toBeNull();
  });

  it('quotes a quotation over several sentences whole, and no fragment', () => {
    const statements = statementsOf(
      '2025-03-31',
      '“We are studying the signals from Washington. There can be no talk of a ceasefire while Kyiv continues to rearm,” Peskov told reporters. “These plans are dead.”',
    );
    expect(statements.map((s) => s.sentence.text)).toEqual([
      '“We are studying the signals from Washington. There can be no talk of a ceasefire while Kyiv continues to rearm,” Peskov told reporters.',
    ]);
    expect(isFragment('These plans have fallen through.')).toBe(true);
    expect(isFragment('Because right now, Russian strikes have not stopped.')).toBe(true);
    expect(quotableAlone('“The key factor is our partners’ ability to end the war.')).toBe(false);
    expect(quotableAlone('Kyiv insists on a full Russian withdrawal.')).toBe(true);
  });

  it('makes one entry of near-identical sentences and of the same quoted words', () => {
    const a = statementsOf('2025-03-30', 'Trump said the talks were “good and very productive, we are close”, aides said.');
    const b = statementsOf('2025-03-31', 'Speaking on Monday, Trump told reporters the talks were “good and very productive, we are close”.');
    const c = statementsOf('2025-03-29', 'Trump said the talks were good.');
    const entries = groupStatements([...c, ...a, ...b]);
    expect(entries.map((e) => e.reports.map((s) => s.article.published))).toEqual([['2025-03-31', '2025-03-30'], ['2025-03-29']]);
  });
});

describe('people in config/parties.yml', () => {
  const party = (person: Record<string, unknown>) => [{ id: 'x', name: 'X', names: ['X'], people: [{ name: 'A B', ...person }] }];

  it('carry a term or a former flag', () => {
    expect(partiesFileSchema.parse(party({ former: true, term: { from: '2021-01-20', until: '2025-01' } }))[0]!.people[0]).toMatchObject({ former: true });
    expect(partiesFileSchema.parse(party({}))[0]!.people[0]!.former).toBe(false);
  });

  it('reject a term that is not a date', () => {
    const parsed = partiesFileSchema.safeParse(party({ term: { until: 'last year' } }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe('must be a date: YYYY, YYYY-MM or YYYY-MM-DD');
  });
});
