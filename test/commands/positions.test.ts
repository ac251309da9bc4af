import { describe, expect, it } from 'vitest';
import { CONSOLE_CALLER, seedParley } from '../helpers/fixtures';

const parley = await seedParley();
const run = async (line: string) => {
  const outcome = await parley.runText(line, CONSOLE_CALLER);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.reply;
};

describe('/position', () => {
  it('reaches the same party from a leader and from its name, naming each speaker', async () => {
    const byLeader = await run('/position putin');
    const byName = await run('/position russia');
    expect(byLeader.positions).toEqual(byName.positions);
    expect(byName.positions!.every((p) => p.party === 'russia')).toBe(true);
    expect(new Set(byName.positions!.map((p) => p.speaker))).toEqual(new Set(['Putin', 'the Kremlin', 'Gerasimov', 'Naryshkin', 'Russia', 'Russian negotiators']));
    expect(byLeader.text).toContain('(“putin” is Russia)');
  });

  it('groups by topic and shows Russia’s Kursk demands, not Ukraine’s', async () => {
    const reply = await run('/position russia kursk');
    expect(reply.sections!.map((s) => s.title)).toEqual(['Kursk (4)']);
    expect(reply.sections![0]!.body).toContain('Putin said those questions included the fate of Ukraine’s forces');
    const ukraine = await run('/position ukraine');
    expect(ukraine.positions!.map((p) => p.statement)).toContain('Kyiv insists on a full Russian withdrawal, war reparations, and binding security guarantees—preferably via NATO—to prevent another invasion.');
    expect(ukraine.positions!.map((p) => p.statement).join(' ')).not.toContain('Putin demanded');
  });

  it('lists newest coverage first within a topic', async () => {
    const dates = (await run('/position russia ceasefire')).positions!.map((p) => p.citations[0]!.published);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('lists the known parties and suggests one for a typo', async () => {
    expect(await parley.runText('/position rusia', CONSOLE_CALLER)).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'Unknown party "rusia". Did you mean "russia"? Known parties: russia (Russia), ukraine (Ukraine), united-states (United States), europe (Europe); leaders such as putin, zelensky, trump, von der leyen also work.',
      },
    });
  });

  it('names an unknown topic and lists the topics', async () => {
    const outcome = await parley.runText('/position russia footbal', CONSOLE_CALLER);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/^Unknown topic "footbal"\. Topics: ceasefire, energy, black-sea, kursk/u);
  });
});

describe('/compare', () => {
  it('sets the parties side by side on a topic, marking those with nothing on record', async () => {
    const reply = await run('/compare ceasefire');
    expect(reply.sections!.map((s) => [s.title, s.inline])).toEqual([
      ['Russia', true],
      ['Ukraine', true],
      ['United States', true],
      ['Europe', true],
    ]);
    expect(reply.sections![3]!.body).toBe('No stated position in the corpus.');
    expect(reply.comparison!.cells.map((c) => [c.party, c.stated])).toEqual([
      ['russia', true],
      ['ukraine', true],
      ['united-states', true],
      ['europe', false],
    ]);
    const cited = new Set(reply.citations.map((c) => c.n));
    for (const cell of reply.comparison!.cells) for (const n of cell.citations) expect(cited.has(n)).toBe(true);
  });

  it('takes the parties to compare, and reads a first word that is a party as one', async () => {
    expect((await run('/compare energy russia ukraine')).comparison!.parties.map((p) => p.id)).toEqual(['russia', 'ukraine']);
    expect((await run('/compare putin zelensky')).comparison!.parties.map((p) => p.id)).toEqual(['russia', 'ukraine']);
  });

  it('without a topic, shows the topics on which most parties have spoken', async () => {
    const reply = await run('/compare');
    expect(reply.comparison!.topics.length).toBeGreaterThan(0);
    expect(reply.comparison!.topics[0]!.id).toBe('ceasefire');
  });
});

describe('/recent', () => {
  it('lists dated events newest first, measured back from the newest coverage', async () => {
    const reply = await run('/recent');
    expect(reply.events!.map((e) => e.date)).toEqual(['2025-03-18', '2025-03-13', '2025-03-13', '2025-03-13', '2025-03-12']);
    expect(reply.text).toContain('the 30 days up to 2025-03-20, the newest coverage in the corpus');
  });

  it('takes an explicit number of days, and points further back when the window is empty', async () => {
    expect((await run('/recent 3')).events!.map((e) => e.date)).toEqual(['2025-03-18']);
    const older = await run('/recent 1');
    expect(older.events).toEqual([]);
    expect(older.text).toBe('No dated events in the 1 day up to 2025-03-20, the newest coverage in the corpus. The latest before that is from 2025-03-18: try /recent 3.');
    expect((await run('/recent 400')).events!.map((e) => e.date)).toContain('2024-08');
  });
});
