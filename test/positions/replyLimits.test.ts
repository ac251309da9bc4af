import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/renderReply';
import { MAX_MESSAGES_PER_REPLY } from '../../src/adapters/discord/limits';
import { renderReply as renderSlack } from '../../src/adapters/slack/renderBlocks';
import { SLACK_LIMITS } from '../../src/adapters/slack/limits';
import { SLASH_COMMAND } from '../../src/core/commandRef';
import { loadCommands } from '../../src/core/registry';
import { discordProblems } from '../helpers/discordRules';
import { CONSOLE_CALLER, libraryOf, testParley } from '../helpers/fixtures';
import { generatedCorpus } from '../helpers/generatedCorpus';

/**
 * Issue 16: on 10,000 articles most Discord /position replies filled all five messages and
 * were cut, the same statement repeated for every outlet. Over a generated corpus where
 * every seed statement is reported many times, each reply is grouped and bounded instead.
 */
const app = testParley(await loadCommands(), libraryOf(generatedCorpus(300)));
const run = async (line: string) => {
  const outcome = await app.runText(line, CONSOLE_CALLER);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.reply;
};

describe('/position and /compare over many reports of the same statements', () => {
  it.each(['position russia', 'position trump', 'position united-states', 'position ukraine ceasefire', 'compare', 'compare kursk'])(
    '"%s" groups repeated statements and fits the platforms without being cut',
    async (line) => {
      const reply = await run(`/${line}`);
      // The same words may be shown once as current and once as earlier (said before the speaker took office).
      const statements = reply.positions!.map((p) => `${p.party}|${p.topic}|${p.earlier ? 'earlier' : 'current'}|${p.statement}`);
      expect(new Set(statements).size, 'a statement repeated instead of grouped').toBe(statements.length);
      const discord = renderDiscord(reply);
      expect(discord.length).toBeLessThan(MAX_MESSAGES_PER_REPLY);
      for (const message of discord) expect(discordProblems.message(message)).toEqual([]);
      expect(renderSlack(reply, SLASH_COMMAND).length).toBeLessThan(SLACK_LIMITS.messagesPerReply);
    },
  );

  it('points to the rest of a topic with the command that shows it', async () => {
    const reply = await run('/position russia');
    expect(reply.positions!.some((p) => (p.reportedBy ?? 1) > 1)).toBe(true);
    expect(reply.sections!.map((s) => s.body).join('\n')).toMatch(/… and \d+ more: \uE000position\uE001 russia [a-z-]+|… and \d+ more: \/position russia [a-z-]+/u);
  });
});
