import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../../src/core/registry';
import { captureLog } from '../../helpers/capturedLog';
import { articleFile, corpusCopy, libraryOf, testParley } from '../../helpers/fixtures';
import { blockTexts } from '../../helpers/slack/blockKitLimits';
import { liveFormatting, readerView } from '../../helpers/slack/mrkdwn';
import { expectOutcomeDelivered, SLACK_TEST_CALLER } from '../../helpers/slack/expectations';
import { postSlashCommand, slashCommand } from '../../helpers/slack/slashCommands';
import { startSlackUnderTest, TEST_SLACK, type SlackUnderTest } from '../../helpers/slack/slackAdapter';
import { parleyWithTestCommands } from '../../helpers/testCommands';

/**
 * The Slack adapter in HTTP mode, through the real Bolt app: slash commands POSTed as Slack
 * sends them (form-encoded, signed), replies read where Slack would receive them. What every
 * adapter must do (errors, crashes, splitting, mentions, redelivery, managers, privacy) is in
 * the contract suite (test/adapters/contract.test.ts); here, what is Slack's own.
 */

const seedCommands = (await loadCommands()).list();

let slack: SlackUnderTest;
const captured = captureLog('debug');
const parley = await parleyWithTestCommands(captured.log);

beforeAll(async () => {
  slack = await startSlackUnderTest({ parley, captured });
});
afterAll(() => slack.stop());

/** Sends a slash command signed as Slack does, and returns the messages its response URL receives. */
async function run(command: string, text: string, count = 1): Promise<Record<string, unknown>[]> {
  const responseUrl = slack.fake.responseUrl();
  const response = await postSlashCommand(slack.eventsUrl, TEST_SLACK.signingSecret, slashCommand({ command, text, response_url: responseUrl }));
  expect(response.status).toBe(200);
  return slack.fake.waitForResponses(responseUrl, count);
}

const allText = (messages: Record<string, unknown>[]) => messages.flatMap(blockTexts).join('\n');

// That every example is answered on every platform is in the contract suite; here, Slack's layout of them.
describe.each(seedCommands.map((c) => [c.name, c] as const))('/parley-%s laid out as Slack blocks', (name, command) => {
  it.each(command.examples ?? [])('"/%s": a header for the title, its citations, the numbered sources in a context block', async (example) => {
    const expected = await parley.runText(example, SLACK_TEST_CALLER);
    expectOutcomeDelivered(await run(`/parley-${name}`, example.slice(name.length).trim()), expected);
  });
});

