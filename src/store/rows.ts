import type { DigestRun, RunState } from '../digest/runs';
import type { Subscription } from '../digest/subscriptions';

/**
 * The rows both backends keep, column for column (the same migrations), and what they mean.
 * Instants are ISO text in both, so that they compare as they sort.
 */
export interface SubscriptionRow {
  id: number;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  time: string;
  timezone: string;
  created_at: string;
  created_by: string | null;
  paused_reason: string | null;
}

export interface RunRow {
  id: number;
  subscription_id: number;
  scheduled_for: string;
  covers_until: string;
  state: RunState;
  attempts: number;
  next_attempt_at: string | null;
  message_ids: string | null;
  last_error: string | null;
}

export const subscriptionFromRow = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  platform: row.platform,
  channelId: row.channel_id,
  workspaceId: row.workspace_id,
  time: row.time,
  timezone: row.timezone,
  createdAt: new Date(row.created_at),
  createdBy: row.created_by,
  pausedReason: row.paused_reason,
});

export const runFromRow = (row: RunRow): DigestRun => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  scheduledFor: new Date(row.scheduled_for),
  coversUntil: new Date(row.covers_until),
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at) : null,
  messageIds: row.message_ids ? (JSON.parse(row.message_ids) as string[]) : [],
  lastError: row.last_error,
});
