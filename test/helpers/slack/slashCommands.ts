import { createHmac, randomUUID } from 'node:crypto';
import type { Envelope } from './fakeSlack';

/** Slash commands exactly as Slack sends them: the form fields, signed HTTP requests, Socket Mode envelopes. */

export interface SlashCommandFields {
  command: string;
  text: string;
  response_url: string;
  trigger_id?: string;
  user_id?: string;
  channel_id?: string;
  /** The workspace the command is typed in. */
  team_id?: string;
}

/** Every field of a slash command request, with plausible ids where the test does not care. */
export function slashCommand(fields: SlashCommandFields): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    team_domain: 'parley-test',
    channel_id: 'C0NEWS',
    channel_name: 'ceasefire-watch',
    user_id: 'U0ANALYST',
    user_name: 'analyst',
    api_app_id: 'A0PARLEY',
    is_enterprise_install: 'false',
    trigger_id: `${Date.now()}.1234.${randomUUID().replaceAll('-', '')}`,
    ...fields,
  };
}

/** Slack's request signature: `v0=` HMAC-SHA256 of "v0:{timestamp}:{body}" with the signing secret. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Sign with this secret instead of the right one. */
  signWith?: string;
  /** Send no X-Slack-Signature header. */
  unsigned?: boolean;
  /** X-Slack-Retry-Num, as on Slack's redeliveries. */
  retryNum?: number;
}

/** POSTs a slash command to the app's events URL, form-encoded and signed as Slack does. */
export function postSlashCommand(
  eventsUrl: string,
  signingSecret: string,
  fields: Record<string, string>,
  options: SignedRequestOptions = {},
): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
  };
  if (!options.unsigned) headers['x-slack-signature'] = slackSignature(options.signWith ?? signingSecret, timestamp, body);
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(eventsUrl, { method: 'POST', headers, body });
}

/** A Socket Mode envelope carrying a slash command. */
export function slashCommandEnvelope(fields: Record<string, string>, retryAttempt = 0): Envelope {
  return {
    envelope_id: randomUUID(),
    type: 'slash_commands',
    payload: fields,
    accepts_response_payload: true,
    ...(retryAttempt > 0 ? { retry_attempt: retryAttempt, retry_reason: 'timeout' } : {}),
  };
}
