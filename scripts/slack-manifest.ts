import { parseArgs } from 'node:util';
import { slackManifestYaml } from '../src/adapters/slack/manifest';
import { loadCommands } from '../src/core/registry';
import { loadDotEnv, settingsSchema } from '../src/settings';

/**
 * Prints the Slack app manifest for the commands in `commands/` and SLACK_COMMAND_PREFIX.
 * `--request-url https://host/slack/events` prints the HTTP mode variant;
 * `--redirect-url https://host/slack/oauth_redirect` the one installed through the OAuth flow.
 */
const { values } = parseArgs({ options: { 'request-url': { type: 'string' }, 'redirect-url': { type: 'string' } } });
loadDotEnv();
const prefix = settingsSchema.shape.SLACK_COMMAND_PREFIX.parse(process.env.SLACK_COMMAND_PREFIX || undefined);
const { 'request-url': requestUrl, 'redirect-url': redirectUrl } = values;
process.stdout.write(slackManifestYaml((await loadCommands()).list(), { commandPrefix: prefix, ...(requestUrl ? { requestUrl } : {}), ...(redirectUrl ? { redirectUrl } : {}) }));
