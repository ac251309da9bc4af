import { z } from 'zod';
import { defineCommand } from '../src/core/command';
import { CommandError } from '../src/core/errors';
import type { Reply } from '../src/core/reply';
import { DEFAULT_TIME, DEFAULT_TIMEZONE } from '../src/digest/digests';

export default defineCommand({
  name: 'digest',
  description: 'Daily digest of new coverage in this channel: subscribe, unsubscribe, show or preview',
  options: z.object({
    action: z
      .enum(['subscribe', 'unsubscribe', 'show', 'preview'], { error: 'Choose subscribe, unsubscribe, show or preview, e.g. /digest show' })
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
  handler: ({ action, time, timezone }, { digests, caller }): Reply => {
    if (!digests) throw new CommandError('invalid_input', 'Digests need the bot running with its database: start it with npm start.');
    switch (action) {
      case 'subscribe':
        return digests.subscribe(caller, time ?? DEFAULT_TIME, timezone ?? DEFAULT_TIMEZONE);
      case 'unsubscribe':
        return digests.unsubscribe(caller);
      case 'show':
        return digests.show(caller);
      case 'preview':
        return digests.preview(caller);
    }
  },
});
