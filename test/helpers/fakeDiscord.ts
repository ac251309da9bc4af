import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { discordProblems } from './discordRules';

/**
 * A local stand-in for Discord on loopback, for testing the adapter through the real
 * discord.js stack: a REST API (discord.js is pointed at it with `rest.api`) and a gateway
 * WebSocket, which `GET /gateway/bot` hands out. The gateway says HELLO, answers IDENTIFY
 * with READY and the guilds of the shard identified (all of them without `shard`),
 * acknowledges heartbeats, and dispatches each interaction a test sends on the shard of its
 * guild, as Discord does: `(guild_id >> 22) % shard_count`, DMs on shard 0. The REST API
 * records every request, keeps each interaction's messages, and refuses what real Discord
 * refuses (payloads over its limits, bad tokens) the way Discord does.
 */

export interface RecordedRequest {
  method: string;
  /** Decoded: `@original` arrives URL-encoded as `%40original`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Message JSON as the bot sent it: `content`, `embeds`, `allowed_mentions`, `flags`, … */
export type SentMessage = Record<string, unknown> & { content?: string; embeds?: Embed[]; flags?: number };
export interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  color?: number;
}

/** Everything the bot answered to one interaction. */
export interface Conversation {
  /** The interaction responses (type 4 reply, 5 deferral, 8 autocomplete result). */
  callbacks: { type: number; data?: Record<string, unknown> }[];
  /** The original response as it stands: a type-4 reply, or the edit of a deferral. */
  original: SentMessage | null;
  originalDeleted: boolean;
  followUps: SentMessage[];
}

const API_PREFIX = '/api/v10';
/** What Discord answers for a channel the bot cannot see. */
const UNKNOWN_CHANNEL: [number, unknown] = [404, { message: 'Unknown Channel', code: 10003 }];
export const EPHEMERAL = 1 << 6;
/** What Discord answers to a second initial response to one interaction. */
const ALREADY_ACKNOWLEDGED = { message: 'Interaction has already been acknowledged.', code: 40060 };

let nextSnowflake = 1_300_000_000_000_000_000n;
const snowflake = (): string => String(nextSnowflake++);

/** Discord's shard for a guild: its id's timestamp part, modulo the shard count. */
export const shardOfGuild = (guildId: string, shardCount: number): number => Number((BigInt(guildId) >> 22n) % BigInt(shardCount));

/** A snowflake, after every one handed out so far, of a guild that Discord puts on `shard` of `count`. */
function guildSnowflakeOnShard(shard: number, count: number): string {
  let timestamp = (nextSnowflake >> 22n) + 1n;
  while (timestamp % BigInt(count) !== BigInt(shard)) timestamp++;
  nextSnowflake = (timestamp << 22n) + 1n;
  return String(timestamp << 22n);
}

/** A server the bot is in, with one text channel. */
export interface FakeGuild {
  id: string;
  channelId: string;
  name: string;
}

/** The shard a gateway connection identified as: `[shard_id, shard_count]`. */
type ShardPair = [number, number];
/** Discord's close code for an IDENTIFY with a shard that cannot be. */
const INVALID_SHARD = 4010;

export class FakeDiscord {
  readonly token = 'fake-bot-token.MTIzNDU2Nzg5MDEyMzQ1Njc4.Zm9vYmFyLXRva2Vu';
  readonly applicationId = snowflake();
  readonly botUser = { id: this.applicationId, username: 'Parley', discriminator: '0', global_name: null, avatar: null, bot: true };
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  /** The servers the bot is in: the first is `guildId`'s; `addGuild` adds more. */
  readonly guilds: FakeGuild[] = [{ id: this.guildId, channelId: this.channelId, name: 'Ceasefire watchers' }];
  readonly requests: RecordedRequest[] = [];
  readonly conversations = new Map<string, Conversation>();
  /** Messages posted into channels, by channel id. */
  readonly channelMessages = new Map<string, SentMessage[]>();
  /** The last bulk overwrite of the commands, by route. */
  readonly registeredCommands = new Map<string, unknown[]>();
  /** IDENTIFY payloads received on the gateway. */
  readonly identifies: Record<string, unknown>[] = [];
  /** REST requests Discord refused, with why. */
  readonly refusals: { request: RecordedRequest; problems: string[] }[] = [];

