import { createPublicKey, verify } from 'node:crypto';

/** Whether a request is Discord's, and if not, why. */
export type Verdict = { ok: true } | { ok: false; reason: string };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** How far a request's timestamp may be from our clock, either way. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

/**
 * Checks that a request to the HTTP interactions endpoint comes from Discord: an Ed25519
 * signature (`X-Signature-Ed25519`) by the application's key over the timestamp
 * (`X-Signature-Timestamp`) followed by the raw body. A timestamp far from now is refused
 * too, so that a captured request cannot be replayed later.
 */
export function requestVerifier(publicKeyHex: string, now: () => number = Date.now): (request: SignedRequest) => Verdict {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') },
    format: 'jwk',
  });
  return ({ signature, timestamp, body }) => {
    if (!signature || !timestamp) return { ok: false, reason: 'missing signature headers' };
    if (!/^[0-9a-f]{128}$/iu.test(signature)) return { ok: false, reason: 'malformed signature' };
    const seconds = Number(timestamp);
    if (!Number.isInteger(seconds) || Math.abs(now() / 1000 - seconds) > MAX_SIGNATURE_AGE_SECONDS) {
      return { ok: false, reason: 'stale or invalid timestamp' };
    }
    const valid = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
    return valid ? { ok: true } : { ok: false, reason: 'invalid signature' };
  };
}
