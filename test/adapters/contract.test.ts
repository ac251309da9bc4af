import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Parley } from '../../src/app/parley';
import { writeCommandRefs } from '../../src/core/commandRef';
import { loadCommands } from '../../src/core/registry';
import { consoleHarness } from '../helpers/harnesses/console';
import { discordGatewayHarness } from '../helpers/harnesses/discordGateway';
import { discordHttpHarness } from '../helpers/harnesses/discordHttp';
import type { Delivered, Harness } from '../helpers/harnesses/harness';
import { slackHttpHarness } from '../helpers/harnesses/slackHttp';
import { slackSocketHarness } from '../helpers/harnesses/slackSocket';
import { LONG_REPLY, MENTIONS, parleyWithTestCommands } from '../helpers/testCommands';

/**
 * The adapter contract, the same scenarios through every adapter: each adapter driven as its
 * platform drives it (see test/helpers/harnesses/), its answers read back as the user would
 * see them. What only one platform has (signatures, acknowledgements, autocompletion,
 * registration, escaping rules) stays in that adapter's own suite.
 */

const HARNESSES: Harness[] = [consoleHarness(), discordGatewayHarness(), discordHttpHarness(), slackHttpHarness(), slackSocketHarness()];
const EXAMPLES = (await loadCommands()).list().flatMap((command) => command.examples ?? []);

