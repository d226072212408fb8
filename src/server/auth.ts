/**
 * Who is asking: an API token (`Authorization: Bearer sitrep_…`), a browser session (the `sitrep_session`
 * cookie, set by the login page), or nobody. Reading may be open to nobody (`anonymousRead`); every write
 * needs an account with the route's role, a session's writes also need the session's CSRF token in
 * `X-CSRF-Token` (a cookie is sent by the browser on its own; the header only by the page that read the
 * token), and writes are rate-limited per account. docs/server.md, "Accounts".
 */
import type { IncomingMessage } from 'node:http';
import { sameSecret } from '../desk/tokens.js';
import { roleAtLeast, type Account, type DeskData, type Role } from '../desk/types.js';
import { HttpError } from './http.js';

export const SESSION_COOKIE = 'sitrep_session';

export interface Identity {
  account: Account | null;
  via: 'token' | 'session' | 'anonymous';
  /** The session's cookie value and CSRF token, when signed in by the login page. */
  session?: { id: string; csrf: string; expiresAt: string };
}

const ANONYMOUS: Identity = { account: null, via: 'anonymous' };

export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** The identity of a request. A bad token is a 401 even for a read: a client that sends one wants to know. */
export async function identify(req: IncomingMessage, desk: () => DeskData): Promise<Identity> {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m) throw new HttpError(401, 'unauthorized', 'the Authorization header must be "Bearer TOKEN" (a token from `sitrep user add`)', { 'WWW-Authenticate': 'Bearer realm="sitrep"' });
    const account = await desk().accountByToken(m[1]!);
    if (!account) throw new HttpError(401, 'unauthorized', 'unknown or revoked token', { 'WWW-Authenticate': 'Bearer realm="sitrep", error="invalid_token"' });
    return { account, via: 'token' };
  }
  const sid = cookies(req).get(SESSION_COOKIE);
  if (sid && /^[A-Za-z0-9_-]{20,100}$/.test(sid)) {
    const s = await desk().session(sid);
    if (s) return { account: s.account, via: 'session', session: { id: sid, csrf: s.csrf, expiresAt: s.expiresAt } };
  }
  return ANONYMOUS;
}

/** May this identity read? */
export function checkRead(id: Identity, anonymousRead: boolean): void {
  if (!id.account && !anonymousRead) {
    throw new HttpError(401, 'unauthorized', 'this server does not allow anonymous reading: sign in at /login, or send Authorization: Bearer TOKEN', { 'WWW-Authenticate': 'Bearer realm="sitrep"' });
  }
}

/** May this identity write here? `role` is the least the route needs. */
export function checkWrite(req: IncomingMessage, id: Identity, role: Role): Account {
  if (!id.account) {
    throw new HttpError(401, 'unauthorized', 'writing needs an account: send Authorization: Bearer TOKEN (from `sitrep user add NAME --role editor`), or sign in at /login', { 'WWW-Authenticate': 'Bearer realm="sitrep"' });
  }
  if (id.via === 'session') {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, id.session!.csrf)) {
      throw new HttpError(403, 'forbidden', 'a write with a session cookie needs the session\'s CSRF token in X-CSRF-Token (GET /api/session gives it)');
    }
  }
  if (!roleAtLeast(id.account.role, role)) {
    throw new HttpError(403, 'forbidden', `this needs the ${role} role; ${id.account.name} is ${id.account.role === 'admin' ? 'an' : 'a'} ${id.account.role}`);
  }
  return id.account;
}

/** The Set-Cookie value for a new session (or, with `expiresAt` null, one that ends it). */
export function sessionCookie(value: string | null, expiresAt: string | null, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  if (value === null || expiresAt === null) parts.push('Max-Age=0');
  else parts.push(`Max-Age=${Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000))}`);
  return parts.join('; ');
}

/** The client's address for the audit log and login limits (the socket's: headers can be forged). */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