  readonly #events = new EventEmitter();
  readonly #sockets = new Set<WebSocket>();
  /** The shard each identified connection runs. */
  readonly #shards = new Map<WebSocket, ShardPair>();
  #sequence = 0;

  private constructor(
    readonly httpServer: Server,
    readonly gatewayServer: WebSocketServer,
  ) {
    httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => void this.#onRequest(request, response));
    gatewayServer.on('connection', (socket) => this.#onGatewayConnection(socket));
  }

  static async start(): Promise<FakeDiscord> {
    const httpServer = createServer();
    httpServer.listen(0, '127.0.0.1');
    const gatewayServer = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await Promise.all([once(httpServer, 'listening'), once(gatewayServer, 'listening')]);
    return new FakeDiscord(httpServer, gatewayServer);
  }

  /** What discord.js takes as `rest.api`, and Parley as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.httpServer.address() as AddressInfo).port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${(this.gatewayServer.address() as AddressInfo).port}`;
  }

  /** Adds a server the bot is in, on the given shard when there is one (its id decides it, as on Discord). */
  addGuild(onShard?: { shard: number; count: number }): FakeGuild {
    const id = onShard ? guildSnowflakeOnShard(onShard.shard, onShard.count) : snowflake();
    const guild = { id, channelId: snowflake(), name: `Server ${this.guilds.length + 1}` };
    this.guilds.push(guild);
    return guild;
  }

  /**
   * Sends an interaction over the gateway, as Discord does when a user runs a command: on
   * the connections identified as its guild's shard (a DM's on shard 0). Returns the shard
   * ids it went out on.
   */
  dispatchInteraction(interaction: Record<string, unknown>): number[] {
    const guildId = typeof interaction.guild_id === 'string' ? interaction.guild_id : null;
    const receivers = [...this.#shards].filter(([, [shard, count]]) => shard === (guildId === null ? 0 : shardOfGuild(guildId, count)));
    for (const [socket] of receivers) this.#dispatch('INTERACTION_CREATE', interaction, socket);
    return receivers.map(([, [shard]]) => shard);
  }

  /** The bot's answers to the interaction with this token (empty until it answers). */
  conversation(token: string): Conversation {
    let conversation = this.conversations.get(token);
    if (!conversation) {
      conversation = { callbacks: [], original: null, originalDeleted: false, followUps: [] };
      this.conversations.set(token, conversation);
    }
    return conversation;
  }

  /** Resolves once `check` holds after some request (or at once); rejects after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
    const now = check();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#events.off('change', onChange);
        reject(new Error(`fake Discord: gave up waiting for ${what}`));
      }, timeoutMs);
      const onChange = () => {
        const value = check();
        if (!value) return;
        clearTimeout(timer);
        this.#events.off('change', onChange);
        resolve(value);
      };
      this.#events.on('change', onChange);
    });
  }

  /** The bot's messages answering an interaction (original, then follow-ups), once there are `count`. */
  messagesFor(token: string, count = 1): Promise<SentMessage[]> {
    const conversation = this.conversation(token);
    return this.waitFor(() => {
      const messages = [conversation.original, ...conversation.followUps].filter((m): m is SentMessage => m !== null);
      return messages.length >= count && messages;
    }, `${count} message(s) answering the interaction`);
  }

  /** Resolves when a bot has identified on the gateway (and been sent READY). */
  identified(): Promise<Record<string, unknown>> {
    return this.waitFor(() => this.identifies[0], 'IDENTIFY');
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.httpServer.closeAllConnections();
    await Promise.all([
      new Promise<void>((resolve) => this.httpServer.close(() => resolve())),
      new Promise<void>((resolve) => this.gatewayServer.close(() => resolve())),
    ]);
  }

  // The gateway.

  #onGatewayConnection(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on('close', () => {
      this.#sockets.delete(socket);
      this.#shards.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) this.#onIdentify(socket, payload.d);
    });
  }

  #onIdentify(socket: WebSocket, identify: Record<string, unknown>): void {
    if (identify.token !== this.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard = (identify.shard ?? [0, 1]) as ShardPair;
    const [shardId, shardCount] = shard;
    if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardId < 0 || shardCount < 1 || shardId >= shardCount) {
      socket.close(INVALID_SHARD, 'Invalid shard.');
      return;
    }
    const guilds = this.guilds.filter((guild) => shardOfGuild(guild.id, shardCount) === shardId);
    this.#shards.set(socket, shard);
    this.#dispatch('READY', {
      v: 10,
      user: this.botUser,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: `fake-session-${shardId}`,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 },
    }, socket);
    for (const guild of guilds) this.#dispatch('GUILD_CREATE', this.#guildJson(guild), socket);
    this.identifies.push(identify);
    this.#events.emit('change');
  }

  #guildJson(guild: FakeGuild): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: snowflake(),
      joined_at: new Date().toISOString(),
      roles: [{ id: guild.id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [this.channelOf(guild)],
      members: [],
      threads: [],
      emojis: [],
      stickers: [],
      features: [],
      member_count: 2,
      large: false,
      unavailable: false,
    };
  }

  /** A guild's text channel, as Discord describes it. */
  channelOf(guild: FakeGuild) {
    return { id: guild.channelId, type: 0, guild_id: guild.id, name: 'negotiations', position: 0, permission_overwrites: [], nsfw: false, parent_id: null };
  }

  #dispatch(event: string, data: unknown, only?: WebSocket): void {
    const frame = JSON.stringify({ op: 0, t: event, s: ++this.#sequence, d: data });
    for (const socket of only ? [only] : this.#sockets) socket.send(frame);
  }

  // The REST API.

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    this.requests.push(recorded);
    const [status, body] = this.#route(recorded);
    if (body === undefined) {
      // A 204 carries no body and so no JSON content type, or discord.js would try to parse it.
      response.writeHead(status);
      response.end();
    } else {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    }
    this.#events.emit('change');
  }

  #route(request: RecordedRequest): [number, unknown] {
    const path = request.path.startsWith(API_PREFIX) ? request.path.slice(API_PREFIX.length) : '';
    const match = (method: string, pattern: RegExp): string[] | null => (request.method === method ? pattern.exec(path)?.slice(1) ?? null : null);
    const authorised = request.headers.authorization === `Bot ${this.token}`;
    const botRoute = (handle: () => [number, unknown]): [number, unknown] => (authorised ? handle() : [401, { message: '401: Unauthorized', code: 0 }]);
    let params: string[] | null;

    if (match('GET', /^\/gateway\/bot$/u)) {
      return botRoute(() => [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }]);
    }
    if (match('GET', /^\/applications\/@me$/u)) {
      return botRoute(() => [200, { id: this.applicationId, name: 'Parley', description: '', bot_public: true, flags: 0 }]);
    }
    if ((params = match('PUT', /^\/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/u))) {
      const applicationId = params[0]!;
      return botRoute(() =>
        this.#refuseOr(request, discordProblems.commands(request.body), () => {
          const commands = (request.body as Record<string, unknown>[]).map((c) => ({ ...c, id: snowflake(), application_id: applicationId, version: snowflake() }));
          this.registeredCommands.set(path, commands);
          return [200, commands];
        }),
      );
    }
    if ((params = match('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/u))) {
      const conversation = this.conversation(params[1]!);
      // An interaction takes one initial response; Discord refuses any further one.
      if (conversation.callbacks.length > 0) return this.#refuse(request, ['interaction already acknowledged'], ALREADY_ACKNOWLEDGED);
      return this.#refuseOr(request, discordProblems.callback(request.body), () => {
        const callback = request.body as Conversation['callbacks'][number];
        conversation.callbacks.push(callback);
        if (callback.type === 4) conversation.original = (callback.data ?? {}) as SentMessage;
        return [204, undefined];
      });
    }
    if ((params = match('PATCH', /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/u))) {
      const conversation = this.conversation(params[0]!);
      return this.#refuseOr(request, discordProblems.message(request.body), () => {
        conversation.original = { ...conversation.original, ...(request.body as SentMessage) };
        return [200, this.#messageJson(conversation.original)];
      });
    }
    if ((params = match('DELETE', /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/u))) {
      this.conversation(params[0]!).originalDeleted = true;
      return [204, undefined];
    }
    if ((params = match('POST', /^\/webhooks\/\d+\/([^/]+)$/u))) {
      const conversation = this.conversation(params[0]!);
      return this.#refuseOr(request, discordProblems.message(request.body), () => {
        conversation.followUps.push(request.body as SentMessage);
        return [200, this.#messageJson(request.body as SentMessage)];
      });
    }
    if (match('GET', /^\/users\/@me$/u)) {
      return botRoute(() => [200, this.botUser]);
    }
    if ((params = match('GET', /^\/channels\/(\d+)\/messages$/u))) {
      // Newest first, at most `limit` (default 50), as Discord lists a channel's messages.
      const limit = Number(request.query.get('limit') ?? 50);
      const posted = [...(this.channelMessages.get(params[0]!) ?? [])].reverse().slice(0, limit);
      return botRoute(() => (this.#guildWithChannel(params![0]!) ? [200, posted.map((m) => this.#messageJson(m, params![0]))] : UNKNOWN_CHANNEL));
    }
    if ((params = match('GET', /^\/channels\/(\d+)$/u))) {
      const guild = this.#guildWithChannel(params[0]!);
      return botRoute(() => (guild ? [200, this.channelOf(guild)] : UNKNOWN_CHANNEL));
    }
    if ((params = match('POST', /^\/channels\/(\d+)\/messages$/u))) {
      const channelId = params[0]!;
      if (!this.#guildWithChannel(channelId)) return botRoute(() => UNKNOWN_CHANNEL);
      return botRoute(() => this.#refuseOr(request, discordProblems.message(request.body), () => this.#postToChannel(channelId, request.body as SentMessage)));
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  #guildWithChannel(channelId: string): FakeGuild | undefined {
    return this.guilds.find((guild) => guild.channelId === channelId);
  }

  #refuseOr(request: RecordedRequest, problems: string[], accept: () => [number, unknown]): [number, unknown] {
    if (problems.length === 0) return accept();
    return this.#refuse(request, problems, { message: 'Invalid Form Body', code: 50035, errors: problems });
  }

  #refuse(request: RecordedRequest, problems: string[], body: unknown): [number, unknown] {
    this.refusals.push({ request, problems });
    return [400, body];
  }

  #postToChannel(channelId: string, message: SentMessage): [number, unknown] {
    const posted = this.channelMessages.get(channelId) ?? [];
    this.channelMessages.set(channelId, posted);
    // enforce_nonce: the same nonce again returns the message already created.
    const earlier = message.enforce_nonce ? posted.find((m) => m.nonce === message.nonce) : undefined;
    if (earlier) return [200, this.#messageJson(earlier, channelId)];
    const stored = { ...message, id: snowflake() };
    posted.push(stored);
    return [200, this.#messageJson(stored, channelId)];
  }

  #messageJson(message: SentMessage, channelId = this.channelId): Record<string, unknown> {
    return {
      id: typeof message.id === 'string' ? message.id : snowflake(),
      channel_id: channelId,
      author: this.botUser,
      content: message.content ?? '',
      embeds: message.embeds ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: 0,
      flags: message.flags ?? 0,
      components: [],
      ...(message.nonce ? { nonce: message.nonce } : {}),
    };
  }
}

/** A user running commands, in a fake guild (with permissions) or in a DM with the bot. */
export interface InteractionUser {
  id?: string;
  username?: string;
  /** Permission bits as Discord sends them; null for a DM. */
  permissions?: string | null;
  /** The server the command is run in: the fake's first unless given (one from `addGuild`). */
  guild?: FakeGuild;
}

const user = (who: InteractionUser) => ({ id: who.id ?? '1300000000000000999', username: who.username ?? 'analyst', discriminator: '0', global_name: null, avatar: null });

/** The INTERACTION_CREATE payload of a slash command (type 2) or of an autocompletion (type 4). */
export function interactionPayload(
  discord: FakeDiscord,
  type: 2 | 4,
  name: string,
  options: { name: string; type: number; value: string | number | boolean; focused?: boolean }[],
  who: InteractionUser = {},
): Record<string, unknown> & { token: string } {
  const inGuild = who.permissions !== null;
  const guild = who.guild ?? discord.guilds[0]!;
  const place = inGuild
    ? {
        guild_id: guild.id,
        channel: discord.channelOf(guild),
        member: { user: user(who), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: who.permissions ?? '0' },
      }
    : { channel: { id: snowflake(), type: 1 }, user: user(who) };
  return {
    id: snowflake(),
    application_id: discord.applicationId,
    type,
    token: `interaction-token-${snowflake()}`,
    version: 1,
    data: { id: snowflake(), name, type: 1, options },
    channel_id: (place.channel as { id: string }).id,
    app_permissions: '2147535872',
    locale: 'en-GB',
    entitlements: [],
    authorizing_integration_owners: { 0: guild.id },
    context: inGuild ? 0 : 1,
    ...place,
  };
}
