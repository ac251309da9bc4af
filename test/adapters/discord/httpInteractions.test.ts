import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpInteractions, type HttpInteractionsAdapter } from '../../../src/adapters/discord/httpInteractions';
import { EPHEMERAL, FakeDiscord, interactionPayload } from '../../helpers/fakeDiscord';
import { LONG_REPLY, parleyWithTestCommands, recordingLogger } from '../../helpers/testCommands';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
/** The raw 32-byte key as hex, as the developer portal shows it. */
const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');

let discord: FakeDiscord;
let endpoint: HttpInteractionsAdapter;

beforeAll(async () => {
  discord = await FakeDiscord.start();
  endpoint = await startHttpInteractions(
    await parleyWithTestCommands(),
    {
      mode: 'http',
      token: discord.token,
      publicKey: publicKeyHex,
      httpHost: '127.0.0.1',
      httpPort: 0,
      applicationId: null,
      guildId: null,
      apiUrl: discord.apiUrl,
    },
    recordingLogger(),
  );
});

afterAll(async () => {
  await endpoint?.stop();
  await discord?.stop();
});

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/** POSTs an interaction as Discord does: signed over timestamp + body with the application's key. */
function post(body: string, options: { key?: KeyObject; timestamp?: string; signature?: string | null; signedBody?: string } = {}) {
  const timestamp = options.timestamp ?? nowSeconds();
  const signature =
    options.signature === undefined
      ? sign(null, Buffer.from(timestamp + (options.signedBody ?? body)), options.key ?? privateKey).toString('hex')
      : options.signature;
  return fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, ...(signature === null ? {} : { 'x-signature-ed25519': signature }) },
    body,
  });
}

const PING = JSON.stringify({ id: '1300000000000000001', application_id: '1300000000000000002', type: 1, token: 'ping-token', version: 1 });

describe('Discord HTTP interactions endpoint', () => {
  it('answers a signed PING with PONG', async () => {
    const response = await post(PING);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it('rejects a tampered body, a missing, foreign, malformed or stale signature with 401', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const tampered = await post(PING.replace('"type":1', '"type":2'), { signedBody: PING });
    const missing = await post(PING, { signature: null });
    const foreign = await post(PING, { key: stranger });
    const malformed = await post(PING, { signature: 'abc' });
    const stale = await post(PING, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) });
    expect([tampered, missing, foreign, malformed, stale].map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(await stale.json()).toEqual({ error: 'stale or invalid timestamp' });
  });

  it('answers only POST on its path', async () => {
    expect((await fetch(endpoint.url)).status).toBe(405);
    expect((await fetch(endpoint.url.replace('/interactions', '/other'), { method: 'POST' })).status).toBe(404);
  });

  it('acknowledges a command in the response, then edits in the answer through the webhook', async () => {
    const interaction = interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: 'What did Zelensky say about sanctions?' }]);
    const response = await post(JSON.stringify(interaction));
    expect(await response.json()).toEqual({ type: 5 });
    const [message] = await discord.messagesFor(interaction.token);
    expect(message!.embeds![0]!.description).toContain('automatic sanctions');
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    const edit = discord.requests.find((r) => r.method === 'PATCH' && r.path.includes(interaction.token))!;
    expect(edit.path).toBe(`/api/v10/webhooks/${discord.applicationId}/${interaction.token}/messages/@original`);
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('answers an interaction without application_id or channel object, as Discord documents one', async () => {
    const { application_id: _applicationId, channel: _channel, ...interaction } = interactionPayload(discord, 2, 'ask', [
      { name: 'question', type: 3, value: 'What did Zelensky say about sanctions?' },
    ]);
    expect(await (await post(JSON.stringify(interaction))).json()).toEqual({ type: 5 });
    const [message] = await discord.messagesFor(interaction.token);
    expect(message!.embeds![0]!.description).toContain('automatic sanctions');
    const edit = discord.requests.find((r) => r.method === 'PATCH' && r.path.includes(interaction.token))!;
    expect(edit.path).toBe(`/api/v10/webhooks/${discord.applicationId}/${interaction.token}/messages/@original`);

    const { channel: _where, ...whoami } = interactionPayload(discord, 2, 'whoami', []);
    await post(JSON.stringify(whoami));
    const [echo] = await discord.messagesFor(whoami.token);
    expect(JSON.stringify(echo)).toContain(`\\"channelId\\":\\"${whoami.channel_id as string}\\"`);
  });

  it('acknowledges privately a command whose reply will be private', async () => {
    const interaction = interactionPayload(discord, 2, 'ingest', [{ name: 'source', type: 3, value: 'https://news.example/feed.xml' }]);
    expect(await (await post(JSON.stringify(interaction))).json()).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const [message] = await discord.messagesFor(interaction.token);
    expect(message!.content).toContain('Only people who can manage this channel can add articles');
  });

  it('answers bad input in the response itself, privately', async () => {
    const interaction = interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: 'x' }]);
    const body = (await (await post(JSON.stringify(interaction))).json()) as { type: number; data: { flags: number; content: string } };
    expect(body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, allowed_mentions: { parse: [] } } });
    expect(body.data.content).toContain('The question is too short');
  });

  // That it is answered once is in the contract suite; here, what the repeat's response is.
  it('acknowledges an interaction POSTed again privately, and answers it only through the first', async () => {
    const interaction = interactionPayload(discord, 2, 'ask', [{ name: 'question', type: 3, value: 'What did Zelensky say about sanctions?' }]);
    expect(await (await post(JSON.stringify(interaction))).json()).toEqual({ type: 5 });
    expect(await (await post(JSON.stringify(interaction))).json()).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const [message] = await discord.messagesFor(interaction.token);
    expect(message!.embeds![0]!.description).toContain('automatic sanctions');
  });

  it('answers autocompletion in the response', async () => {
    const interaction = interactionPayload(discord, 4, 'versus', [{ name: 'parties', type: 3, value: 'ukr', focused: true }]);
    const body = (await (await post(JSON.stringify(interaction))).json()) as { type: number; data: { choices: unknown[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices).toContainEqual({ name: 'Ukraine', value: 'ukraine' });
  });

  it('posts into a channel with the bot token', async () => {
    await endpoint.digestPoster!.post(discord.channelId, LONG_REPLY, { key: 'http-digest', subscriptionId: 1, scheduledFor: new Date() });
    const posted = discord.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${discord.channelId}/messages`));
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.every((r) => r.headers.authorization === `Bot ${discord.token}`)).toBe(true);
    expect(discord.refusals).toEqual([]);
  });
});
