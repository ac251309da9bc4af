import { z } from 'zod';
import { defineCommand } from '../src/app/context';
import type { Caller } from '../src/core/command';
import { commandRef } from '../src/core/commandRef';
import { CommandError } from '../src/core/errors';
import type { Reply } from '../src/core/reply';
import { DEFAULT_TIME, DEFAULT_TIMEZONE, type DigestChannel, type DigestStatus } from '../src/digest/digests';
import type { DigestRun } from '../src/digest/runs';
import { formatLocal, isTimeZone } from '../src/digest/schedule';

export default defineCommand({
  name: 'digest',
  description: 'Daily digest of new coverage in this channel: subscribe, unsubscribe, show or preview',
  options: z.object({
    action: z
      .enum(['subscribe', 'unsubscribe', 'show', 'preview'], { error: `Choose subscribe, unsubscribe, show or preview, e.g. ${commandRef('digest')} show` })
      .default('show')
      .describe('subscribe, unsubscribe, show (the schedule and next run) or preview (the digest as it would be now)'),
    time: z
      .string()
      .trim()
      .regex(/^(?:[01]?\d|2[0-3]):[0-5]\d$/u, { error: 'time must be HH:MM on a 24-hour clock, e.g. 08:00 or 17:30' })
      .transform((t) => t.padStart(5, '0'))
      .optional()
      .describe(`subscribe: the local time of the daily post, HH:MM (default ${DEFAULT_TIME})`),
    timezone: z
      .string()
      .trim()
      .max(64, { error: 'The time zone is too long: use an IANA name such as Europe/Berlin.' })
      .optional()
      .describe(`subscribe: the IANA time zone of that time, e.g. Europe/Berlin (default ${DEFAULT_TIMEZONE})`),
  }),
  positional: ['action', 'time', 'timezone'],
  examples: ['digest show', 'digest preview', 'digest subscribe 08:00 Europe/Berlin'],
  managesChannel: true,
  // A preview is the asker's; a subscription change by someone who may not make it is refused to them alone.
  repliesPrivately: ({ action }, caller) => action === 'preview' || ((action === 'subscribe' || action === 'unsubscribe') && !caller.canManageChannel),
  handler: async ({ action, time = DEFAULT_TIME, timezone = DEFAULT_TIMEZONE }, { digests, caller }): Promise<Reply> => {
    if (!digests) throw new CommandError('invalid_input', 'Digests need the bot running with its database: start it with npm start.');
    if (action === 'preview') {
      const digest = await digests.preview(caller.channelId ? { platform: caller.platform, channelId: caller.channelId } : null);
      return { ...digest, title: `Preview — ${digest.title ?? 'digest'}`, ephemeral: true };
    }
    const channel = channelOf(caller);
    if (action === 'show') return shown(await digests.status(channel));
    if (!caller.canManageChannel) {
      throw new CommandError(
        'forbidden',
        action === 'subscribe'
          ? 'Only channel managers can subscribe or unsubscribe a channel: on Discord, members with Manage Server; on Slack, workspace admins or the users listed in SLACK_DIGEST_MANAGERS.'
          : 'Only channel managers can unsubscribe a channel.',
      );
    }
    if (action === 'unsubscribe') {
      const text = (await digests.unsubscribe(channel)) ? 'Unsubscribed: this channel will get no more digests.' : 'This channel was not subscribed.';
      return { command: 'digest', title: 'Daily digest', text, citations: [] };
    }
    if (!isTimeZone(timezone)) {
      throw new CommandError('invalid_input', `Unknown time zone "${timezone}": use an IANA name such as Europe/Berlin, America/New_York or UTC.`);
    }
    const { next } = await digests.subscribe(channel, { time, timezone }, caller.userId);
    return {
      command: 'digest',
      title: 'Daily digest: subscribed',
      text:
        `This channel will get Parley’s digest every day at ${time} (${timezone}), the first on ${formatLocal(next, timezone)}. ` +
        'Each digest covers the articles added since the previous one; the first covers the most recent day of coverage. ' +
        'When nothing is new, no digest is posted.',
      citations: [],
    };
  },
});

/** The chat channel a subscription belongs to; the console has none. */
function channelOf(caller: Caller): DigestChannel {
  if (caller.platform === 'console' || !caller.channelId) {
    throw new CommandError('invalid_input', `Digests are posted into Discord or Slack channels; in the console, ${commandRef('digest')} preview shows one.`);
  }
  return { platform: caller.platform, channelId: caller.channelId, workspaceId: caller.workspaceId ?? null };
}

/** A channel's schedule, its next digest and how the last one went. */
function shown(status: DigestStatus | null): Reply {
  if (!status) {
    const subscribe = `${commandRef('digest')} subscribe`;
    return {
      command: 'digest',
      title: 'Daily digest',
      text: `This channel is not subscribed. A channel manager can subscribe it: ${subscribe} [HH:MM] [time zone], e.g. ${subscribe} ${DEFAULT_TIME} Europe/Berlin.`,
      citations: [],
    };
  }
  const { subscription, next, last } = status;
  const { time, timezone } = subscription;
  const lines = [
    `Schedule: every day at ${time} (${timezone}).`,
    subscription.pausedReason ? `Paused: ${subscription.pausedReason} Subscribe again to resume.` : `Next digest: ${formatLocal(next, timezone)}.`,
    last ? `Last run: ${formatLocal(last.scheduledFor, timezone)}, ${describeRun(last)}.` : 'No digest has run yet.',
  ];
  return { command: 'digest', title: 'Daily digest', text: lines.join('\n'), citations: [] };
}

function describeRun(run: DigestRun): string {
  if (run.state === 'posted') return 'posted';
  if (run.state === 'skipped') return 'nothing new, not posted';
  if (run.state === 'failed') return `failed: ${run.lastError ?? 'unknown error'}`;
  return run.lastError ? `not posted yet (attempt ${run.attempts} failed: ${run.lastError})` : 'being posted';
}
