import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSlashCommands } from '../../../src/adapters/discord/registerCommands';
import { loadCommands } from '../../../src/core/registry';
import { FakeDiscord } from '../../helpers/fakeDiscord';
import { ROOT } from '../../helpers/fixtures';
import { startScript } from '../../helpers/runBot';
import { TEST_COMMANDS } from '../../helpers/testCommands';

let discord: FakeDiscord;
const GUILD = '1300000000000000555';

beforeAll(async () => {
  discord = await FakeDiscord.start();
});

afterAll(async () => {
  await discord?.stop();
});

describe('registering the slash commands', () => {
  it('bulk-overwrites the guild commands with definitions generated from commands/', async () => {
    const commands = (await loadCommands()).list();
    const done = await registerSlashCommands({ token: discord.token, apiUrl: discord.apiUrl, applicationId: discord.applicationId, guildId: GUILD }, commands);
    expect(done).toEqual({ applicationId: discord.applicationId, guildId: GUILD, names: commands.map((c) => c.name) });
    const put = discord.requests.at(-1)!;
    expect(put.method).toBe('PUT');
    expect(put.path).toBe(`/api/v10/applications/${discord.applicationId}/guilds/${GUILD}/commands`);
    expect((put.body as { name: string }[]).map((c) => c.name)).toEqual(commands.map((c) => c.name));
    expect(put.body).toEqual(expect.arrayContaining([
      {
        type: 1,
        name: 'ask',
        description: 'Answer a question with verbatim sentences from the articles, each cited',
        options: [
          {
            type: 3,
            name: 'question',
            description: 'Your question about the ceasefire negotiations (at most 300 characters)',
            required: true,
            min_length: 3,
            max_length: 300,
          },
        ],
      },
      {
        type: 1,
        name: 'help',
        description: 'What Parley can do: every command with its usage and examples',
        options: [{ type: 3, name: 'command', description: 'Show one command in detail', required: false }],
      },
      {
        type: 1,
        name: 'sources',
        description: 'List the articles Parley answers from: title, source and date, newest first',
        options: [{ type: 4, name: 'page', description: 'Page of the list, 20 articles a page', required: false, min_value: 1 }],
      },
    ]));
    expect(discord.refusals).toEqual([]);
  });

  it('registers globally, asking Discord for the application id when it is not set', async () => {
    const done = await registerSlashCommands({ token: discord.token, apiUrl: discord.apiUrl, applicationId: null, guildId: null }, TEST_COMMANDS);
    expect(done.applicationId).toBe(discord.applicationId);
    expect(discord.requests.at(-1)!.path).toBe(`/api/v10/applications/${discord.applicationId}/commands`);
    const versus = (discord.requests.at(-1)!.body as { name: string; options: unknown[] }[]).find((c) => c.name === 'versus')!;
    expect(versus.options).toEqual([
      { type: 3, name: 'parties', description: 'The parties to set side by side (separate several with commas)', required: true, autocomplete: true },
      { type: 4, name: 'days', description: 'How many days back', required: false, min_value: 1, max_value: 90 },
      { type: 5, name: 'refuse', description: 'Refuse with a not-found error', required: false },
    ]);
    expect(discord.refusals).toEqual([]);
  });

  it('says where global commands may be used: in servers, and in DMs unless they are for channel managers', async () => {
    const commands = (await loadCommands()).list();
    await registerSlashCommands({ token: discord.token, apiUrl: discord.apiUrl, applicationId: discord.applicationId, guildId: null }, commands);
    const body = discord.requests.at(-1)!.body as { name: string; contexts: number[]; integration_types: number[]; default_member_permissions?: string }[];
    const place = (name: string) => body.find((c) => c.name === name)!;
    expect(place('ask')).toMatchObject({ integration_types: [0], contexts: [0, 1] });
    for (const managed of ['ingest', 'digest']) {
      expect(place(managed)).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: '32' });
    }
    expect(discord.refusals).toEqual([]);
  });
});

describe('npm run register', () => {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.register as string;

  it('registers the commands and says where', async () => {
    expect(script).toBe('node dist/scripts/register-discord.js');
    const run = await startScript('scripts/register-discord.ts', [], {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: GUILD,
    }).exited;
    expect(run.stderr).toBe('');
    const names = (await loadCommands()).list().map((c) => `/${c.name}`);
    expect(run.stdout).toBe(`Registered ${names.length} commands in guild ${GUILD}: ${names.join(', ')}. They are usable there now.\n`);
    expect(run.code).toBe(0);
  });

  it('says what is missing without a token, and why Discord refused a bad one', async () => {
    const missing = await startScript('scripts/register-discord.ts', []).exited;
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Set DISCORD_TOKEN');
    const refused = await startScript('scripts/register-discord.ts', [], { DISCORD_TOKEN: 'not-the-token-at-all', DISCORD_API_URL: discord.apiUrl }).exited;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Discord refused the registration: 401: Unauthorized');
    expect(refused.stderr).not.toContain('not-the-token-at-all');
  });
});
