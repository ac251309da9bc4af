import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { slackManifest, slackManifestYaml } from '../../../src/adapters/slack/manifest';
import { BOT_SCOPES } from '../../../src/adapters/slack/scopes';
import { defineCommand } from '../../../src/core/command';
import { loadCommands } from '../../../src/core/registry';
import { ROOT } from '../../helpers/fixtures';

const commands = (await loadCommands()).list();
const MANIFEST_FILE = join(ROOT, 'slack-app-manifest.yml');

describe('Slack app manifest', () => {
  it('slack-app-manifest.yml is the one generated from commands/ (regenerate: npm run -s slack-manifest > slack-app-manifest.yml)', () => {
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(slackManifestYaml(commands, { commandPrefix: 'parley' }));
  });

  it('declares a slash command for every command, the entry point, the scopes and Socket Mode', () => {
    const manifest = parse(readFileSync(MANIFEST_FILE, 'utf8')) as ReturnType<typeof slackManifest>;
    const declared = manifest.features.slash_commands.map((c) => c.command);
    expect(declared).toEqual(['/parley', ...commands.map((c) => `/parley-${c.name}`)]);
    for (const command of commands) {
      expect(manifest.features.slash_commands).toContainEqual(expect.objectContaining({ command: `/parley-${command.name}`, description: command.description, should_escape: false }));
    }
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write']));
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('gives each command its usage as the hint', () => {
    const ask = slackManifest(commands, { commandPrefix: 'parley' }).features.slash_commands.find((c) => c.command === '/parley-ask');
    expect(ask?.usage_hint).toBe('<question>');
  });

  it('points every command at the request URL in HTTP mode', () => {
    const manifest = slackManifest(commands, { commandPrefix: 'news', requestUrl: 'https://bot.example.org/slack/events' });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    for (const command of manifest.features.slash_commands) {
      expect(command).toMatchObject({ url: 'https://bot.example.org/slack/events' });
      expect(command.command).toMatch(/^\/news(-|$)/u);
    }
  });

  it('with the install flow, lists the redirect URL and subscribes to the uninstall events', () => {
    const redirectUrl = 'https://bot.example.org/slack/oauth_redirect';
    const http = slackManifest(commands, { commandPrefix: 'parley', requestUrl: 'https://bot.example.org/slack/events', redirectUrl });
    expect(http.oauth_config).toEqual({ redirect_urls: [redirectUrl], scopes: { bot: [...BOT_SCOPES] } });
    expect(http.settings.event_subscriptions).toEqual({ request_url: 'https://bot.example.org/slack/events', bot_events: ['app_uninstalled', 'tokens_revoked'] });
    const socket = slackManifest(commands, { commandPrefix: 'parley', redirectUrl });
    expect(socket.settings).toMatchObject({ socket_mode_enabled: true, event_subscriptions: { bot_events: ['app_uninstalled', 'tokens_revoked'] } });
    expect(socket.settings.event_subscriptions).not.toHaveProperty('request_url');
    expect(slackManifest(commands, { commandPrefix: 'parley' }).settings).not.toHaveProperty('event_subscriptions');
  });

  it('refuses a prefix that makes a command name longer than Slack allows', () => {
    const subscriptions = defineCommand({ name: 'subscriptions-list', description: 'List subscriptions', options: z.object({}), handler: () => ({ command: 'x', text: 'x', citations: [] }) });
    expect(() => slackManifest([...commands, subscriptions], { commandPrefix: 'twenty-letter-prefix' })).toThrow(
      'Slack command /twenty-letter-prefix-subscriptions-list is longer than 32 characters: choose a shorter SLACK_COMMAND_PREFIX.',
    );
  });
});
