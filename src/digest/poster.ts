import type { Reply } from '../core/reply';

/** Identifies one scheduled digest of one channel, for the platform's own idempotency. */
export interface DigestRunKey {
  /** Stable text: `platform:channel:scheduled-instant`. */
  key: string;
  subscriptionId: number;
  scheduledFor: Date;
  /** The Slack workspace whose token posts (several installed through OAuth); absent or null: the platform's one token. */
  workspaceId?: string | null;
}

/**
 * Posts digests into a platform's channels; each platform adapter provides one. `post` must
 * be safe to call again for the same run after a crash: it first looks for the run's message
 * (Slack message metadata, Discord nonce) and only posts what is missing.
 */
export interface DigestPoster {
  platform: string;
  /** Posts the digest (or finds it posted already); returns the platform's message ids. */
  post(channelId: string, reply: Reply, run: DigestRunKey): Promise<string[]>;
}
