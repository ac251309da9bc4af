import type { DailySchedule } from './schedule';

export interface Subscription extends DailySchedule {
  id: number;
  platform: string;
  channelId: string;
  /** The Slack workspace whose installation posts into the channel; null where the platform has one token. */
  workspaceId: string | null;
  createdAt: Date;
  createdBy: string | null;
  /** Why posting stopped after repeated failures; null while active. */
  pausedReason: string | null;
}

export interface SubscriptionFields extends DailySchedule {
  platform: string;
  channelId: string;
  /** Absent: null, the platform's one token. */
  workspaceId?: string | null;
  createdBy: string | null;
}

/** Channels subscribed to the daily digest, one subscription per channel (kept in SQLite or Postgres: src/store). */
export interface SubscriptionStore {
  /**
   * Subscribes a channel, or changes its schedule. Re-subscribing resumes a paused
   * subscription but keeps its start, so it never backfills.
   */
  subscribe(fields: SubscriptionFields, now: Date): Promise<Subscription>;
  /** Whether the channel was subscribed. */
  unsubscribe(platform: string, channelId: string): Promise<boolean>;
  /** Unsubscribes every channel of a workspace (it uninstalled the app); how many were. */
  unsubscribeWorkspace(platform: string, workspaceId: string): Promise<number>;
  get(platform: string, channelId: string): Promise<Subscription | null>;
  /** Every subscription, oldest first. */
  all(): Promise<Subscription[]>;
  pause(id: number, reason: string): Promise<void>;
}
