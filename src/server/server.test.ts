import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonError } from '../cli/command.js';
import { readBytes, readPath, type InputItem } from '../ingest/read.js';
import { ingest } from '../store/ingest.js';
import { deskData } from '../desk/open.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { expectSpansMatch } from '../test-support/spans.js';
import { startServer, type RunningServer } from './app.js';
import { errorJson } from './http.js';

const ROOT = path.resolve(__dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-server-'));

/** An article written to attack any page that shows it (all of it invented). */
const HOSTILE = {
  id: 'hostile-1',
  title: '<img src=x onerror=alert(3)>Market attack',
  source: '<b onmouseover=alert(5)>Evil Outlet</b>',
  url: 'javascript:alert(4)',
  published: '2016-10-25',
  text:
    'Gunmen attacked a market in Kirkuk on Monday, killing four civilians, police said. <script>alert(1)</script>\n' +
    'Witnesses said </script><script>alert(2)</script> the attackers fled toward Hawija. ' +
    '<a href="javascript:alert(6)">click</a> <svg onload=alert(7)> <iframe src="https://example.org/"></iframe>',
};

let store: Store;
let srv: RunningServer;
let base: string;
/** An editor's token: every write needs an account (auth.test.ts tests that). */
let auth: Record<string, string>;

beforeAll(async () => {
  store = await openStore(path.join(tmp, 'desk.db'));
  const hostile: InputItem[] = readBytes(Buffer.from(JSON.stringify(HOSTILE)), { name: 'hostile.json', id: 'hostile.json' });
  async function* items() {
    yield* readPath(path.join(ROOT, 'examples'));
    yield* hostile;
  }
  const summary = await ingest(store, items());
  expect(summary.failed).toBe(0);
  auth = { Authorization: `Bearer ${(await deskData(store).addAccount('desk-editor', 'editor')).token}` };
  srv = await startServer(store, '127.0.0.1', 0, { maxBody: 20_000 });
  base = srv.url;
});

afterAll(async () => {
  await srv?.close();
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function get(p: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + p, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function getJson<T = Record<string, unknown>>(p: string) {
  const r = await get(p);
  expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return { ...r, body: JSON.parse(r.text) as T };
}

async function post(p: string, body: string | Buffer, type: string | null, headers: Record<string, string> = {}) {
  const res = await fetch(base + p, { method: 'POST', body, headers: { ...auth, ...(type ? { 'Content-Type': type } : {}), ...headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

/** A raw request, for what fetch will not send (a forged Host header). */
function raw(method: string, p: string, headers: Record<string, string>, chunks: string[] = []): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, method, path: p, headers: { ...auth, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

function expectError(r: { status: number; text: string }, status: number, code: string) {
  expect(r.status).toBe(status);
  const body = JSON.parse(r.text);
  expect(Object.keys(body.error)).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');

describe('the report page and its JSON twin', () => {
  it('serves the HTML report under a strict policy: the page script by its nonce, the style by its hash, nothing else', async () => {
    const r = await get('/report');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = r.headers.get('content-security-policy')!;
    const { document } = parseHTML(r.text);
    const scripts = [...document.querySelectorAll('script')];
    const nonce = scripts.find((s) => s.getAttribute('nonce'))!.getAttribute('nonce')!;
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual([`'nonce-${nonce}'`]);
    expect(directives['style-src']).toEqual([...document.querySelectorAll('style')].map((s) => `'sha256-${sha256(s.textContent!)}'`));
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe/);
    expect(document.querySelector('h1')!.textContent).toBe('Situation report');
  });

  it('gives the report page a fresh script nonce on every response', async () => {
    const nonceOf = async () => /<script nonce="([^"]+)">/.exec((await get('/report')).text)?.[1];
    const [a, b] = [await nonceOf(), await nonceOf()];
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(a).not.toBe(b);
  });

  it('shows the hostile article as text: no script of its own, no handler, no javascript: link', async () => {
    const r = await get('/report');
    const { document } = parseHTML(r.text);
    expect(r.text).toContain('Evil Outlet');
    expect(r.text).not.toContain('<script>alert');
    expect(r.text).not.toContain('<img src=x');
    // The renderer's two scripts only: the inert data block and the nonced page script.
    expect([...document.querySelectorAll('script')].map((s) => s.getAttribute('type') ?? 'js')).toEqual(['application/json', 'js']);
    expect(document.querySelectorAll('iframe, svg[onload], img, b').length).toBe(0);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
      expect(el.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    }
  });

  it('takes since, until, near and radius like sitrep report, and says so when they are wrong', async () => {
    const all = await getJson<{ documents: { published: string | null }[]; events: unknown[] }>('/api/report');
    const late = await getJson<{ period: { since: string }; documents: { published: string | null }[] }>('/api/report?since=2016-11-01');
    expect(late.body.period.since).toBe('2016-11-01');
    expect(late.body.documents.length).toBeGreaterThan(0);
    expect(late.body.documents.length).toBeLessThan(all.body.documents.length);
    for (const d of late.body.documents) expect(d.published!.slice(0, 10) >= '2016-11-01').toBe(true);
    const near = await getJson<{ near: { name: string; radiusKm: number } }>('/api/report?near=Kirkuk&radius=20');
    expect(near.body.near).toMatchObject({ name: expect.stringMatching(/kirkuk/i), radiusKm: 20 });

    expect(expectError(await get('/api/report?since=yesterday'), 400, 'usage').error.message).toMatch(/^since must be a date/);
    expectError(await get('/api/report?since=2016-11-02&until=2016-11-01'), 400, 'usage');
    expectError(await get('/api/report?radius=-3'), 400, 'usage');
    expect(expectError(await get('/api/report?near=Atlantis'), 400, 'usage').error.message).toMatch(/near Atlantis: no place/);
    expect(expectError(await get('/api/report?sinse=2016-11-01'), 400, 'usage').error.message).toMatch(/unknown parameter "sinse"/);
    expectError(await get('/api/report?since=2016-11-01&since=2016-11-02'), 400, 'usage');
    // A leading underscore is a cache buster, not a typo.
    expect((await get('/api/report?_=123')).status).toBe(200);
  });

  it('answers a browser on an HTML route with an escaped error page, and anything else with the JSON shape', async () => {
    const json = await get('/?since=%3Cscript%3Ealert(1)%3C/script%3E');
    expectError(json, 400, 'usage');
    const page = await get('/?since=%3Cscript%3Ealert(1)%3C/script%3E', { Accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'nonce-[^']+'/);
  });

  it('gives slices of the same JSON report: figures, places; and the events page by page', async () => {
    const report = (await getJson<Record<string, unknown[]> & { schema: string }>('/api/report')).body;
    expect(report.schema).toBe('sitrep-report/1');
    for (const key of ['figures', 'places'] as const) {
      const slice = (await getJson<Record<string, unknown>>(`/api/${key}`)).body;
      expect(Object.keys(slice)).toEqual(['schema', 'period', 'near', key]);
      expect(slice[key]).toEqual(report[key]);
    }
    // Events are the desk's list: filtered, sorted and paged (all of them fit the first page here).
    const events = (await getJson<Record<string, unknown>>('/api/events')).body;
    expect(Object.keys(events)).toEqual(['schema', 'period', 'near', 'total', 'totalExact', 'limit', 'offset', 'next', 'events']);
    expect(events.events).toEqual(report.events);
    expect(events.total).toBe(report.events!.length);
    expect(report.events!.length).toBeGreaterThan(0);
    expect(report.places!.length).toBeGreaterThan(0);
  });

  it('exports the events as ACLED CSV and GeoJSON', async () => {
    const events = (await getJson<{ events: { id: string; location: unknown }[] }>('/api/events')).body.events;
    const csv = await get('/api/export.csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="sitrep-events.csv"');
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('event_id_cnty,event_date,year')).toBe(true);
    const geo = await get('/api/export.geojson');
    expect(geo.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const fc = JSON.parse(geo.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { id: string }) => f.id)).toEqual(events.filter((e) => e.location).map((e) => e.id));
    expect(lines.length).toBeGreaterThanOrEqual(events.length + 1);
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await fetch(base + '/api/stats', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('documents', () => {
  type Listed = { id: string; title: string | null; outlet: string | null; published: string | null; counts: Record<string, number>; links: { json: string; html: string } };
  type Page = { total: number; limit: number; offset: number; next: string | null; documents: Listed[] };

  it('lists the stored documents in pages', async () => {
    const stats = (await getJson<{ documents: number }>('/api/stats')).body;
    const first = (await getJson<Page>('/api/documents?limit=4')).body;
    expect(first.total).toBe(stats.documents);
    expect(first.documents.length).toBe(4);
    expect(Object.keys(first.documents[0]!)).toEqual(['id', 'title', 'outlet', 'published', 'url', 'counts', 'links']);
    expect(Object.keys(first.documents[0]!.counts)).toEqual(['sentences', 'times', 'places', 'quantities', 'events']);
    const ids: string[] = [];
    for (let next: string | null = '/api/documents?limit=4'; next; ) {
      const page: Page = (await getJson<Page>(next)).body;
      ids.push(...page.documents.map((d) => d.id));
      next = page.next;
    }
    expect(ids.length).toBe(first.total);
    expect(new Set(ids).size).toBe(ids.length);
    const beyond = (await getJson<Page>(`/api/documents?offset=${first.total + 5}`)).body;
    expect(beyond.documents).toEqual([]);
    expect(beyond.next).toBeNull();
    expectError(await get('/api/documents?limit=0'), 400, 'usage');
    expectError(await get('/api/documents?limit=many'), 400, 'usage');
    expectError(await get('/api/documents?offset=-1'), 400, 'usage');
  });

  it('gives one document as its analysis record with its text, every span pointing at its words', async () => {
    const { body } = await getJson<Record<string, unknown> & { text: string; length: number }>('/api/documents/gulf-wire-bartella.txt');
    expect(body.id).toBe('gulf-wire-bartella.txt');
    expect(body.length).toBe(body.text.length);
    for (const layer of ['sentences', 'times', 'places', 'quantities', 'events']) {
      const items = body[layer] as { start: number; end: number; text: string }[];
      expect(Array.isArray(items)).toBe(true);
      expectSpansMatch(body.text, items);
    }
    expect((body.places as unknown[]).length).toBeGreaterThan(0);
    expectError(await get('/api/documents/no-such-doc'), 404, 'not_found');
    expectError(await get('/api/documents/no-such-doc.html'), 404, 'not_found');
  });

  it('finds an id ending in .html as it is first; its page is at ID.html', async () => {
    const json = await getJson<{ id: string }>('/api/documents/northern-monitor-bartella.html');
    expect(json.body.id).toBe('northern-monitor-bartella.html');
    const page = await get('/api/documents/northern-monitor-bartella.html.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('shows the text with every extracted span highlighted and anchored as s-START-END', async () => {
    const rec = (await getJson<Record<string, { start: number; end: number; text: string }[]> & { text: string }>('/api/documents/gulf-wire-bartella.txt')).body;
    const page = await get('/api/documents/gulf-wire-bartella.txt.html');
    const { document } = parseHTML(page.text);
    const textEl = document.querySelector('.text')!;
    expect(textEl.textContent).toBe(rec.text);
    for (const layer of ['times', 'places', 'quantities', 'events', 'sentences']) {
      for (const it of rec[layer]!) {
        const el = document.getElementById(`s-${it.start}-${it.end}`);
        expect(el, `${layer} ${it.start}-${it.end}`).not.toBeNull();
        expect(el!.getAttribute('class')).toContain(layer);
      }
    }
    // Places nest inside their sentences: the anchor holds exactly the place's words.
    for (const p of rec.places!) expect(document.getElementById(`s-${p.start}-${p.end}`)!.textContent).toBe(p.text);
    // The list under the text links to the anchors.
    expect(document.querySelector(`a[href="#s-${rec.places![0]!.start}-${rec.places![0]!.end}"]`)).not.toBeNull();
    const csp = page.headers.get('content-security-policy')!;
    const nonce = document.querySelector('style')!.getAttribute('nonce');
    expect(csp).toContain(`style-src 'nonce-${nonce}'`);
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).not.toMatch(/script-src|unsafe/);
    // A fresh nonce for every response.
    const again = parseHTML((await get('/api/documents/gulf-wire-bartella.txt.html')).text).document;
    expect(again.querySelector('style')!.getAttribute('nonce')).not.toBe(nonce);
  });

  it('marks and anchors ranges given with ?hl=, and refuses ranges outside the text', async () => {
    const page = await get('/api/documents/gulf-wire-bartella.txt.html?hl=20-30,40-45');
    const { document } = parseHTML(page.text);
    expect(document.getElementById('s-20-30')!.getAttribute('class')).toContain('extra');
    expect(document.getElementById('s-40-45')).not.toBeNull();
    expectError(await get('/api/documents/gulf-wire-bartella.txt.html?hl=30-20'), 400, 'usage');
    expectError(await get('/api/documents/gulf-wire-bartella.txt.html?hl=0-999999'), 400, 'usage');
    expectError(await get('/api/documents/gulf-wire-bartella.txt.html?hl=x'), 400, 'usage');
  });

  it('escapes a hostile document everywhere on its page and links no javascript: URL', async () => {
    const page = await get('/api/documents/hostile-1.html');
    expect(page.status).toBe(200);
    const { document } = parseHTML(page.text);
    expect(document.querySelectorAll('script, iframe, img, svg, b').length).toBe(0);
    expect(document.querySelector('.text')!.textContent).toBe(HOSTILE.text);
    expect(document.querySelector('h1')!.textContent).toBe(HOSTILE.title);
    expect(page.text).toContain('&lt;/script&gt;&lt;script&gt;alert(');
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
    }
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => /javascript:/i.test(h ?? ''))).toEqual([]);
    expect(page.text).toContain('javascript:alert(4)'); // shown as text
  });
});

describe('search and stats', () => {
  it('searches the store and links each hit to its document', async () => {
    const { body } = await getJson<{ query: string; hits: { id: string; snippet: string; links: { html: string } }[] }>('/api/search?q=Bartella&limit=3');
    expect(body.query).toBe('Bartella');
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(3);
    for (const h of body.hits) {
      expect(h.snippet).toMatch(/«Bartella»/i);
      expect(h.links.html).toBe(`/api/documents/${encodeURIComponent(h.id)}.html`);
    }
    expect((await getJson<{ hits: unknown[] }>('/api/search?q=%22unbalanced%20AND%20(')).body.hits).toBeDefined();
    expectError(await get('/api/search'), 400, 'usage');
    expectError(await get('/api/search?q=%20%20'), 400, 'usage');
    expectError(await get('/api/search?q=x&limit=100000'), 400, 'usage');
  });

  it('counts what the store holds', async () => {
    const { body } = await getJson<Record<string, unknown>>('/api/stats');
    expect(Object.keys(body)).toEqual(['documents', 'outlets', 'sentences', 'boilerplate', 'times', 'places', 'quantities', 'events', 'store', 'schema']);
    expect(body.store).toBe('sqlite');
  });
});

describe('errors and guards', () => {
  it('uses the CLI error shape exactly', () => {
    expect(errorJson('not_found', 'no such\n  page')).toBe(jsonError('not_found', 'no such\n  page'));
  });

  it('answers an unknown page with 404 and a wrong method with 405 and Allow', async () => {
    expectError(await get('/api/nope'), 404, 'not_found');
    expectError(await get('/nope'), 404, 'not_found');
    const del = await fetch(base + '/api/stats', { method: 'DELETE' });
    expectError({ status: del.status, text: await del.text() }, 405, 'method_not_allowed');
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    const put = await fetch(base + '/api/documents', { method: 'PUT', body: '{}' });
    expectError({ status: put.status, text: await put.text() }, 405, 'method_not_allowed');
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('refuses a Host it is not bound to (DNS rebinding) and a POST from another origin', async () => {
    expectError(await raw('GET', '/api/stats', { Host: 'attacker.example:8080' }), 403, 'forbidden');
    expect((await raw('GET', '/api/stats', { Host: `localhost:${srv.port}` })).status).toBe(200);
    expectError(await post('/api/documents', '{"text": "x"}', 'application/json', { Origin: 'https://attacker.example' }), 403, 'forbidden');
    expectError(await post('/api/documents', '{"text": "x"}', 'application/json', { Origin: 'null' }), 403, 'forbidden');
  });
});

describe('a read-only server', () => {
  it('refuses POST with 405 and does not list it', async () => {
    const ro = await startServer(store, '127.0.0.1', 0, { readOnly: true });
    try {
      const res = await fetch(ro.url + '/api/documents', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"text": "Shelling in Mosul."}' });
      const body = expectError({ status: res.status, text: await res.text() }, 405, 'method_not_allowed');
      expect(body.error.message).toMatch(/read-only/);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      const index = (await (await fetch(ro.url + '/api')).json()) as { routes: { path: string; methods: string[] }[] };
      expect(index.routes.find((r) => r.path === '/api/documents')!.methods).toEqual(['GET', 'HEAD']);
    } finally {
      await ro.close();
    }
  });
});

describe('a failing store', () => {
  it('answers 500 in the error shape, tells the operator, and keeps serving', async () => {
    const broken = { kind: 'sqlite', stats: async () => { throw new Error('disk I/O error'); } } as unknown as Store;
    const seen: unknown[] = [];
    const s = await startServer(broken, '127.0.0.1', 0, {}, (e) => seen.push(e));
    try {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(s.url + '/api/stats');
        const body = expectError({ status: res.status, text: await res.text() }, 500, 'internal');
        expect(body.error.message).toBe('internal error: disk I/O error');
      }
      expect(seen.length).toBe(2);
    } finally {
      await s.close();
    }
  });
});

describe('POST /api/documents', () => {
  const lines = [
    { id: 'post-1', published: '2016-11-10', source: 'Harbour Post', text: 'Fighters shelled the village of Bashiqa on Thursday, wounding two farmers, a local official said.' },
    { id: 'post-2', published: '2016-11-10', source: 'Harbour Post', text: 'About 300 families left Hammam al-Alil on Thursday, an aid group said.' },
  ];
  const jsonl = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

  it('analyses and stores JSON Lines; posting them again stores nothing new; reports pick them up', async () => {
    const before = (await getJson<{ total: number }>('/api/documents?limit=1')).body.total;
    const r = await post('/api/documents', jsonl, 'application/x-ndjson');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ new: 2, existing: 0, failed: [], warnings: [] });
    expect(r.body.documents).toEqual([
      { where: 'request:1', id: 'post-1', status: 'new' },
      { where: 'request:2', id: 'post-2', status: 'new' },
    ]);
    const again = await post('/api/documents', jsonl, 'application/x-ndjson');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ new: 0, existing: 2, failed: [] });
    expect((await getJson<{ total: number }>('/api/documents?limit=1')).body.total).toBe(before + 2);
    const report = (await getJson<{ documents: { id: string }[] }>('/api/report')).body;
    expect(report.documents.map((d) => d.id)).toEqual(expect.arrayContaining(['post-1', 'post-2']));
    const rec = (await getJson<{ text: string; source: string }>('/api/documents/post-1')).body;
    expect(rec.text).toBe(lines[0]!.text);
    expect(rec.source).toBe('Harbour Post');
  });

  it('stores the good lines of a batch and reports each broken one', async () => {
    const body = JSON.stringify({ id: 'post-3', text: 'Police detained five protesters in Erbil on Friday.' }) + '\n{"id": "post-4", "text": \n' + JSON.stringify({ id: 'post-5' }) + '\n';
    const r = await post('/api/documents', body, 'application/x-ndjson');
    expect(r.status).toBe(201);
    expect(r.body.new).toBe(1);
    expect(r.body.failed).toEqual([
      { where: 'request:2', message: expect.stringMatching(/^invalid JSON/) },
      { where: 'request:3 (id post-5)', message: 'no "text" field (a string is required)' },
    ]);
  });

  it('takes one JSON document, and a page or a text with its metadata in the query', async () => {
    const one = await post('/api/documents', JSON.stringify({ id: 'post-6', text: 'A car bomb exploded near a checkpoint in Tikrit on Saturday.' }), 'application/json');
    expect(one.status).toBe(201);
    expect(one.body.documents[0].id).toBe('post-6');
    const html = '<html><head><title>Curfew in Samarra</title></head><body><article><h1>Curfew in Samarra</h1><p>Authorities declared a curfew in Samarra on Sunday after clashes between two armed groups left three dead.</p></article></body></html>';
    const page = await post('/api/documents?id=post-7&published=2016-11-13&source=River%20News&url=https%3A%2F%2Friver.example%2Fcurfew', html, 'text/html; charset=utf-8');
    expect(page.status).toBe(201);
    const rec = (await getJson<Record<string, unknown>>('/api/documents/post-7')).body;
    expect(rec).toMatchObject({ id: 'post-7', published: '2016-11-13', publishedFrom: 'input', source: 'River News', url: 'https://river.example/curfew', format: 'html' });
    expect(rec.text).toContain('Authorities declared a curfew in Samarra');
    expect(rec.text).not.toContain('<p>');
    const text = await post('/api/documents?source=Desk%20Notes', 'Two mortar rounds hit a school in Tal Afar on Monday.', 'text/plain');
    expect(text.status).toBe(201);
    expect(text.body.documents[0].id).toMatch(/^posted-[0-9a-f]{12}$/);
    // Ids hold slashes, spaces, "#" and any script: the whole percent-encoded path remainder is the id.
    const odd = 'desk/2016 #1 «Мосул»';
    expect((await post('/api/documents', JSON.stringify({ id: odd, text: 'Snipers fired on a convoy near Bartella on Sunday, a driver said.' }), 'application/json')).status).toBe(201);
    expect((await getJson<{ id: string }>(`/api/documents/${encodeURIComponent(odd)}`)).body.id).toBe(odd);
    expect((await get(`/api/documents/${encodeURIComponent(odd)}.html`)).status).toBe(200);
    expectError(await get('/api/documents/%E0%A4%A'), 400, 'usage');
    expectError(await post('/api/documents?published=someday', 'text', 'text/plain'), 400, 'usage');
    expectError(await post('/api/documents?id=x', '{"text": "y"}', 'application/json'), 400, 'usage');
  });

  it('refuses an empty body, an unknown type, a body over the limit, and a batch with nothing to store', async () => {
    expectError(await post('/api/documents', '', 'application/x-ndjson'), 400, 'usage');
    expectError(await post('/api/documents', 'x', 'image/png'), 415, 'unsupported_media_type');
    // fetch gives a string body a text/plain type; bytes go without one.
    expectError(await post('/api/documents', Buffer.from('x'), null), 415, 'unsupported_media_type');
    const big = JSON.stringify({ text: 'Shelling continued overnight. '.repeat(1000) });
    const tooBig = await post('/api/documents', big, 'application/json');
    expectError({ status: tooBig.status, text: tooBig.text }, 413, 'too_large');
    const none = await post('/api/documents', '{"id": 1}\n{"text": ""}\n', 'application/x-ndjson');
    const body = expectError({ status: none.status, text: none.text }, 422, 'nothing_processed');
    expect(body.failed.map((f: { where: string }) => f.where)).toEqual(['request:1 (id 1)', 'request:2']);
    // Without a declared length, the body is cut off as soon as it passes the limit.
    const streamed = await raw('POST', '/api/documents', { 'Content-Type': 'application/x-ndjson', 'Transfer-Encoding': 'chunked' }, [big.slice(0, 15_000), big.slice(15_000)]);
    expectError(streamed, 413, 'too_large');
    // The server still answers after refusing a body.
    expect((await get('/api/stats')).status).toBe(200);
  });
});