describe('Slack slash commands over HTTP', () => {
  it('answers /parley-ask with the cited sentences and their sources', async () => {
    const [message] = await run('/parley-ask', 'What did Zelensky say about sanctions?');
    expect(message!.response_type).toBe('in_channel');
    expect(message!.text).toContain('What did Zelensky say about sanctions?');
    const [header, answer, sources] = message!.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    expect(header).toMatchObject({ type: 'header', text: { text: 'What did Zelensky say about sanctions?' } });
    expect(answer!.text!.text).toContain('demanded U.S. oversight and automatic sanctions should Russia violate terms. [1]');
    expect(sources).toMatchObject({ type: 'context' });
    expect(sources!.elements![0]!.text).toMatch(/^\*Sources\*\n\[1(, \d)*\] Trump’s Ceasefire Push Meets Putin’s Caution — unknown \(seed article\), 2025-03-20 \(date estimated\)/u);
  });

  it('serves every command through the single /parley entry point too', async () => {
    const [message] = await run('/parley', 'ask What did Zelensky say about sanctions?');
    expect(allText([message!])).toContain('automatic sanctions');
    const [help] = await run('/parley', '');
    expect(allText([help!])).toContain('/parley-ask &lt;question&gt;');
  });

  it('names the Slack commands in help', async () => {
    const [message] = await run('/parley-help', '');
    const text = allText([message!]);
    expect(text).toContain('*/parley-ask &lt;question&gt;*');
    expect(text).toContain('e.g. /parley-sources 2');
    expect(text).not.toMatch(/(^|\s)\/ask\b/mu);
  });

  it('tells the user, privately, what was wrong with bad input', async () => {
    const [tooLong] = await run('/parley-ask', 'why '.repeat(100));
    expect(tooLong).toMatchObject({ response_type: 'ephemeral' });
    expect(tooLong!.text).toBe(`question: “${'why '.repeat(25).trim()}…” — The question is too long: 399 characters, the limit is 300. Usage: /parley-ask &lt;question&gt;`);
    const [missing] = await run('/parley-ask', '');
    expect(missing).toMatchObject({ response_type: 'ephemeral', text: 'question is required. Usage: /parley-ask &lt;question&gt;' });
    const [unknown] = await run('/parley', 'sorces');
    expect(unknown).toMatchObject({ response_type: 'ephemeral' });
    expect(unknown!.text).toContain('Unknown command "sorces". Did you mean "sources"?');
  });

  it('keeps <!channel>, user mentions and links in the input inert', async () => {
    const raw = await run('/parley-ask', '<!channel> <@U0BOSS> <https://evil.example|click> What did Putin say about Kursk?');
    const encoded = await run('/parley-ask', '&lt;!channel&gt; What did Putin say about Kursk?');
    const unknown = await run('/parley', '<!here>');
    for (const messages of [raw, encoded, unknown]) {
      const sent = JSON.stringify(messages);
      expect(sent).not.toMatch(/<!channel>|<!here>|<@U0BOSS>|<https:\/\/evil/u);
    }
    expect(raw[0]!.blocks).toContainEqual(
      expect.objectContaining({ type: 'header', text: expect.objectContaining({ text: expect.stringContaining('&lt;!channel&gt; &lt;@U0BOSS&gt;') }) }),
    );
    expect(JSON.stringify(encoded)).toContain('&lt;!channel&gt; What did Putin say about Kursk?');
    expect(unknown[0]!.text).toContain('Unknown command "&lt;!here&gt;"');
  });

  it('logs a response URL that refuses the reply, and keeps serving', async () => {
    const responseUrl = slack.fake.responseUrl();
    slack.fake.failResponseUrl(responseUrl, 404);
    const response = await postSlashCommand(slack.eventsUrl, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-sources', text: '', response_url: responseUrl }));
    expect(response.status).toBe(200);
    await slack.captured.waitFor(/the apology could not be sent either/u);
    const [next] = await run('/parley-sources', '');
    expect(allText([next!])).toContain('The corpus holds 5 articles');
  });

  it('lets a workspace admin, as users.info tells, run /parley-ingest', async () => {
    slack.fake.admins.add('U0ADMIN');
    const responseUrl = slack.fake.responseUrl();
    await postSlashCommand(slack.eventsUrl, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-ingest', text: 'https://news.example/feed.xml', response_url: responseUrl, user_id: 'U0ADMIN' }));
    // This Parley has no corpus folder to write to: a manager is told so, not refused.
    expect(JSON.stringify(await slack.fake.waitForResponses(responseUrl))).toContain('cannot add articles: it has no corpus folder');
    expect(slack.fake.apiCalls).toContainEqual(expect.objectContaining({ method: 'users.info', args: expect.objectContaining({ user: 'U0ADMIN' }) }));
  });

  describe('rejects, with 401 and no answer, a request', () => {
    const cases = [
      ['signed with the wrong secret', { signWith: 'not-the-signing-secret-000000000' }],
      ['with a timestamp over 5 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
      ['with a timestamp over 5 minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 }],
      ['without a signature', { unsigned: true }],
    ] as const;
    it.each(cases)('%s', async (_what, options) => {
      const responseUrl = slack.fake.responseUrl();
      const response = await postSlashCommand(
        slack.eventsUrl,
        TEST_SLACK.signingSecret,
        slashCommand({ command: '/parley-ask', text: 'What did Putin say?', response_url: responseUrl }),
        options,
      );
      expect(response.status).toBe(401);
      await run('/parley-sources', '');
      expect(slack.fake.responses(responseUrl)).toEqual([]);
    });
  });

  it('never writes the tokens or the signing secret to the log', () => {
    const log = slack.captured.lines.join('\n');
    expect(log).toContain('[debug]');
    for (const secret of Object.values(TEST_SLACK)) expect(log).not.toContain(secret);
  });
});

describe('corpus text in Slack', () => {
  it('stays inert: a mention or link in an article is shown, not acted on', async () => {
    const corpus = corpusCopy({
      'mischief.md': articleFile(
        { title: 'Moscow <!channel> Digest', source: 'Test & Co', published: '2025-03-21', url: 'https://news.example/a?x=1&y=2' },
        'The Kremlin spokesman Peskov told <@U0BOSS> that the <https://evil.example|Kursk> withdrawal was complete.',
      ),
    });
    const mischief = await startSlackUnderTest({ parley: testParley(await loadCommands(), libraryOf(corpus)) });
    try {
      const responseUrl = mischief.fake.responseUrl();
      await postSlashCommand(mischief.eventsUrl, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-ask', text: 'What did Peskov say about the withdrawal?', response_url: responseUrl }));
      const [message] = await mischief.fake.waitForResponses(responseUrl);
      const sent = JSON.stringify(message);
      expect(sent).toContain('told &lt;@U0BOSS&gt; that the &lt;https://evil.example|Kursk&gt; withdrawal');
      expect(sent).not.toMatch(/<!channel>|<@U0BOSS>|<https:\/\/evil/u);
      expect(sent).toContain('<https://news.example/a?x=1&amp;y=2|Moscow &lt;!channel&gt; Digest> — Test &amp; Co, 2025-03-21');
    } finally {
      await mischief.stop();
    }
  });

  it('shows Markdown and mrkdwn in an article literally, and quotes a sentence with a mention token whole', async () => {
    const sentence = 'Ostrovsky said the **quarantine fence** talks with <@!424242> were ```final```, _binding_ and ~open~ now.';
    const corpus = corpusCopy({
      'marks.md': articleFile({ title: 'Fence *Talks* Resume', source: 'Test Wire', published: '2025-03-21' }, `${sentence} Nothing else was agreed.`),
    });
    const marks = await startSlackUnderTest({ parley: testParley(await loadCommands(), libraryOf(corpus)) });
    try {
      const responseUrl = marks.fake.responseUrl();
      await postSlashCommand(marks.eventsUrl, TEST_SLACK.signingSecret, slashCommand({ command: '/parley-ask', text: 'What did Ostrovsky say about the quarantine fence talks?', response_url: responseUrl }));
      const [message] = await marks.fake.waitForResponses(responseUrl);
      const texts = (message!.blocks as { type: string }[]).filter((b) => b.type !== 'header').flatMap((b) => blockTexts({ blocks: [b] }));
      expect(readerView(texts.join('\n'))).toContain(sentence);
      expect(readerView(texts.join('\n'))).toContain('Fence *Talks* Resume');
      expect(texts.map((t) => t.replaceAll('*Sources*', '')).flatMap(liveFormatting)).toEqual([]);
    } finally {
      await marks.stop();
    }
  });
});
