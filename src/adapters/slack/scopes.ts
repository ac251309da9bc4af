/**
 * The scopes the bot needs: slash commands; posting replies and digests (chat.postMessage);
 * reading a channel's recent messages to find a digest already posted before a crash
 * (conversations.history, public and private channels); telling workspace admins, who may
 * subscribe channels, from other users (users.info). The manifest declares them, and the
 * install flow asks each workspace for them.
 */
export const BOT_SCOPES = Object.freeze(['commands', 'chat:write', 'channels:history', 'groups:history', 'users:read']);

/** The events that end a workspace's installation (no scope needed), which the install flow subscribes to: Parley then forgets its token and subscriptions (src/adapters/slack/uninstall.ts). */
export const UNINSTALL_EVENTS = Object.freeze(['app_uninstalled', 'tokens_revoked']);