describe.each(HARNESSES)('$name', (harness) => {
  const { traits } = harness;
  /** The core alone, to know what each example should answer on this platform. */
  let reference: Parley;

  beforeAll(async () => {
    reference = await parleyWithTestCommands();
    await harness.start();
  });
  afterAll(() => harness.stop());

  /** Within the platform's limits, no one notified: what every answer must be. */
  const expectWellFormed = (delivered: Delivered, what: string) => {
    expect(delivered.overLimits, what).toEqual([]);
    expect(delivered.pings, what).toEqual([]);
    expect(delivered.messages, what).toBeGreaterThan(0);
    expect(delivered.messages, what).toBeLessThanOrEqual(traits.maxMessagesPerReply);
  };
  const expectPrivate = (delivered: Delivered, what: string) => {
    if (traits.privateReplies) expect(delivered.privateMessages, what).toBe(delivered.messages);
  };
  const expectPublic = (delivered: Delivered, what: string) => expect(delivered.privateMessages, what).toBe(0);

  it.each(EXAMPLES)('answers "%s" as the core does, for a manager', async (example) => {
    const expected = await reference.runText(example, traits.manager);
    // In a chat channel every example works; the console has no channel to subscribe.
    if (traits.roles) expect(expected.ok, expected.ok ? '' : expected.error.message).toBe(true);
    const delivered = await harness.run(example, { as: 'manager', messages: expected.ok ? harness.messagesFor(expected.reply) : 1 });
    expectWellFormed(delivered, example);
    if (!expected.ok) {
      expect(delivered.text).toContain(writeCommandRefs(expected.error.message, traits.slash));
      return;
    }
    if (expected.reply.ephemeral) expectPrivate(delivered, example);
    else expectPublic(delivered, example);
    for (const citation of [...expected.reply.citations, ...(expected.reply.related ?? [])]) {
      expect(delivered.text, example).toContain(citation.quote);
      expect(delivered.text, example).toContain(citation.title);
    }
  });

  describe('errors are answered privately, saying what was wrong', () => {
    it('an unknown command', async () => {
      const delivered = await harness.run('forecast russia ukraine');
      expectWellFormed(delivered, 'forecast');
      expectPrivate(delivered, 'forecast');
      expect(delivered.text).toContain('Unknown command "forecast"');
    });

    it('a bad option, with the usage', async () => {
      const delivered = await harness.run('ask x');
      expectWellFormed(delivered, 'ask x');
      expectPrivate(delivered, 'ask x');
      expect(delivered.text).toContain('The question is too short');
      expect(delivered.text).toContain(`Usage: ${traits.slash('ask')} <question>`);
    });

    it('an error the command finds while running', async () => {
      const delivered = await harness.run('versus russia ukraine --refuse');
      expectWellFormed(delivered, 'versus');
      expectPrivate(delivered, 'versus');
      expect(delivered.text).toContain('No statements by russia or ukraine in the corpus.');
    });
  });

  it('apologises for a command that crashes, logs why, and keeps serving', async () => {
    const crashed = await harness.run('explode');
    expectWellFormed(crashed, 'explode');
    expectPrivate(crashed, 'explode');
    expect(crashed.text).toContain(`Sorry, ${traits.slash('explode')} failed on our side`);
    expect(harness.logged()).toMatch(/command \/explode failed[^]*database on fire/u);
    const next = await harness.run('ask What did Zelensky say about sanctions?');
    expect(next.text).toContain('automatic sanctions');
  });

  it('apologises for a reply that breaks the Reply contract, and keeps serving', async () => {
    const broken = await harness.run('malformed');
    expectWellFormed(broken, 'malformed');
    expectPrivate(broken, 'malformed');
    expect(broken.text).toMatch(/Sorry/u);
    expect(broken.text).not.toContain('no citations field');
    const next = await harness.run('ask What did Zelensky say about sanctions?');
    expect(next.text).toContain('automatic sanctions');
  });

  it('splits an over-long reply into messages within the platform’s limits, in order, losing no part', async () => {
    const expected = harness.messagesFor(LONG_REPLY);
    if (traits.maxMessagesPerReply > 1) expect(expected).toBeGreaterThan(1);
    const delivered = await harness.run('overlong', { messages: expected });
    expectWellFormed(delivered, 'overlong');
    expectPublic(delivered, 'overlong');
    expect(delivered.messages).toBe(expected);
    const inOrder = (marks: string[]) => marks.map((mark) => delivered.text.indexOf(mark));
    const paragraphs = inOrder(['Paragraph 1:', 'Paragraph 13:', 'Paragraph 25:']);
    expect(paragraphs.every((at) => at >= 0)).toBe(true);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    const sections = inOrder(LONG_REPLY.sections!.map((s) => `${s.title}\n`));
    expect(sections.every((at) => at >= 0)).toBe(true);
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    for (const citation of LONG_REPLY.citations) expect(delivered.text).toContain(`Article ${citation.n}:`);
  });

  describe('mentions never notify anyone', () => {
    it('in a question, which is answered past the mentions', async () => {
      const { everyone, person } = traits.mention;
      const delivered = await harness.run(`ask ${everyone} ${person} what did Putin say about Kursk?`);
      expectWellFormed(delivered, 'ask');
      expect(delivered.text).toContain('Kursk');
      expect(delivered.text).not.toContain('Not found in the corpus');
    });

    it.runIf(traits.repeatsCommand)('in a question, which the reply repeats as typed', async () => {
      const { everyone, person } = traits.mention;
      const delivered = await harness.run(`ask ${everyone} ${person} what did Putin say about Kursk?`);
      expectWellFormed(delivered, 'ask');
      expect(delivered.text).toContain(`${everyone} ${person} what did Putin say`);
    });

    it('in input an error repeats', async () => {
      const delivered = await harness.run(`help ${traits.mention.everyone}`);
      expectWellFormed(delivered, 'help');
      expect(delivered.text).toContain(`There is no command "${traits.mention.everyone}"`);
    });

    it('in article text: titles, sources, quotes and sections', async () => {
      const delivered = await harness.run('mischief');
      expectWellFormed(delivered, 'mischief');
      expect(delivered.text).toContain(`He told ${MENTIONS} it was over.`);
      expect(delivered.text).toContain(`Said to ${MENTIONS}.`);
    });
  });

  it.runIf(harness.redeliver)('answers a redelivered command once', async () => {
    expect(await harness.redeliver!('ask Who attacks Odesa?')).toEqual({ runs: 1, messages: 1 });
  });

  describe('manager-only commands', () => {
    it.runIf(traits.roles).each([
      ['ingest https://news.example/feed.xml', 'Only people who can manage this channel can add articles to the corpus.'],
      ['digest subscribe 08:00 Europe/Berlin', 'Only channel managers can subscribe or unsubscribe a channel'],
    ])('refuses "%s" to a member, privately', async (line, refusal) => {
      const delivered = await harness.run(line, { as: 'member' });
      expectWellFormed(delivered, line);
      expectPrivate(delivered, line);
      expect(delivered.text).toContain(refusal);
    });

    it('lets a manager add articles (this instance has no corpus folder to write to)', async () => {
      const delivered = await harness.run('ingest https://news.example/feed.xml', { as: 'manager' });
      expectWellFormed(delivered, 'ingest');
      expectPrivate(delivered, 'ingest');
      expect(delivered.text).toContain('cannot add articles: it has no corpus folder');
    });

    it.runIf(traits.roles)('lets a manager subscribe the channel', async () => {
      const delivered = await harness.run('digest subscribe 09:30 UTC', { as: 'manager' });
      expectWellFormed(delivered, 'digest subscribe');
      expectPublic(delivered, 'digest subscribe');
      expect(delivered.text).toContain('This channel will get Parley’s digest every day at 09:30 (UTC)');
    });
  });

  describe('private replies', () => {
    it.each([
      ['secret', 'Only you can see this.'],
      ['digest preview', 'new article'],
    ])('"%s" is seen by the asker alone', async (line, shown) => {
      const delivered = await harness.run(line);
      expectWellFormed(delivered, line);
      expectPrivate(delivered, line);
      expect(delivered.text).toContain(shown);
    });

    it('a public reply is seen by everyone', async () => {
      const delivered = await harness.run('sources');
      expectWellFormed(delivered, 'sources');
      expectPublic(delivered, 'sources');
      expect(delivered.text).toContain('The corpus holds 5 articles');
    });
  });
});
