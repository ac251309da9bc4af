import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's side of the wire, on loopback: the Web API (`/api/{method}`), response URLs
 * (`/respond/{id}`) and the Socket Mode WebSocket (`/link`). It records what the app sends,
 * so tests assert on the requests a real Slack would have received.
 */

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The token the call was made with (Authorization: Bearer …). */
  token: string | null;
}

export interface Envelope {
  envelope_id: string;
  type: string;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

type ApiHandler = (args: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** How long a wait for the app may take before the test fails with a clear message (a guard, not a timing assertion). */
const WAIT_LIMIT_MS = 15_000;

/** A message the app posted with chat.postMessage, as conversations.history returns it. */
export interface PostedSlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
}

export class FakeSlack {
  readonly apiCalls: ApiCall[] = [];
  /** Every message posted into a channel, oldest first. */
  readonly posted: PostedSlackMessage[] = [];
  /** Users that users.info reports as workspace admins. */
  readonly admins = new Set<string>();
  readonly #responses = new Map<string, Record<string, unknown>[]>();
  readonly #failingResponseUrls = new Map<string, number>();
  readonly #acks: Record<string, unknown>[] = [];
  readonly #handlers = new Map<string, ApiHandler>();
  readonly #events = new EventEmitter();
  readonly #sockets = new Set<WebSocket>();
  #socket: WebSocket | null = null;

  private constructor(
    readonly server: Server,
    readonly webSockets: WebSocketServer,
    readonly url: string,
  ) {
    this.onApi('auth.test', () => ({ ok: true, url: 'https://parley-test.slack.com/', team: 'Parley Test', user: 'parley', team_id: 'T0TEST', user_id: 'U0PARLEY', bot_id: 'B0PARLEY' }));
    this.onApi('apps.connections.open', () => ({ ok: true, url: this.socketModeUrl }));
    this.onApi('chat.postMessage', (args) => this.#post(args));
    this.onApi('conversations.history', (args) => ({
      ok: true,
      // Newest first, as Slack lists them; metadata only when asked for, as Slack does.
      messages: this.posted
        .filter((m) => m.channel === args.channel && Number(m.ts) >= Number(args.oldest ?? 0))
        .reverse()
        .map(({ ts, text, metadata }) => ({ type: 'message', ts, text, bot_id: 'B0PARLEY', ...(args.include_all_metadata && metadata ? { metadata } : {}) })),
      has_more: false,
    }));
    this.onApi('users.info', (args) => ({ ok: true, user: { id: args.user, is_admin: this.admins.has(String(args.user)), is_owner: false } }));
  }

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    const webSockets = new WebSocketServer({ server, path: '/link' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeSlack(server, webSockets, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void fake.#handle(request, response));
    webSockets.on('connection', (socket) => fake.#connect(socket));
    return fake;
  }

  /** The Web API base URL, for `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  get socketModeUrl(): string {
    return `${this.url.replace('http:', 'ws:')}/link`;
  }

  /** A fresh response URL, as Slack puts in each slash command. */
  responseUrl(): string {
    return `${this.url}/respond/${randomUUID()}`;
  }

  /** The default chat.postMessage: records the message and answers with its ts. */
  #post(args: Record<string, unknown>): Record<string, unknown> {
    // Like Slack's: the posting time in seconds, made unique by a sequence number.
    const ts = `${Math.floor(Date.now() / 1000)}.${String(this.posted.length).padStart(6, '0')}`;
    const metadata = typeof args.metadata === 'string' ? (JSON.parse(args.metadata) as PostedSlackMessage['metadata']) : ((args.metadata as PostedSlackMessage['metadata']) ?? null);
    const blocks = typeof args.blocks === 'string' ? (JSON.parse(args.blocks) as unknown[]) : ((args.blocks as unknown[]) ?? []);
    this.#record(() => this.posted.push({ channel: String(args.channel), ts, text: String(args.text ?? ''), blocks, metadata }));
    return { ok: true, channel: args.channel, ts, message: { text: args.text } };
  }

  /** Posts as chat.postMessage normally does; for handlers that add to it (say, a crash at that moment). */
  post(args: Record<string, unknown>): Record<string, unknown> {
    return this.#post(args);
  }

  /** Answers a Web API method with the handler's result instead of the default. */
  onApi(method: string, handler: ApiHandler): void {
    this.#handlers.set(method, handler);
  }

  /** Makes a response URL answer with an HTTP error, as an expired one does. */
  failResponseUrl(responseUrl: string, status: number): void {
    this.#failingResponseUrls.set(new URL(responseUrl).pathname, status);
  }

  /** The messages posted to a response URL so far. */
  responses(responseUrl: string): Record<string, unknown>[] {
    return this.#responses.get(new URL(responseUrl).pathname) ?? [];
  }

  /** Waits until a response URL has received `count` messages, and returns them. */
  async waitForResponses(responseUrl: string, count = 1): Promise<Record<string, unknown>[]> {
    await this.#until(() => this.responses(responseUrl).length >= count, `${count} message(s) on ${responseUrl}`);
    return this.responses(responseUrl);
  }

  /** Waits until the Web API method has been called `count` times, and returns those calls. */
  async waitForApiCalls(method: string, count = 1): Promise<ApiCall[]> {
    const calls = () => this.apiCalls.filter((c) => c.method === method);
    await this.#until(() => calls().length >= count, `${count} call(s) of ${method}`);
    return calls();
  }

  /** Sends an envelope over the Socket Mode connection and waits for the app's acknowledgement of it. */
  async deliver(envelope: Envelope): Promise<Record<string, unknown>> {
    await this.#until(() => this.#socket !== null, 'a Socket Mode connection');
    this.#socket!.send(JSON.stringify(envelope));
    const acked = () => this.#acks.find((a) => a.envelope_id === envelope.envelope_id);
    await this.#until(() => acked() !== undefined, `the acknowledgement of envelope ${envelope.envelope_id}`);
    return acked()!;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.webSockets.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', this.url).pathname;
    if (path.startsWith('/respond/')) {
      const status = this.#failingResponseUrls.get(path) ?? 200;
      if (status === 200) this.#record(() => this.#responses.set(path, [...(this.#responses.get(path) ?? []), JSON.parse(raw) as Record<string, unknown>]));
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'expired_url');
      return;
    }
    if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const args = parseApiArguments(raw, request.headers['content-type'] ?? '');
      const token = /^Bearer (.+)$/u.exec(request.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : null);
      const handler = this.#handlers.get(method);
      this.#record(() => this.apiCalls.push({ method, args, token }));
      const body = handler ? await handler(args) : { ok: false, error: 'unknown_method' };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    response.writeHead(404).end();
  }

  #connect(socket: WebSocket): void {
    this.#sockets.add(socket);
    this.#record(() => (this.#socket = socket));
    socket.on('message', (data) => this.#record(() => this.#acks.push(JSON.parse(String(data)) as Record<string, unknown>)));
    socket.on('close', () => {
      this.#sockets.delete(socket);
      if (this.#socket === socket) this.#socket = null;
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0PARLEY' } }));
  }

  #record(change: () => void): void {
    change();
    this.#events.emit('change');
  }

  #until(condition: () => boolean, what: string): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#events.off('change', check);
        reject(new Error(`fake Slack waited in vain for ${what}`));
      }, WAIT_LIMIT_MS);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.#events.off('change', check);
        resolve();
      };
      this.#events.on('change', check);
    });
  }
}

/** Web API arguments as the WebClient sends them: form-encoded, with objects (blocks, metadata) as JSON strings. */
function parseApiArguments(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/u.test(value) ? JSON.parse(value) : value;
  }
  return args;
}
