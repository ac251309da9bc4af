import { generateKeyPairSync, sign } from 'node:crypto';

/** An application's Ed25519 key pair, as Discord holds the private key and the bot the public one. */
export interface DiscordSigningKeys {
  /** The raw 32-byte public key as hex, as the developer portal shows it (`DISCORD_PUBLIC_KEY`). */
  publicKeyHex: string;
  /** POSTs an interaction to an endpoint, signed as Discord signs it. */
  post(url: string, interaction: Record<string, unknown>): Promise<Response>;
}

export function discordSigningKeys(): DiscordSigningKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyHex: Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex'),
    post(url, interaction) {
      const body = JSON.stringify(interaction);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, 'x-signature-ed25519': signature }, body });
    },
  };
}
