/**
 * The OpenAPI document against the live server: every route is described, and the responses of every
 * route (successes and errors) validate against the schemas, with undocumented fields refused — so the
 * document cannot drift from what the server says.
 */
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskData } from '../desk/open.js';
import { readBytes, readPath } from '../ingest/read.js';
import { ingest } from '../store/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { routePaths, startServer, type RunningServer } from './app.js';
import { openApiDocument, toOpenApiPath } from './openapi.js';

const ROOT = path.resolve(__dirname, '../..');
type Json = Record<string, unknown>;

let store: Store;
let srv: RunningServer;
let editor: string;
let admin: string;
const doc = openApiDocument(routePaths()) as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, unknown> } };

/** Refs into $defs of one schema, and every described object closed to fields it does not list. */
function strict(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strict);
  if (typeof x !== 'object' || x === null) return x;
  const o: Json = {};
  for (const [k, v] of Object.entries(x)) o[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', 'openapi#/$defs/') : strict(v);
  if (o.properties && o.additionalProperties === undefined) o.additionalProperties = false;
  return o;
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
ajv.addKeyword('example');
ajv.addSchema({ $id: 'openapi', $defs: strict(doc.components.schemas) as Json });
const validators = new Map<string, ValidateFunction>();

function validatorFor(p: string, method: string, status: number, type: string): ValidateFunction {
  const op = doc.paths[p]?.[method];
  expect(op, `${method.toUpperCase()} ${p} is described`).toBeDefined();
  const responses = op!.responses as Record<string, { content?: Record<string, { schema: unknown }> }>;
  const r = responses[String(status)];
  expect(r, `${method.toUpperCase()} ${p} describes status ${status}`).toBeDefined();
  const schema = r!.content?.[type]?.schema;
  expect(schema, `${method.toUpperCase()} ${p} ${status} describes ${type}`).toBeDefined();
  const key = `${p} ${method} ${status} ${type}`;
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile(strict(schema) as Json);
    validators.set(key, v);
  }
  return v;
}

/** Call the server and check the answer against the document. */
async function check(method: string, url: string, opts: { headers?: Record<string, string>; body?: string; status?: number } = {}): Promise<unknown> {
  const res = await fetch(srv.url + url, { method, headers: opts.headers, body: opts.body, redirect: 'manual' });
  if (opts.status !== undefined) expect(res.status, `${method} ${url}`).toBe(opts.status);
  const pathname = new URL(url, 'http://x').pathname;
  const p = doc.paths[pathname] ? pathname : Object.keys(doc.paths).find((k) => k.includes('{') && new RegExp('^' + k.replace(/\{\w+\}/g, '.+') + '$').test(pathname))!;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
  const text = await res.text();
  const v = validatorFor(p, method.toLowerCase(), res.status, type);
  if (type.endsWith('json')) {
    const body = JSON.parse(text);
    const ok = v(body);
    expect(ok ? [] : v.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), `${method} ${url} (${res.status})`).toEqual([]);
    return body;
  }
  expect(v(text)).toBe(true);
  return text;
}

beforeAll(async () => {
  store = await openStore(':memory:');
  async function* items() {
    yield* readPath(path.join(ROOT, 'examples'));
    yield* readBytes(Buffer.from(JSON.stringify({ id: 'odd/one#1', text: 'Protesters gathered in Basra on Friday.', published: '2016-11-12', url: 'https://x.example/1' })), { name: 'x.json', id: 'x.json' });
  }
  await ingest(store, items());
  editor = (await deskData(store).addAccount('oa-editor', 'editor')).token;
  admin = (await deskData(store).addAccount('oa-admin', 'admin')).token;
  srv = await startServer(store, '127.0.0.1', 0);
}, 120_000);

afterAll(async () => {
  await srv?.close();
  await store?.close();
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every route the server has, with its path parameters', () => {
    expect((doc as unknown as Json).openapi).toBe('3.1.0');
    const described = Object.keys(doc.paths).sort();
    expect(described).toEqual(routePaths().map(toOpenApiPath).sort());
    for (const [p, ops] of Object.entries(doc.paths)) {
      const inPath = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
        expect(typeof op.summary).toBe('string');
        expect(Object.keys(op.responses as Json).length).toBeGreaterThan(0);
        const params = (op.parameters as { name: string; in: string; required: boolean }[] | undefined) ?? [];
        expect(params.filter((x) => x.in === 'path').map((x) => x.name)).toEqual(inPath);
        for (const x of params) if (x.in === 'path') expect(x.required).toBe(true);
      }
    }
    // Every schema compiles under JSON Schema 2020-12 in strict mode.
    for (const name of Object.keys(doc.components.schemas)) expect(() => ajv.getSchema(`openapi#/$defs/${name}`)).not.toThrow();
  });

  it('is served at /api/openapi.json and /api links to it', async () => {
    const served = await check('GET', '/api/openapi.json', { status: 200 });
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    await check('GET', '/api', { status: 200 });
  });
});

