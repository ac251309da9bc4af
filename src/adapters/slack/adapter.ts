import type { Adapter } from '../contract';

/** Parley on Slack, over Socket Mode or HTTP, in one workspace or many; Bolt is imported only when Slack is configured. */
export const slackAdapter: Adapter = {
  name: 'slack',
  configured: (settings) => settings.slack !== null,
  async start(parley, { slack, logLevel }, log) {
    if (!slack) throw new Error('Slack is not configured: set SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for many workspaces.');
    return (await import('./app')).startSlackAdapter(parley, { ...slack, logLevel }, log);
  },
};
