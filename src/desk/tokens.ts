/**
 * Credentials: API tokens and session ids are 32 random bytes (base64url). The database keeps only their
 * SHA-256: with 256 bits of entropy a plain hash is as good as a slow one (nothing to guess), and a
 * lookup by hash needs no per-account salt.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'sitrep_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compare two secrets without leaking, through timing, how much of them matched. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashSecret(a), 'hex');
  const y = Buffer.from(hashSecret(b), 'hex');
  return timingSafeEqual(x, y);
}

/** Account names: what a log line and a URL can carry without quoting. */
export const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function checkName(name: string): string | null {
  return NAME_RE.test(name) ? null : `account names are 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit; got ${JSON.stringify(name.slice(0, 80))}`;
}
