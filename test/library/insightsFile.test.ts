import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedInsight, InsightsFile, writeInsightsFile, type InsightRecord } from '../../src/library/insightsFile';

const RECORDS: InsightRecord[] = [
  { kind: 'groups', id: 'russia', data: { entries: [[0, 1]] } },
  { kind: 'statements', id: 'a', data: [['russia', 'the Kremlin', '“Mutual interest” — in normalizing relations']] },
  { kind: 'events', id: 'a', data: [['2025-03-18', 'day', 'Trump and Putin spoke.', false]] },
  { kind: 'statements', id: 'b', data: [['ukraine', 'Zelensky', 'Around a hundred ‘Shahed’ drones attack Ukraine each night 🌙']] },
  { kind: 'events', id: 'b', data: [] },
  { kind: 'statements', id: 'café', data: [] },
];

async function written(records = RECORDS): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'parley-insights-')), 'insights.snapshot');
  await writeInsightsFile(path, 'fingerprint', 'version', records);
  return path;
}

async function opened(path: string): Promise<InsightsFile> {
  const read = await InsightsFile.read(path, 'fingerprint', 'version');
  if (read.status !== 'loaded') throw new Error(`not loaded: ${read.status}`);
  return read.file;
}

describe('the insights file', () => {
  it('is written in ASCII and gives back every record as it was, in any order', async () => {
    const path = await written();
    expect([...readFileSync(path)].every((byte) => byte < 0x80)).toBe(true);
    const file = await opened(path);
    // Events before statements, and the second article before the first: each kind reads on, and finds what it passed.
    for (const record of [RECORDS[4]!, RECORDS[2]!, RECORDS[3]!, RECORDS[1]!, RECORDS[5]!, RECORDS[0]!]) expect(file.take(record.kind, record.id)).toEqual(record.data);
  });

  it('gives each record once, and nothing for a record it does not hold', async () => {
    const file = await opened(await written());
    expect(file.take('statements', 'a')).toEqual(RECORDS[1]!.data);
    expect(file.take('statements', 'a')).toBeUndefined();
    expect(file.take('statements', 'unknown')).toBeUndefined();
    expect(file.take('statements', 'b')).toEqual(RECORDS[3]!.data);
  });

  it('says how many records it holds in its first line, and is stale for another corpus or version', async () => {
    const path = await written();
    expect(JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!)).toMatchObject({ fingerprint: 'fingerprint', version: 'version', records: RECORDS.length });
    expect((await InsightsFile.read(path, 'another', 'version')).status).toBe('stale');
    expect((await InsightsFile.read(path, 'fingerprint', 'another')).status).toBe('stale');
    expect((await InsightsFile.read(join(path, '..', 'none'), 'fingerprint', 'version')).status).toBe('missing');
  });

  it('rejects only the damaged record; the others are read', async () => {
    const path = await written();
    const lines = readFileSync(path, 'latin1').split('\n');
    lines[2] = lines[2]!.replace('Kremlin', 'Kremlim');
    writeFileSync(path, lines.join('\n'), 'latin1');
    const file = await opened(path);
    expect(() => file.take('statements', 'a')).toThrow(DamagedInsight);
    expect(file.take('statements', 'b')).toEqual(RECORDS[3]!.data);
    expect(file.take('events', 'a')).toEqual(RECORDS[2]!.data);
  });

  it('is damaged when its first line is not its identity', async () => {
    const path = await written();
    writeFileSync(path, `not json\n${readFileSync(path, 'latin1').split('\n').slice(1).join('\n')}`, 'latin1');
    expect(await InsightsFile.read(path, 'fingerprint', 'version')).toMatchObject({ status: 'damaged' });
  });
});
