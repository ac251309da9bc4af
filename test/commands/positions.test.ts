import { describe, expect, it } from 'vitest';
import { personLabel } from '../../src/positions/actors';
import { quotationMarksBalanced } from '../../src/positions/quotable';
import { articleFile, asTyped, CONSOLE_CALLER, corpusCopy, libraryOf, seedCorpusLibrary, seedParley, testParley } from '../helpers/fixtures';
import { loadCommands } from '../../src/core/registry';

const parley = await seedParley();
const runOn = async (app: typeof parley, line: string) => {
  // Command references written as the console writes them ("/position united-states").
  const outcome = asTyped(await app.runText(line, CONSOLE_CALLER));
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.reply;
};
const run = (line: string) => runOn(parley, line);
const OTHER_SPEAKERS = /^Other .+ speakers, not /u;
const EARLIER = 'Earlier statements, not the current position';

describe('/position', () => {
  it('reaches the same party from a leader and from its name, naming each speaker', async () => {
    const byLeader = await run('/position putin');
    const byName = await run('/position russia');
    expect(byName.positions!.every((p) => p.party === 'russia')).toBe(true);
    expect(byLeader.positions!.every((p) => p.party === 'russia')).toBe(true);
    const russianSpeakers = ['Putin', 'the Kremlin', 'Gerasimov', 'Naryshkin', 'Russia', 'Russian negotiators', 'Moscow', 'the Russian Federation', 'Both sides'];
    for (const p of byName.positions!) expect(russianSpeakers).toContain(p.speaker);
    expect(byName.text).toMatch(/naming who said it \(.*Putin.*\)/u);
    expect(byName.text).toContain('the Kremlin');
    expect(byLeader.text).toContain('(“putin” is Vladimir Putin, President of Russia)');
  });

  it('shows the person asked for first: /position trump is Trump’s own statements, then other US speakers labelled, with a pointer', async () => {
    const reply = await run('/position trump');
    const sections = reply.sections!;
    const others = sections.findIndex((s) => OTHER_SPEAKERS.test(s.title));
    expect(others).toBeGreaterThan(0);
    expect(sections[others]!.title).toBe('Other United States speakers, not Trump');
    expect(sections[others]!.body).toContain('All of United States’ positions: /position united-states');
    const own = sections.slice(0, others).flatMap((s) => s.body.split('\n')).filter((line) => !line.startsWith('…'));
    expect(own.length).toBeGreaterThan(0);
    for (const line of own) expect(line).toMatch(/^Trump: /u);
    expect(own.join('\n')).toContain('warning that failure could mean World War Three');
    expect(sections[others]!.body).toMatch(/^(?:the White House|Leavitt|the U\.S\.): /mu);
    expect(JSON.stringify(reply)).not.toContain('Sullivan');
  });

  it('does the same for every person in config/parties.yml', async () => {
    for (const party of seedCorpusLibrary().vocabulary.parties) {
      for (const person of party.people) {
        const reply = await run(`/position "${person.aliases[0] ?? person.name}"`);
        const sections = reply.sections ?? [];
        const ownEnd = sections.findIndex((s) => OTHER_SPEAKERS.test(s.title) || s.title === EARLIER);
        const own = sections.slice(0, ownEnd < 0 ? sections.length : ownEnd).flatMap((s) => s.body.split('\n')).filter((l) => !l.startsWith('…'));
        for (const line of own) expect(line, `/position ${person.name}`).toMatch(new RegExp(`^${personLabel(person)}: `, 'u'));
        expect(reply.positions!.every((p) => p.party === party.id)).toBe(true);
        if (own.length === 0) expect(reply.text).toContain(`No stated position of ${personLabel(person)}’s own`);
      }
    }
  });

  it('never presents a former official’s line as the party’s current position: Sullivan’s June 2023 line is an earlier statement, labelled', async () => {
    const reply = await run('/position united-states');
    const sullivan = reply.positions!.filter((p) => p.speaker === 'Sullivan');
    expect(sullivan.map((p) => p.earlier)).toEqual([{ date: '2023-06', outOfOffice: true }]);
    const earlier = reply.sections!.find((s) => s.title === EARLIER)!;
    expect(earlier.body).toMatch(/^Sullivan \(former US National Security Adviser\), June 2023: “Back in June 2023/u);
    for (const section of reply.sections!.filter((s) => s !== earlier)) expect(section.body).not.toContain('Sullivan');
  });

  it('groups by topic and shows Russia’s Kursk demands, not Ukraine’s, nor Gerasimov’s battlefield report or a fragment', async () => {
    const reply = await run('/position russia kursk');
    expect(reply.sections!.map((s) => s.title)).toEqual(['Kursk (3)']);
    expect(reply.sections![0]!.body).toContain('Putin said those questions included the fate of Ukraine’s forces');
    expect(reply.sections![0]!.body).not.toContain('regained control of 86%');
    expect(reply.sections![0]!.body).not.toContain('These plans have fallen through');
    const ukraine = await run('/position ukraine');
    expect(ukraine.positions!.map((p) => p.statement)).toContain('Kyiv insists on a full Russian withdrawal, war reparations, and binding security guarantees—preferably via NATO—to prevent another invasion.');
    expect(ukraine.positions!.map((p) => p.statement).join(' ')).not.toContain('Putin demanded');
  });

  it('quotes no fragment and no sentence with an unbalanced quotation mark as a position', async () => {
    for (const party of ['russia', 'ukraine', 'united-states', 'europe']) {
      for (const position of (await run(`/position ${party}`)).positions!) {
        expect(quotationMarksBalanced(position.statement), position.statement).toBe(true);
        expect(position.statement.split(/\s+/u).length, position.statement).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('makes one entry of a statement several articles report, with every citation, ranked first', async () => {
    const repeat = (n: number) =>
      articleFile(
        { title: `Wire copy ${n}`, source: `Wire ${n}`, published: `2025-03-1${n}` },
        'Leading up to it, Trump repeatedly hyped up what he described as “good conversation” and “good talks” with Putin.',
      );
    const library = libraryOf(corpusCopy({ 'wire-1.md': repeat(1), 'wire-2.md': repeat(2) }));
    const app = testParley(await loadCommands(), library);
    const reply = await runOn(app, '/position trump us-russia');
    const first = reply.positions![0]!;
    expect(first.reportedBy).toBe(3);
    expect(first.citations.map((c) => c.articleId).sort()).toEqual(['2025-03-18-trump-putin-call-on-ukraine-ceasefire', 'wire-1', 'wire-2']);
    expect(reply.sections![0]!.body.split('\n')[0]).toMatch(/“good talks” with Putin\.” \[1, 2, 3\] — reported by 3 articles$/u);
    expect(reply.positions!.filter((p) => p.statement.startsWith('Leading up to it'))).toHaveLength(1);
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

/** A day after the seed corpus: Trump's “good talks” line again, and a statement of his no seed reports. */
const WIRE_COPY = articleFile(
  { title: 'Trump keeps up the pressure', source: 'Wire', published: '2025-03-21' },
  [
    'Leading up to it, Trump repeatedly hyped up what he described as “good conversation” and “good talks” with Putin.',
    'Trump insisted on Friday that sanctions on Russian banks would stay in place until a full ceasefire was agreed.',
  ].join('\n\n'),
);
const withWireCopy = async () => testParley(await loadCommands(), libraryOf(corpusCopy({ 'wire-copy.md': WIRE_COPY })));

describe('/position <party> [topic] [since]', () => {
  it('shows what changed since a date: only that coverage’s statements, the new ones first, a repeated one marked unchanged with its first report', async () => {
    const app = await withWireCopy();
    const reply = await runOn(app, '/position trump 2025-03-21');
    expect(reply.title).toBe('Trump — stated positions since 2025-03-21');
    expect(reply.text).toMatch(
      /^Trump’s own stated positions in coverage published on or after 2025-03-21, by topic \(“trump” is Donald Trump, [^)]+\): 1 new, 1 unchanged \(reported before too\); new first, then by corroboration and recency\./u,
    );
    const own = reply.positions!.filter((p) => p.speaker === 'Trump');
    expect(new Set(own.flatMap((p) => p.citations.map((c) => c.articleId)))).toEqual(new Set(['wire-copy']));
    const sanctions = own.find((p) => p.statement.startsWith('Trump insisted on Friday'))!;
    const talks = own.find((p) => p.statement.startsWith('Leading up to it'))!;
    expect(sanctions.change).toEqual({ status: 'new', firstReported: '2025-03-21' });
    expect(talks.change).toEqual({ status: 'unchanged', firstReported: '2025-03-18' });
    const lines = reply.sections!.flatMap((s) => s.body.split('\n'));
    expect(lines.find((l) => l.includes('Trump insisted on Friday'))).toMatch(/ — new$/u);
    expect(lines.find((l) => l.includes('Leading up to it'))).toMatch(/ — unchanged, first reported 2025-03-18$/u);
    // Without a since, the same line is the one entry of all three reports, as before.
    expect((await runOn(app, '/position trump us-russia')).positions!.find((p) => p.statement.startsWith('Leading up to it'))!.reportedBy).toBe(2);
  });

  it('takes a number of days back from the newest coverage, in its own place or in the topic’s, and with a topic', async () => {
    const app = await withWireCopy();
    const byDate = await runOn(app, '/position trump 2025-03-21');
    const byDays = await runOn(app, '/position trump 1');
    expect(byDays.positions).toEqual(byDate.positions);
    expect(byDays.text).toContain('in the 1 day up to 2025-03-21 (the newest coverage), by topic');
    expect((await runOn(app, '/position trump since:1')).positions).toEqual(byDate.positions);
    const onTopic = await runOn(app, '/position trump us-russia 2');
    expect(onTopic.text).toMatch(/^Trump’s own stated positions on US–Russia bilateral relations in the 2 days up to 2025-03-21 \(the newest coverage\) \(“trump” is /u);
    expect(onTopic.positions!.every((p) => p.topic === 'us-russia')).toBe(true);
    expect(onTopic.positions!.flatMap((p) => p.citations.map((c) => c.published)).every((d) => d >= '2025-03-20')).toBe(true);
    expect(onTopic.positions!.map((p) => p.statement)).toContain('Leading up to it, Trump repeatedly hyped up what he described as “good conversation” and “good talks” with Putin.');
  });

  it('says when the window holds no statement, and points to the latest before it', async () => {
    const reply = await run('/position ukraine 2025-03-21');
    expect(reply.positions).toEqual([]);
    expect(reply.text).toMatch(/^No stated position of Ukraine in coverage published on or after 2025-03-21\. The latest before it: \/position ukraine 2025-03-\d\d\.$/u);
    const latest = /\/position ukraine (2025-03-\d\d)\.$/u.exec(reply.text)![1]!;
    expect((await run(`/position ukraine ${latest}`)).positions!.length).toBeGreaterThan(0);
  });

  it('explains a since it cannot read, quoting it, wherever it was typed', async () => {
    const message = async (line: string) => {
      const outcome = asTyped(await parley.runText(line, CONSOLE_CALLER));
      expect(outcome.ok, line).toBe(false);
      return outcome.ok ? '' : `${outcome.error.code}: ${outcome.error.message}`;
    };
    expect(await message('/position russia kursk yesterday')).toMatch(
      /^invalid_input: since: “yesterday” — Give a date, YYYY-MM-DD, or a number of days back from the newest coverage, e\.g\. 2025-03-19 or 7\. Usage: \/position <party> \[topic\] \[since\]$/u,
    );
    expect(await message('/position russia kursk 0')).toMatch(/^invalid_input: since: “0” — A number of days back is from 1 to 3650\./u);
    expect(await message('/position russia 2025-02-30')).toBe('invalid_input: since: “2025-02-30” — There is no such day.');
    expect(await message('/position russia 99999')).toBe('invalid_input: since: “99999” — A number of days back is from 1 to 3650.');
    expect(await message(`/position russia kursk ${'9'.repeat(300)}`)).toContain(`“${'9'.repeat(100)}…”`);
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

  it('/compare kursk keeps Trump’s disputed claim as the US position, marked "disputed by [n]", and leaves Gerasimov’s report out', async () => {
    const reply = await run('/compare kursk');
    const us = reply.sections!.find((s) => s.title === 'United States')!;
    expect(us.body).toMatch(/^Trump: “This included his repeated but false insistence that Ukrainian troops in Kursk were facing “complete encirclement”.* \[(\d+)\] — disputed by \[(\d+)\]$/u);
    const disputing = Number(/disputed by \[(\d+)\]/u.exec(us.body)![1]);
    expect(reply.citations.find((c) => c.n === disputing)!.quote).toBe('This claim is entirely false.');
    expect(reply.positions!.find((p) => p.party === 'united-states')!.disputedBy).toEqual([disputing]);
    expect(reply.sections!.find((s) => s.title === 'Russia')!.body).not.toContain('regained control of 86%');
  });

  it('ranks current statements before earlier ones', async () => {
    const reply = await run('/compare us-russia united-states');
    const speakers = reply.positions!.map((p) => p.speaker);
    const sullivan = speakers.indexOf('Sullivan');
    // Sullivan's 2023 line is newer coverage than some current ones, yet never ranks above them.
    if (sullivan >= 0) expect(speakers.slice(sullivan + 1).every((s) => s === 'Sullivan')).toBe(true);
    expect(speakers.slice(0, 3)).not.toContain('Sullivan');
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
