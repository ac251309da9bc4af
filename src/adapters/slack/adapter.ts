import type { Adapter } from '../contract';

/** Parley on Slack, over Socket Mode or HTTP; Bolt is imported only when Slack is configured. */
export const slackAdapter: Adapter = {
  name: 'slack',
  configured: (settings) => settings.slack !== null,
  async start(parley, { slack, logLevel }, log) {
    if (!slack) throw new Error('Slack is not configured: set SLACK_BOT_TOKEN.');
    return (await import('./app')).startSlackAdapter(parley, { ...slack, logLevel }, log);
  },
};
