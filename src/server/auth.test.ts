/**
 * Accounts over HTTP: writes need a token or a signed-in session with its CSRF token, roles are enforced,
 * reading can be closed to anonymous clients, writes are rate-limited and logged with their account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskData } from '../desk/open.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { startServer, type RunningServer } from './app.js';
import { safeNext } from './routes-auth.js';
import type { ServerOptions } from './context.js';

let store: Store;
const tokens: Record<string, string> = {};
const servers: RunningServer[] = [];

beforeAll(async () => {
  store = await openStore(':memory:');
  const d = deskData(store);
  for (const [name, role] of [['vi', 'viewer'], ['ed', 'editor'], ['ad', 'admin']] as const) tokens[name] = (await d.addAccount(name, role)).token;
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await store.close();
});

async function server(opts: Partial<ServerOptions> = {}): Promise<string> {
  const s = await startServer(store, '127.0.0.1', 0, opts);
  servers.push(s);
  return s.url;
}

const bearer = (name: string) => ({ Authorization: `Bearer ${tokens[name]}` });
const doc = (id: string) => JSON.stringify({ id, text: `Shelling hit the market in Bashiqa on Thursday, killing two, a local official said (${id}).`, published: '2016-11-10' });

async function call(url: string, method: string, headers: Record<string, string> = {}, body?: string) {
  const res = await fetch(url, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let json: { error?: { code: string; message: string } } & Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {
    /* a page */
  }
  return { status: res.status, headers: res.headers, text, json };
}

describe('writes need an account with the right role', () => {
  it('refuses an anonymous write (401, WWW-Authenticate), an unknown token (401) and a viewer (403); takes an editor', async () => {
    const base = await server();
    const anon = await call(base + '/api/documents', 'POST', { 'Content-Type': 'application/json' }, doc('a1'));
    expect(anon.status).toBe(401);
    expect(anon.json.error!.code).toBe('unauthorized');
    expect(anon.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await call(base + '/api/documents', 'POST', { 'Content-Type': 'application/json', Authorization: 'Bearer sitrep_nope' }, doc('a1'))).status).toBe(401);
    expect((await call(base + '/api/documents', 'POST', { 'Content-Type': 'application/json', Authorization: 'Basic abc' }, doc('a1'))).status).toBe(401);
    const viewer = await call(base + '/api/documents', 'POST', { 'Content-Type': 'application/json', ...bearer('vi') }, doc('a1'));
    expect(viewer.status).toBe(403);
    expect(viewer.json.error!.message).toMatch(/editor role/);
    const editor = await call(base + '/api/documents', 'POST', { 'Content-Type': 'application/json', ...bearer('ed') }, doc('a1'));
    expect(editor.status).toBe(201);
    // Nothing was stored by the refused attempts, and the stored one is logged with its account.
    expect((await store.stats()).documents).toBe(1);
    const log = await deskData(store).auditLog({ action: 'documents.add' });
    expect(log[0]).toMatchObject({ account: 'ed', target: 'a1', detail: { new: 1, existing: 0, failed: 0, ids: ['a1'] }, client: '127.0.0.1' });
  });

  it('lets only admins manage accounts, and hides addresses in the log from others', async () => {
    const base = await server();
    expect((await call(base + '/api/accounts', 'GET')).status).toBe(401);
    expect((await call(base + '/api/accounts', 'GET', bearer('ed'))).status).toBe(403);
    const list = await call(base + '/api/accounts', 'GET', bearer('ad'));
    expect((list.json.accounts as { name: string }[]).map((a) => a.name)).toEqual(expect.arrayContaining(['ad', 'ed', 'vi']));
    const json = { 'Content-Type': 'application/json' };
    expect((await call(base + '/api/accounts', 'POST', { ...json, ...bearer('ed') }, '{"name":"new1","role":"viewer"}')).status).toBe(403);
    const made = await call(base + '/api/accounts', 'POST', { ...json, ...bearer('ad') }, '{"name":"new1","role":"viewer"}');
    expect(made.status).toBe(201);
    expect(made.json.token).toMatch(/^sitrep_/);
    expect((await call(base + '/api/session', 'GET', { Authorization: `Bearer ${made.json.token}` })).json.account).toEqual({ name: 'new1', role: 'viewer' });
    expect((await call(base + '/api/accounts', 'POST', { ...json, ...bearer('ad') }, '{"name":"new1","role":"viewer"}')).status).toBe(409);
    expect((await call(base + '/api/accounts', 'POST', { ...json, ...bearer('ad') }, '{"name":"bad name","role":"viewer"}')).status).toBe(400);
    expect((await call(base + '/api/accounts', 'POST', { ...json, ...bearer('ad') }, '{"name":"x2","role":"god"}')).status).toBe(400);
    expect((await call(base + '/api/accounts/new1', 'GET', bearer('ad'))).json).toMatchObject({ name: 'new1', role: 'viewer' });
    expect((await call(base + '/api/accounts/new1', 'DELETE', bearer('ad'))).status).toBe(200);
    expect((await call(base + '/api/accounts/new1', 'DELETE', bearer('ad'))).status).toBe(404);
    expect((await call(base + '/api/session', 'GET', { Authorization: `Bearer ${made.json.token}` })).status).toBe(401);
    const adminView = (await call(base + '/api/audit?action=account.add', 'GET', bearer('ad'))).json.entries as { client: string | null; account: string }[];
    expect(adminView[0]).toMatchObject({ account: 'ad', client: '127.0.0.1' });
    const publicView = (await call(base + '/api/audit?action=account.add', 'GET')).json.entries as { client: string | null }[];
    expect(publicView[0]!.client).toBeNull();
  });

  it('rate-limits writes per account, with Retry-After', async () => {
    const base = await server({ writesPerMinute: 2 });
    const h = { 'Content-Type': 'application/json', ...bearer('ed') };
    expect((await call(base + '/api/documents', 'POST', h, doc('r1'))).status).toBe(201);
    expect((await call(base + '/api/documents', 'POST', h, doc('r2'))).status).toBe(201);
    const third = await call(base + '/api/documents', 'POST', h, doc('r3'));
    expect(third.status).toBe(429);
    expect(third.json.error!.code).toBe('rate_limited');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account has its own allowance.
    expect((await call(base + '/api/documents', 'POST', { 'Content-Type': 'application/json', ...bearer('ad') }, doc('r3'))).status).toBe(201);
  });
});

