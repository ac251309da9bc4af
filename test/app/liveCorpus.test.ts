import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually';
import { articleFile, temporaryDir } from '../helpers/fixtures';
import { ALIAS_BOMB, invalidUtf8File } from '../helpers/hostileFiles';
import { PATHS } from '../helpers/fakeSite';
import { liveBotWithSite } from '../helpers/liveBot';

/** The bot as users run it: a process whose corpus grows while it answers. */

const live = liveBotWithSite((site) => ({
  PARLEY_FETCH_ALLOW_PRIVATE: '127.0.0.1',
  PARLEY_FETCH_TIMEOUT_SECONDS: '2',
  PARLEY_FETCH_MAX_MB: '0.25',
  PARLEY_FEEDS: site.url(PATHS.atom),
}));

/** Asks until the answer quotes `quote`; returns the citation. */
const answered = (question: string, quote: string) =>
  eventually(async () => {
    const reply = await live.bot.send(`ask ${question}`);
    const citations = (reply.citations ?? []) as { quote: string; title: string }[];
    return citations.find((c) => c.quote.includes(quote));
  }, `an answer quoting “${quote}”`);

describe('a running bot', () => {
  it('answers from a file dropped into its corpus folder within seconds', async () => {
    writeFileSync(
      join(live.corpusDir, '2025-04-01-zebras-at-the-dnipro.md'),
      articleFile({ title: 'Zebras at the Dnipro', source: 'Test Wire', published: '2025-04-01' }, 'Zebras crossed the Dnipro near Kherson on Tuesday, the governor said.'),
    );
    const citation = await answered('Did zebras cross the Dnipro?', 'Zebras crossed the Dnipro near Kherson');
    expect(citation.title).toBe('Zebras at the Dnipro');
  });

  it('reports a malformed file and goes on answering from the rest', async () => {
    writeFileSync(join(live.corpusDir, 'broken.md'), articleFile({ title: 'Broken', source: 'Test Wire' }, 'Okapis crossed the Dnipro.'));
    await eventually(() => live.bot.stderr().includes('[warn] corpus file broken.md skipped: published: missing'), 'the warning');
    const reply = await live.bot.send('ask What did Putin say about the 30-day ceasefire?');
    expect(reply).toMatchObject({ abstained: false });
    const sources = await live.bot.send('sources');
    expect(sources.text).toContain('1 corpus file was skipped because of errors');
  });

  it('ingests a feed typed at its console, and answers from it', async () => {
    const reply = await live.bot.send(`ingest ${live.site.url(PATHS.rss)}`);
    // The Atom feed the bot polls has one of these stories too: whichever came first, it is stored once.
    expect(reply).toMatchObject({ command: 'ingest', text: expect.stringMatching(/^The feed “The Kyiv Ledger — World”: 9 entries — [12] added/u) as string });
    const citation = await answered('What did Rubio say about an inspection regime?', 'wanted an inspection regime for merchant ships');
    expect(citation.title).toBe('Black Sea truce talks to resume in Riyadh, Rubio says');
  });

  it('polls the feeds in its settings and answers from their articles', async () => {
    const citation = await answered('Who sketched a reassurance force?', 'planners met in Paris this week to sketch a reassurance force');
    expect(citation.title).toBe('Europe weighs a reassurance force for the ceasefire line');
    expect(live.bot.stderr()).toContain('[info] polling 1 feed every 30 minutes');
  });

  // Last: it adds to the files the sources count as skipped.
  it('names hostile files dropped in one batch, and answers from the rest of the batch', async () => {
    const outside = temporaryDir('parley-outside-');
    writeFileSync(join(outside, 'secret.md'), articleFile({ title: 'Outside', source: 'Test Wire', published: '2025-04-03' }, 'Quokkas live outside the corpus folder, the ranger said.'));
    const { bytes, offset, line } = invalidUtf8File();
    writeFileSync(join(live.corpusDir, 'a-bomb.md'), ALIAS_BOMB);
    writeFileSync(join(live.corpusDir, 'latin1.md'), bytes);
    symlinkSync(join(outside, 'secret.md'), join(live.corpusDir, 'secret.md'));
    writeFileSync(
      join(live.corpusDir, 'okapis.md'),
      articleFile({ title: 'Okapis at the Dnipro', source: 'Test Wire', published: '2025-04-02' }, 'Okapis crossed the Dnipro near Zaporizhzhia on Wednesday, the mayor said.'),
    );
    const citation = await answered('Did okapis cross the Dnipro?', 'Okapis crossed the Dnipro near Zaporizhzhia');
    expect(citation.title).toBe('Okapis at the Dnipro');
    for (const warning of [
      '[warn] corpus file a-bomb.md skipped: front matter: its YAML aliases expand too far (more than 100 alias uses; an alias bomb?)',
      `[warn] corpus file latin1.md skipped: not valid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`,
      `[warn] corpus file secret.md skipped: a symbolic link (to ${join(outside, 'secret.md')}): not followed, corpus files must be regular files inside the corpus folder`,
    ]) {
      await eventually(() => live.bot.stderr().includes(warning), warning);
    }
    const reply = await live.bot.send('ask Where do quokkas live?');
    expect(JSON.stringify(reply)).not.toContain('Quokkas live outside');
    const sources = await live.bot.send('sources');
    expect(sources.text).not.toContain('Outside');
    expect(sources.text).toContain('4 corpus files were skipped because of errors');
  });
});
