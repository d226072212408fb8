/**
 * Signing in and out, accounts and the audit log over HTTP. A browser signs in on /login with its token
 * (from `sitrep user add`) and gets a session cookie (HttpOnly, SameSite=Strict, Secure unless the server
 * was told otherwise) and a CSRF token; scripts send the token itself as `Authorization: Bearer`.
 */
import { escapeHtml as h } from '../report/escape.js';
import { checkName, sameSecret } from '../desk/tokens.js';
import { ROLES, type Role } from '../desk/types.js';
import { clientAddress, sessionCookie } from './auth.js';
import { readObject, stringField } from './body.js';
import type { Ctx } from './context.js';
import { HttpError, newNonce, send, sendHtml, sendJson } from './http.js';
import { intParam, readParams } from './params.js';

/** Only a path on this server: a `next` of `//evil.example` or `https://…` would send the user away. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) && next.length < 2000 ? next : '/';
}

export function renderLoginPage(nonce: string, next: string, message: string | null, signedInAs: string | null): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in — sitrep</title>
<style nonce="${nonce}">body{font:16px/1.5 system-ui,sans-serif;max-width:28em;margin:4em auto;padding:0 1em;color:#1d2733}
label{display:block;font-weight:600;margin:1em 0 .3em}input[type=password]{width:100%;box-sizing:border-box;padding:.5em;font:inherit;border:1px solid #8a96a3;border-radius:4px}
button{margin-top:1em;padding:.5em 1.2em;font:inherit;border:0;border-radius:4px;background:#1f5fa8;color:#fff;cursor:pointer}button:focus-visible,input:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.error{color:#a11;background:#fdecec;padding:.5em .8em;border-radius:4px}.muted{color:#5b6670;font-size:.9em}</style></head>
<body><main><h1>Sign in to sitrep</h1>
${signedInAs ? `<p>Signed in as <strong>${h(signedInAs)}</strong>. <a href="${h(next)}">Continue</a></p>` : ''}
${message ? `<p class="error" role="alert">${h(message)}</p>` : ''}
<form method="post" action="/api/login">
<input type="hidden" name="next" value="${h(next)}">
<label for="token">Token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button>
</form>
<p class="muted">An administrator creates your account with <code>sitrep user add NAME --role editor</code>, which prints the token.</p>
<p><a href="/">Back to the desk</a></p></main></body></html>
`;
}

function loginCsp(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'`;
}

export async function loginPage(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, ['next', 'error']);
  const nonce = newNonce();
  const message = p.error === 'token' ? 'Unknown or revoked token.' : null;
  sendHtml(ctx.res, 200, renderLoginPage(nonce, safeNext(p.next), message, ctx.identity.account?.name ?? null), loginCsp(nonce));
}

export async function login(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  // A session is a row in the database; `serve --read-only` opens it read-only (src/store/open.ts).
  if (ctx.store.readOnly) throw new HttpError(405, 'method_not_allowed', 'this server has its database open read-only, so it keeps no sessions: send the token in an Authorization: Bearer header', { Allow: 'GET, HEAD' });
  const { value, form } = await readObject(ctx.req, { form: true, limit: 8192 });
  const next = safeNext(stringField(value, 'next'));
  const wait = ctx.limits.logins.take(clientAddress(ctx.req));
  if (wait > 0) throw new HttpError(429, 'rate_limited', `too many sign-in attempts from this address; retry in ${wait} s`, { 'Retry-After': String(wait) });
  const token = stringField(value, 'token', 200);
  if (!token) throw new HttpError(400, 'usage', 'token is required');
  const account = await ctx.desk.accountByToken(token);
  if (!account) {
    await ctx.desk.audit({ account: null, action: 'session.refused', target: null, detail: null, why: null, client: clientAddress(ctx.req) });
    if (form) {
      const nonce = newNonce();
      sendHtml(ctx.res, 401, renderLoginPage(nonce, next, 'Unknown or revoked token.', null), loginCsp(nonce));
      return;
    }
    throw new HttpError(401, 'unauthorized', 'unknown or revoked token');
  }
  const s = await ctx.desk.createSession(account.id, ctx.opts.sessionTtlMs);
  ctx.identity = { account, via: 'session', session: { id: s.id, csrf: s.csrf, expiresAt: s.expiresAt } };
  await ctx.audit('session.login', account.name);
  const cookie = sessionCookie(s.id, s.expiresAt, ctx.opts.secureCookies);
  if (form) send(ctx.res, 303, 'text/plain; charset=utf-8', 'signed in\n', { Location: next, 'Set-Cookie': cookie });
  else sendJson(ctx.res, 200, { account: { name: account.name, role: account.role }, csrf: s.csrf, expiresAt: s.expiresAt }, { 'Set-Cookie': cookie });
}

export async function logout(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const id = ctx.identity;
  if (id.via === 'session') {
    // Ending a session is a write made with its cookie: without the CSRF token another site could sign people out.
    const sent = ctx.req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, id.session!.csrf)) throw new HttpError(403, 'forbidden', 'signing out needs the session\'s CSRF token in X-CSRF-Token');
    // A session made by a writable server over the same store: this one cannot delete its row.
    if (ctx.store.readOnly) throw new HttpError(405, 'method_not_allowed', 'this server has its database open read-only, so it cannot end a session: sign out on a server that can write, or let the session expire', { Allow: 'GET, HEAD' });
    await ctx.desk.deleteSession(id.session!.id);
    await ctx.audit('session.logout', id.account!.name);
  }
  sendJson(ctx.res, 200, { signedOut: id.via === 'session' }, { 'Set-Cookie': sessionCookie(null, null, ctx.opts.secureCookies) });
}

export async function sessionInfo(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const id = ctx.identity;
  sendJson(ctx.res, 200, {
    account: id.account ? { name: id.account.name, role: id.account.role } : null,
    via: id.via,
    csrf: id.session?.csrf ?? null,
    expiresAt: id.session?.expiresAt ?? null,
    anonymousRead: ctx.opts.anonymousRead,
    readOnly: ctx.opts.readOnly,
  });
}

function requireAdmin(ctx: Ctx): void {
  const a = ctx.identity.account;
  if (!a) throw new HttpError(401, 'unauthorized', 'accounts are shown to admins only: sign in', { 'WWW-Authenticate': 'Bearer realm="sitrep"' });
  if (a.role !== 'admin') throw new HttpError(403, 'forbidden', 'accounts are shown to admins only');
}

const accountJson = (a: { name: string; role: Role; createdAt: string }) => ({ name: a.name, role: a.role, createdAt: a.createdAt });

function nameParam(ctx: Ctx): string {
  let name: string;
  try {
    name = decodeURIComponent(ctx.param);
  } catch {
    throw new HttpError(400, 'usage', 'the account name is not valid percent-encoding');
  }
  return name;
}

export async function listAccounts(ctx: Ctx): Promise<void> {
  requireAdmin(ctx);
  readParams(ctx.url.searchParams, []);
  sendJson(ctx.res, 200, { accounts: (await ctx.desk.accounts()).map(accountJson) });
}

export async function getAccount(ctx: Ctx): Promise<void> {
  requireAdmin(ctx);
  readParams(ctx.url.searchParams, []);
  const a = await ctx.desk.accountByName(nameParam(ctx));
  if (!a) throw new HttpError(404, 'not_found', `no account named ${JSON.stringify(nameParam(ctx).slice(0, 80))}`);
  sendJson(ctx.res, 200, accountJson(a));
}

export function parseRole(v: unknown): Role {
  if (typeof v !== 'string' || !(ROLES as readonly string[]).includes(v)) throw new HttpError(400, 'usage', `role must be one of ${ROLES.join(', ')}`);
  return v as Role;
}

export async function addAccount(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const { value } = await readObject(ctx.req);
  const name = stringField(value, 'name', 100) ?? '';
  const bad = checkName(name);
  if (bad) throw new HttpError(400, 'usage', bad);
  const role = parseRole(value.role);
  if (await ctx.desk.accountByName(name)) throw new HttpError(409, 'conflict', `there is already an account named ${name}`);
  const { account, token } = await ctx.desk.addAccount(name, role);
  await ctx.audit('account.add', name, { role });
  sendJson(ctx.res, 201, { account: accountJson(account), token });
}

export async function removeAccount(ctx: Ctx): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const name = nameParam(ctx);
  if (!(await ctx.desk.removeAccount(name))) throw new HttpError(404, 'not_found', `no account named ${JSON.stringify(name.slice(0, 80))}`);
  await ctx.audit('account.remove', name);
  sendJson(ctx.res, 200, { removed: name });
}

/** `/api/audit`: newest first, in pages (`before` the last id seen). Addresses are shown to admins only. */
export async function auditLog(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, ['limit', 'before', 'target', 'account', 'action']);
  const limit = intParam(p, 'limit', 100, 1, 1000);
  const before = p.before === undefined ? undefined : intParam(p, 'before', 0, 1, Number.MAX_SAFE_INTEGER);
  const entries = await ctx.desk.auditLog({ limit, before, target: p.target, account: p.account, action: p.action });
  const admin = ctx.identity.account?.role === 'admin';
  const next = entries.length === limit ? `/api/audit?${new URLSearchParams({ ...stripUndefined(p), before: String(entries.at(-1)!.id) })}` : null;
  sendJson(ctx.res, 200, { entries: entries.map((e) => (admin ? e : { ...e, client: null })), next });
}

function stripUndefined(p: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
