import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionsBitField,
  REST,
  Routes,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord.js';
import type { Parley } from '../../app/parley';
import type { Logger } from '../../log';
import type { DiscordSettings } from './settings';
import type { RunningAdapter } from '../contract';
import { DeliveryLog } from '../deliveries';
import { answerCommand, discordCaller, type InteractionResponder } from './answerCommand';
import { autocompleteChoices } from './autocomplete';
import { discordDigestPoster } from './digestPoster';
import { NO_MENTIONS, type DiscordMessage } from './renderReply';
import { requestVerifier } from './verifyRequest';

/** The path of the endpoint: the Interactions Endpoint URL is https://your.host/interactions. */
export const INTERACTIONS_PATH = '/interactions';
/** Interactions are small; anything much larger is not from Discord. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpInteractionsAdapter extends RunningAdapter {
  /** Where the endpoint listens, e.g. http://127.0.0.1:8080/interactions. */
  url: string;
}

type HttpSettings = Extract<DiscordSettings, { mode: 'http' }>;

/**
 * Parley as Discord's HTTP interactions endpoint, for hosting without a gateway connection:
 * Discord POSTs each interaction, signed with the application's key. A PING is answered
 * with PONG, a command is acknowledged in the HTTP response and answered through the
 * interaction's webhook, an autocompletion is answered in the response. Requests without a
 * valid, fresh signature get 401.
 */
export async function startHttpInteractions(
  parley: Parley,
  settings: HttpSettings,
  log: Logger,
  now: () => number = Date.now,
): Promise<HttpInteractionsAdapter> {
  const verifyRequest = requestVerifier(settings.publicKey, now);
  // Interaction webhooks need no token; posting into a channel does.
  const rest = new REST({ api: settings.apiUrl });
  if (settings.token) rest.setToken(settings.token);

  /**
   * The application's id, for interactions that do not carry one (Discord's own documented
   * example has no `application_id`): DISCORD_APPLICATION_ID, or else asked of Discord once
   * with the bot token.
   */
  let configuredApplicationId: Promise<string | null> | null = settings.applicationId ? Promise.resolve(settings.applicationId) : null;
  const applicationId = (): Promise<string | null> => {
    configuredApplicationId ??= settings.token
      ? rest.get(Routes.currentApplication()).then(
          (application) => (application as { id: string }).id,
          (error: unknown) => {
            log.warn(`discord: could not ask Discord for the application id: ${(error as Error).message}`);
            configuredApplicationId = null;
            return null;
          },
        )
      : Promise.resolve(null);
    return configuredApplicationId;
  };

  const deliveries = new DeliveryLog({ shared: parley.sharedDeliveries, log });
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('discord: HTTP interaction failed', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== INTERACTIONS_PATH) return sendJson(response, 404, { error: 'not found' });
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'method not allowed' }, { allow: 'POST' });
    const body = await readBody(request);
    if (!body) return sendJson(response, 413, { error: 'request too large' });
    const verdict = verifyRequest({
      signature: header(request, 'x-signature-ed25519'),
      timestamp: header(request, 'x-signature-timestamp'),
      body,
    });
    if (!verdict.ok) {
      log.warn(`discord: refused an interaction request: ${verdict.reason}`);
      return sendJson(response, 401, { error: verdict.reason });
    }
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
    } catch {
      return sendJson(response, 400, { error: 'body is not JSON' });
    }
    switch (interaction.type) {
      case InteractionType.Ping:
        return sendJson(response, 200, { type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommandAutocomplete:
        return sendJson(response, 200, autocompleteResponse(interaction));
      case InteractionType.ApplicationCommand:
        if (!(await deliveries.isFirst(`discord:${interaction.id}`))) return acknowledgeRepeat(interaction.id, response);
        if (interaction.data.type === ApplicationCommandType.ChatInput) return answer(interaction as APIChatInputApplicationCommandInteraction, response);
    }
    return sendJson(response, 400, { error: 'unsupported interaction type' });
  }

  /**
   * An interaction already being answered, POSTed again (a signed request replayed within its
   * freshness window, or sent twice): acknowledged privately, so that nothing public shows
   * should this be the acknowledgement Discord keeps, and not run again; the first run's
   * answer goes to the same interaction.
   */
  function acknowledgeRepeat(id: string, response: ServerResponse): void {
    log.info(`discord: interaction ${id} delivered again; answered already`);
    sendJson(response, 200, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  }

  function autocompleteResponse(interaction: APIApplicationCommandAutocompleteInteraction): APIInteractionResponse {
    const focused = interaction.data.options.find((option) => 'focused' in option && option.focused);
    const choices = focused && 'value' in focused ? autocompleteChoices(parley, interaction.data.name, focused) : [];
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
  }

  async function answer(interaction: APIChatInputApplicationCommandInteraction, response: ServerResponse): Promise<void> {
    const user = interaction.member?.user ?? interaction.user;
    const permissions = interaction.member ? new PermissionsBitField(BigInt(interaction.member.permissions)) : null;
    // `channel` is the newer field; older payloads (and Discord's documented example) give only `channel_id`.
    const caller = discordCaller(user?.id ?? null, interaction.channel?.id ?? interaction.channel_id ?? null, permissions);
    const options = (interaction.data.options ?? []).map((option) => ({ name: option.name, ...('value' in option ? { value: option.value } : {}) }));
    await answerCommand(parley, { name: interaction.data.name, options, caller }, webhookResponder(interaction, response), log);
  }

  function webhookResponder(interaction: APIChatInputApplicationCommandInteraction, response: ServerResponse): InteractionResponder {
    const webhookApplication = async (): Promise<string> => {
      const id = (interaction.application_id as string | undefined) ?? (await applicationId());
      if (!id) throw new Error('the interaction names no application_id: set DISCORD_APPLICATION_ID (or DISCORD_TOKEN, to ask Discord for it)');
      return id;
    };
    const original = async (): Promise<`/${string}`> => Routes.webhookMessage(await webhookApplication(), interaction.token, '@original');
    const respond = (body: APIInteractionResponse) =>
      new Promise<void>((resolve) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body), resolve);
      });
    return {
      reply: (message, ephemeral) => respond({ type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(message, ephemeral) }),
      defer: (ephemeral) =>
        respond({ type: InteractionResponseType.DeferredChannelMessageWithSource, ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}) }),
      editOriginal: async (message) => {
        await rest.patch(await original(), { body: messageBody(message, false), auth: false });
      },
      deleteOriginal: async () => {
        await rest.delete(await original(), { auth: false });
      },
      followUp: async (message, ephemeral) => {
        await rest.post(Routes.webhook(await webhookApplication(), interaction.token), { body: messageBody(message, ephemeral), auth: false });
      },
    };
  }

  server.listen(settings.httpPort, settings.httpHost);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://${settings.httpHost}:${port}${INTERACTIONS_PATH}`;
  log.info(`discord: HTTP interactions endpoint listening on ${url}`);

  return {
    name: 'Discord (HTTP interactions)',
    url,
    // Posting unprompted needs the bot token, which the HTTP mode can do without.
    ...(settings.token ? { digestPoster: discordDigestPoster(rest) } : {}),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A message in the API's own JSON, as webhooks and channel posts take it. */
function messageBody(message: DiscordMessage, ephemeral: boolean) {
  return { ...message, allowed_mentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
