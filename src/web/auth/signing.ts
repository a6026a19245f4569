/**
 * Values the browser keeps for us but must not be able to alter: the signed-out CSRF cookie, the first-run setup
 * cookie and the OIDC state cookie. Each is signed with HMAC-SHA256 under a key derived from the service's secret,
 * with a purpose bound into the signature so that a value made for one cookie is refused by every other, and an
 * expiry bound in so that an old value cannot be replayed forever.
 */
import { hkdfSync } from 'node:crypto';
import { hmac, safeEqual } from '../../services/tokens.ts';

export type SignedPurpose = 'csrf' | 'setup' | 'oidc';

export interface Signer {
  /** `payload` is any text; the result is safe to put in a cookie. */
  sign(purpose: SignedPurpose, payload: string, expiresAt: Date): string;
  /** The payload, or null when the value is malformed, altered, made for another purpose or expired. */
  verify(purpose: SignedPurpose, signed: string | undefined, now: Date): string | null;
}

/** Derives a signing key from the service's secret so that the secret itself is never used for two jobs. */
export function deriveSigningKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'mirror/web/signed-cookies/v1', 32));
}

export function createSigner(key: Buffer): Signer {
  const mac = (purpose: string, body: string) => hmac(key, `${purpose}\n${body}`);
  return {
    sign(purpose, payload, expiresAt) {
      const body = `${Buffer.from(payload, 'utf8').toString('base64url')}.${expiresAt.getTime().toString(36)}`;
      return `${body}.${mac(purpose, body)}`;
    },
    verify(purpose, signed, now) {
      if (typeof signed !== 'string' || signed.length > 4096) return null;
      const parts = signed.split('.');
      if (parts.length !== 3) return null;
      const [payload, expiry, signature] = parts as [string, string, string];
      const body = `${payload}.${expiry}`;
      if (!safeEqual(signature, mac(purpose, body))) return null;
      const expiresAt = Number.parseInt(expiry, 36);
      if (!Number.isFinite(expiresAt) || expiresAt <= now.getTime()) return null;
      return Buffer.from(payload, 'base64url').toString('utf8');
    },
  };
}
