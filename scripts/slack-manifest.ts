import { parseArgs } from 'node:util';
import { slackManifestYaml } from '../src/adapters/slack/manifest';
import { loadCommands } from '../src/core/registry';
import { loadDotEnv, settingsSchema } from '../src/settings';

/**
 * Prints the Slack app manifest for the commands in `commands/` and SLACK_COMMAND_PREFIX.
 * `--request-url https://host/slack/events` prints the HTTP mode variant.
 */
const { values } = parseArgs({ options: { 'request-url': { type: 'string' } } });
loadDotEnv();
const prefix = settingsSchema.shape.SLACK_COMMAND_PREFIX.parse(process.env.SLACK_COMMAND_PREFIX || undefined);
const requestUrl = values['request-url'];
process.stdout.write(slackManifestYaml((await loadCommands()).list(), { commandPrefix: prefix, ...(requestUrl ? { requestUrl } : {}) }));