describe('browser sessions', () => {
  it('signs in with a token, writes only with the CSRF token, and signs out', async () => {
    const base = await server();
    const bad = await call(base + '/api/login', 'POST', { 'Content-Type': 'application/json' }, '{"token":"sitrep_wrong"}');
    expect(bad.status).toBe(401);
    const ok = await call(base + '/api/login', 'POST', { 'Content-Type': 'application/json' }, JSON.stringify({ token: tokens.ed }));
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^sitrep_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Secure; Max-Age=\d+$/);
    const cookie = setCookie.split(';')[0]!;
    const csrf = ok.json.csrf as string;
    expect(ok.json.account).toEqual({ name: 'ed', role: 'editor' });
    const info = await call(base + '/api/session', 'GET', { Cookie: cookie });
    expect(info.json).toMatchObject({ account: { name: 'ed', role: 'editor' }, via: 'session', csrf });
    const h = { 'Content-Type': 'application/json', Cookie: cookie };
    const noCsrf = await call(base + '/api/documents', 'POST', h, doc('s1'));
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.error!.message).toMatch(/CSRF/);
    expect((await call(base + '/api/documents', 'POST', { ...h, 'X-CSRF-Token': csrf + 'x' }, doc('s1'))).status).toBe(403);
    expect((await call(base + '/api/documents', 'POST', { ...h, 'X-CSRF-Token': csrf }, doc('s1'))).status).toBe(201);
    expect((await call(base + '/api/logout', 'POST', { Cookie: cookie })).status).toBe(403);
    const out = await call(base + '/api/logout', 'POST', { Cookie: cookie, 'X-CSRF-Token': csrf });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^sitrep_session=; .*Max-Age=0/);
    expect((await call(base + '/api/session', 'GET', { Cookie: cookie })).json.account).toBeNull();
    expect((await call(base + '/api/documents', 'POST', { ...h, 'X-CSRF-Token': csrf }, doc('s2'))).status).toBe(401);
    const actions = (await deskData(store).auditLog({ account: 'ed' })).map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['session.logout', 'documents.add', 'session.login']);
  });

  it('takes the sign-in form and sends the browser on to a path of this server only', async () => {
    const base = await server({ secureCookies: false });
    const page = await call(base + '/login?next=/report', 'GET');
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="token"');
    expect(page.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const r = await call(base + '/api/login', 'POST', form, new URLSearchParams({ token: tokens.vi!, next: '/report?since=2016-10-01' }).toString());
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/report?since=2016-10-01');
    expect(r.headers.get('set-cookie')).not.toMatch(/Secure/);
    const wrong = await call(base + '/api/login', 'POST', form, new URLSearchParams({ token: 'nope' }).toString());
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Unknown or revoked token');
    for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) expect(safeNext(evil)).toBe('/');
    // A form from another site is refused before the token is even looked at.
    expect((await call(base + '/api/login', 'POST', { ...form, Origin: 'https://evil.example' }, 'token=x')).status).toBe(403);
  });

  it('limits sign-in attempts per address', async () => {
    const base = await server({ loginsPerMinute: 3 });
    const h = { 'Content-Type': 'application/json' };
    for (let i = 0; i < 3; i++) expect((await call(base + '/api/login', 'POST', h, '{"token":"sitrep_x"}')).status).toBe(401);
    expect((await call(base + '/api/login', 'POST', h, JSON.stringify({ token: tokens.ed }))).status).toBe(429);
  });
});

describe('anonymous reading switched off', () => {
  it('refuses reads without an account, sends browsers to sign in, and keeps the sign-in page open', async () => {
    const base = await server({ anonymousRead: false });
    const r = await call(base + '/api/stats', 'GET');
    expect(r.status).toBe(401);
    expect(r.json.error!.code).toBe('unauthorized');
    const page = await call(base + '/report?since=2016-10-01', 'GET', { Accept: 'text/html' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Freport%3Fsince%3D2016-10-01');
    expect((await call(base + '/login', 'GET')).status).toBe(200);
    expect((await call(base + '/api/openapi.json', 'GET')).status).toBe(200);
    expect((await call(base + '/api/session', 'GET')).json).toMatchObject({ account: null, anonymousRead: false });
    expect((await call(base + '/api/stats', 'GET', bearer('vi'))).status).toBe(200);
  });
});
