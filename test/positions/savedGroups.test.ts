import { describe, expect, it } from 'vitest';
import { groupStatements } from '../../src/positions/entries';
import type { Statement } from '../../src/positions/positionIndex';
import { entriesFromRecord as steps, groupsRecord } from '../../src/positions/savedGroups';
import { runInSlices } from '../../src/util/timeSlices';

const entriesFromRecord = (statements: readonly Statement[], record: unknown) => runInSlices(steps(statements, record));
import { seedCorpusLibrary } from '../helpers/fixtures';

const russia = async () => {
  const library = seedCorpusLibrary();
  const party = library.vocabulary.parties.find((p) => p.id === 'russia')!;
  return (await library.positions.corpusStatements(library.engine.articles())).of(party);
};

describe('saved groupings', () => {
  it('give back the same entries, made of the same statements, in rank order', async () => {
    const statements = await russia();
    const entries = groupStatements(statements);
    const record = JSON.parse(JSON.stringify(groupsRecord(statements, entries))) as unknown;
    expect(await entriesFromRecord(statements, record)).toEqual(entries);
    expect((await entriesFromRecord(statements, record))![0]!.reports[0]).toBe(entries[0]!.reports[0]);
  });

  it('fit no other list: another length, places out of it or used twice, or no record at all', async () => {
    const statements = await russia();
    const record = groupsRecord(statements, groupStatements(statements));
    expect(await entriesFromRecord(statements.slice(1), record)).toBeNull();
    expect(await entriesFromRecord(statements, { ...record, entries: [[statements.length]] })).toBeNull();
    expect(await entriesFromRecord(statements, { ...record, entries: [[0], [0]] })).toBeNull();
    expect(await entriesFromRecord(statements, { ...record, entries: [[]] })).toBeNull();
    expect(await entriesFromRecord(statements, { statements: statements.length })).toBeNull();
    expect(await entriesFromRecord(statements, undefined)).toBeNull();
  });
});
