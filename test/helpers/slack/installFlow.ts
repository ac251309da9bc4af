import { expect } from 'vitest';
import { SLACK_INSTALL_PATH, SLACK_REDIRECT_PATH } from '../../../src/adapters/slack/app';
import type { FakeSlack } from './fakeSlack';

/**
 * Slack's OAuth install flow as a browser and Slack go through it: `/slack/install` sets the
 * state cookie and sends the browser to Slack's consent page; Slack sends it back to the
 * redirect with a code, which the app exchanges (oauth.v2.access, on the fake) for the
 * workspace's bot token.
 */

export interface TestWorkspace {
  teamId: string;
  name: string;
  /** The bot token oauth.v2.access gives for this workspace. */
  botToken: string;
  botUserId: string;
}

/** Makes the fake's oauth.v2.access answer each workspace's code (`code-{teamId}`) with its own bot token. */
export function acceptInstalls(fake: FakeSlack, workspaces: readonly TestWorkspace[], scopes: readonly string[]): void {
  fake.onApi('oauth.v2.access', (args) => {
    const workspace = workspaces.find((w) => args.code === codeOf(w));
    if (!workspace) return { ok: false, error: 'invalid_code' };
    return {
      ok: true,
      app_id: 'A0PARLEY',
      authed_user: { id: `U0ADMIN${workspace.teamId}` },
      scope: scopes.join(','),
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  });
}

const codeOf = (workspace: TestWorkspace) => `code-${workspace.teamId}`;

export interface InstallResult {
  /** Where `/slack/install` sent the browser: Slack's consent page. */
  consentPage: URL;
  /** The redirect's answer (Bolt's success page, or its failure page). */
  redirect: Response;
}

/** Installs the app in a workspace: `/slack/install`, the consent (granted), and the redirect with the state cookie and the code. */
export async function installWorkspace(appUrl: string, workspace: TestWorkspace, options: { cookie?: string } = {}): Promise<InstallResult> {
  const start = await fetch(`${appUrl}${SLACK_INSTALL_PATH}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consentPage = new URL(start.headers.get('location')!);
  const state = consentPage.searchParams.get('state')!;
  const cookie = /^([^=]+=[^;]+)/u.exec(start.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const redirectUrl = `${appUrl}${SLACK_REDIRECT_PATH}?${new URLSearchParams({ code: codeOf(workspace), state })}`;
  const redirect = await fetch(redirectUrl, { headers: { cookie: options.cookie ?? cookie }, redirect: 'manual' });
  return { consentPage, redirect };
}
