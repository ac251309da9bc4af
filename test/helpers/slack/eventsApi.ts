import { randomUUID } from 'node:crypto';
import { slackSignature } from './slashCommands';

/** Events API requests exactly as Slack sends them in HTTP mode: JSON event callbacks, signed. */

/** An event callback for one workspace, as Slack wraps every event (in the documented form of app_uninstalled: the team at the top, no `authorizations`). */
export function eventCallback(teamId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0PARLEY',
    event: { event_ts: `${Math.floor(Date.now() / 1000)}.000100`, ...event },
    type: 'event_callback',
    event_id: `Ev${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
  };
}

/** POSTs an event to the app's events URL, signed with the signing secret as Slack does. */
export function postEvent(eventsUrl: string, signingSecret: string, body: Record<string, unknown>): Promise<Response> {
  const raw = JSON.stringify(body);
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(eventsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(signingSecret, timestamp, raw) },
    body: raw,
  });
}