describe('live responses match the document', () => {
  it('the desk: events, points, facets, one event, reviews, control, feed, desks, gazetteer, the app', async () => {
    const json = { 'Content-Type': 'application/json', Authorization: `Bearer ${editor}` };
    const list = (await check('GET', '/api/events?sort=-deaths&limit=5&country=IQ&type=Battles', { status: 200 })) as { events: { id: string; sources: { documentId: string; start: number; end: number }[] }[]; next: string | null };
    expect(list.events.length).toBeGreaterThan(1);
    if (list.next) await check('GET', list.next, { status: 200 });
    await check('GET', '/api/events?q=mosul&minOutlets=1&bbox=40,30,50,40&review=all&since=2016-10-01&until=2016-12-31', { status: 200 });
    await check('GET', '/api/events?bbox=1,2,3', { status: 400 });
    await check('GET', '/api/events/points', { status: 200 });
    await check('GET', '/api/events/timeline?country=IQ', { status: 200 });
    await check('GET', '/api/events/timeline?bucket=day&q=mosul', { status: 200 });
    await check('GET', '/api/events/timeline?bucket=week', { status: 400 });
    await check('GET', '/api/facets?country=IQ', { status: 200 });
    await check('GET', '/api/control', { status: 200 });
    await check('GET', '/api/feed.atom?country=IQ', { status: 200 });
    await check('GET', '/api/gazetteer?q=Mosul', { status: 200 });
    await check('GET', '/api/gazetteer?lat=36.34&lon=43.13', { status: 200 });
    await check('GET', '/api/gazetteer', { status: 400 });
    const [a, b, c] = list.events;
    await check('GET', `/api/events/${a!.id}`, { status: 200 });
    await check('GET', '/api/events/ev-nope', { status: 404 });
    await check('POST', `/api/events/${a!.id}/review`, { headers: json, body: '{"action":"confirm","why":"checked"}', status: 201 });
    await check('POST', `/api/events/${a!.id}/review`, { headers: json, body: '{"action":"correct","changes":{"fatalities":{"low":1,"best":2,"high":3}}}', status: 201 });
    await check('POST', `/api/events/${a!.id}/review`, { headers: json, body: '{"action":"correct","changes":{"colour":"red"}}', status: 400 });
    await check('POST', `/api/events/${a!.id}/review`, { headers: { 'Content-Type': 'application/json' }, body: '{"action":"confirm"}', status: 401 });
    await check('POST', `/api/events/${c!.id}/review`, { headers: json, body: JSON.stringify({ action: 'merge', into: b!.id }), status: 201 });
    await check('POST', `/api/events/${c!.id}/review`, { headers: json, body: '{"action":"reject"}', status: 409 });
    await check('POST', `/api/events/${c!.id}/review`, { headers: json, body: '{"action":"restore"}', status: 201 });
    const merged = (await check('GET', `/api/events/${b!.id}`, { status: 200 })) as { event: { sources: { documentId: string; start: number; end: number }[] } };
    if (merged.event.sources.length > 1) {
      const s0 = merged.event.sources[0]!;
      await check('POST', `/api/events/${b!.id}/review`, { headers: json, body: JSON.stringify({ action: 'split', sources: [{ documentId: s0.documentId, start: s0.start, end: s0.end }] }), status: 201 });
    }
    await check('POST', `/api/events/${a!.id}/review`, { headers: json, body: '{"action":"reject","why":"not an event"}', status: 201 });
    const desk = (await check('POST', '/api/desks', { headers: json, body: '{"name":"Iraq battles","query":"country=IQ&type=Battles"}', status: 201 })) as { id: string };
    await check('POST', '/api/desks', { headers: json, body: '{"name":"Iraq battles"}', status: 409 });
    await check('POST', '/api/desks', { headers: json, body: '{"name":"x","query":"colour=red"}', status: 400 });
    await check('GET', '/api/desks', { status: 200 });
    await check('GET', `/api/desks/${desk.id}`, { status: 200 });
    await check('PUT', `/api/desks/${desk.id}`, { headers: json, body: '{"name":"Iraq","query":{"country":"IQ"}}', status: 200 });
    await check('DELETE', `/api/desks/${desk.id}`, { headers: json, status: 200 });
    await check('GET', `/api/desks/${desk.id}`, { status: 404 });
    await check('GET', '/?country=IQ', { status: 200 });
    await check('GET', `/events/${a!.id}`, { status: 200 });
    await check('GET', '/desks', { status: 200 });
    await check('GET', '/app/app.js', { status: 200 });
    await check('GET', '/app/app.css', { status: 200 });
    await check('GET', '/app/countries-110m.json', { status: 200 });
    await check('GET', '/app/nope.js', { status: 404 });
  });

  it('reports, slices and exports', async () => {
    const report = (await check('GET', '/api/report', { status: 200 })) as { events: unknown[]; figures: unknown[]; places: unknown[] };
    expect(report.events.length).toBeGreaterThan(0);
    expect(report.figures.length).toBeGreaterThan(0);
    await check('GET', '/api/report?since=2016-10-20&until=2016-10-31', { status: 200 });
    await check('GET', '/api/report?near=Mosul&radius=80', { status: 200 });
    await check('GET', '/api/events', { status: 200 });
    await check('GET', '/api/figures', { status: 200 });
    await check('GET', '/api/places', { status: 200 });
    await check('GET', '/api/export.csv', { status: 200 });
    await check('GET', '/api/export.geojson', { status: 200 });
    await check('GET', '/api/report?since=nope', { status: 400 });
    await check('GET', '/api/events?sinse=2016-01-01', { status: 400 });
    await check('GET', '/', { status: 200 });
    await check('GET', '/report', { status: 200 });
  });

  it('documents, search, stats', async () => {
    const list = (await check('GET', '/api/documents?limit=3', { status: 200 })) as { documents: { links: { json: string; html: string } }[] };
    await check('GET', list.documents[0]!.links.json, { status: 200 });
    await check('GET', list.documents[0]!.links.html, { status: 200 });
    await check('GET', `/api/documents/${encodeURIComponent('odd/one#1')}`, { status: 200 });
    await check('GET', '/api/documents/nope', { status: 404 });
    await check('GET', '/api/search?q=Mosul&limit=3', { status: 200 });
    await check('GET', '/api/search', { status: 400 });
    await check('GET', '/api/stats', { status: 200 });
    await check('GET', '/no/such/route', { status: 404 }).catch(() => {});
  });

  it('writes, sessions, accounts and the audit log', async () => {
    const json = { 'Content-Type': 'application/json' };
    await check('POST', '/api/documents', { headers: json, body: '{"text":"x"}', status: 401 });
    await check('POST', '/api/documents', { headers: { ...json, Authorization: `Bearer ${editor}` }, body: '{"id":"oa-1","text":"Gunmen attacked a checkpoint near Kirkuk on Monday, killing a policeman."}', status: 201 });
    await check('POST', '/api/documents', { headers: { ...json, Authorization: `Bearer ${editor}` }, body: '{"id":"oa-1","text":"Gunmen attacked a checkpoint near Kirkuk on Monday, killing a policeman."}', status: 200 });
    await check('POST', '/api/documents', { headers: { ...json, Authorization: `Bearer ${editor}` }, body: '[{"id":1}]', status: 422 });
    await check('POST', '/api/documents', { headers: { 'Content-Type': 'image/png', Authorization: `Bearer ${editor}` }, body: 'x', status: 415 });
    await check('GET', '/api/session', { status: 200 });
    const login = (await check('POST', '/api/login', { headers: json, body: JSON.stringify({ token: editor }), status: 200 })) as { csrf: string };
    expect(login.csrf.length).toBeGreaterThan(20);
    await check('POST', '/api/login', { headers: json, body: '{"token":"nope"}', status: 401 });
    await check('POST', '/api/logout', { status: 200 });
    await check('GET', '/api/accounts', { headers: { Authorization: `Bearer ${admin}` }, status: 200 });
    await check('GET', '/api/accounts', { headers: { Authorization: `Bearer ${editor}` }, status: 403 });
    await check('POST', '/api/accounts', { headers: { ...json, Authorization: `Bearer ${admin}` }, body: '{"name":"oa-v","role":"viewer"}', status: 201 });
    await check('POST', '/api/accounts', { headers: { ...json, Authorization: `Bearer ${admin}` }, body: '{"name":"oa-v","role":"viewer"}', status: 409 });
    await check('GET', '/api/accounts/oa-v', { headers: { Authorization: `Bearer ${admin}` }, status: 200 });
    await check('DELETE', '/api/accounts/oa-v', { headers: { Authorization: `Bearer ${admin}` }, status: 200 });
    await check('DELETE', '/api/accounts/oa-v', { headers: { Authorization: `Bearer ${admin}` }, status: 404 });
    const log = (await check('GET', '/api/audit?limit=2', { status: 200 })) as { next: string };
    await check('GET', log.next, { status: 200 });
  });
});
