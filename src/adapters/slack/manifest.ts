import { stringify } from 'yaml';
import type { CommandDefinition } from '../../core/command';
import { usageArguments } from '../../core/optionSpec';
import { CommandNames } from './commandNames';
import { SLACK_LIMITS } from './limits';
import { BOT_SCOPES, UNINSTALL_EVENTS } from './scopes';

/** How the app is named and reached. */
export interface ManifestOptions {
  commandPrefix: string;
  /** HTTP mode: the public URL of `/slack/events`. Without it, the app uses Socket Mode. */
  requestUrl?: string;
  /**
   * The install flow (many workspaces): the public URL of `/slack/oauth_redirect`, where Slack
   * sends an admin back after the consent page. With it the app also subscribes to the events
   * that tell a workspace uninstalled it.
   */
  redirectUrl?: string;
}


/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest): the bot, one slash
 * command per Parley command plus the `/parley` entry point, the scopes, and Socket Mode; with
 * a request URL, the same app in HTTP mode. Generated from `commands/`, so that installing is
 * one paste and `slack-app-manifest.yml` never drifts from the commands (a test compares).
 */
export function slackManifest(commands: readonly CommandDefinition[], { commandPrefix, requestUrl, redirectUrl }: ManifestOptions) {
  const names = new CommandNames(commandPrefix);
  const slashCommand = (command: string, description: string, usageHint: string) => {
    if (command.length > SLACK_LIMITS.commandName) {
      throw new Error(`Slack command ${command} is longer than ${SLACK_LIMITS.commandName} characters: choose a shorter SLACK_COMMAND_PREFIX.`);
    }
    return { command, ...(requestUrl ? { url: requestUrl } : {}), description, ...(usageHint ? { usage_hint: usageHint } : {}), should_escape: false };
  };
  return {
    display_information: {
      name: 'Parley',
      description: 'Cited answers about the US–Russia–Ukraine ceasefire negotiations, quoted verbatim from the articles.',
      background_color: '#1f3a5f',
    },
    features: {
      bot_user: { display_name: 'Parley', always_online: true },
      slash_commands: [
        slashCommand(names.entryPoint, 'Parley: every command in one (/parley help lists them)', '<command> [arguments], e.g. ask What did Putin say?'),
        ...commands.map((c) => slashCommand(names.slashCommand(c.name), c.description, usageArguments(c))),
      ],
    },
    oauth_config: { ...(redirectUrl ? { redirect_urls: [redirectUrl] } : {}), scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      ...(redirectUrl ? { event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: [...UNINSTALL_EVENTS] } } : {}),
      org_deploy_enabled: false,
      socket_mode_enabled: requestUrl === undefined,
      token_rotation_enabled: false,
    },
  };
}

export function slackManifestYaml(commands: readonly CommandDefinition[], options: ManifestOptions): string {
  const how = `${options.requestUrl ? 'HTTP mode' : 'Socket Mode'}${options.redirectUrl ? ', installed in many workspaces' : ''}`;
  return (
    `# Slack app manifest for Parley (${how}). Generated from commands/ by \`npm run -s slack-manifest\`;\n` +
    '# paste it at https://api.slack.com/apps → Create New App → From a manifest.\n' +
    stringify(slackManifest(commands, options), { lineWidth: 0 })
  );
}
