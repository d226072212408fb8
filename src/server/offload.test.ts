import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskData } from '../desk/open.js';
import { openStore } from '../store/open.js';
import { riverReport } from '../store/fixtures.test-support.js';
import { STOP_WORDS } from '../store/query.js';
import type { Store } from '../store/types.js';
import { workerScript } from '../workers/pool.js';
import { startServer, type RunningServer } from './app.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-offload-'));
let store: Store;
beforeAll(async () => {
  store = await openStore(path.join(tmp, 'store.db'));
  const f = riverReport();
  // A long document: 400,000 characters of the fixture's text.
  const long = (f.text + '\n').repeat(Math.ceil(400_000 / (f.text.length + 1)));
  await store.putAnalysis({ ...f.record, id: 'river-long', length: long.length }, long);
});
afterAll(async () => {
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('searches and reports run off the event loop, under time limits', () => {
  let stalled: RunningServer;
  beforeAll(async () => {
    // Its workers never finish: every search and report runs into its limit.
    const stall = workerScript(new URL('../test-support/x.ts', import.meta.url).href, 'stall-worker');
    stalled = await startServer(store, '127.0.0.1', 0, { offloadWorker: stall, timeLimits: { searchMs: 1500, reportMs: 1500, analysisMs: 60_000 } });
  });
  afterAll(() => stalled?.close());

  it('answers a search over its limit 503 with Retry-After, and serves other requests meanwhile', async () => {
    const order: string[] = [];
    const search = fetch(`${stalled.url}/api/search?q=clashes`).then(async (r) => {
      order.push('search');
      return { status: r.status, retry: r.headers.get('retry-after'), body: (await r.json()) as { error: { code: string } } };
    });
    // Asked after the search: answered while the search is still running in its worker.
    const stats = await fetch(`${stalled.url}/api/stats`);
    order.push('stats');
    expect(stats.status).toBe(200);
    const s = await search;
    expect(order).toEqual(['stats', 'search']);
    expect(s.status).toBe(503);
    expect(Number(s.retry)).toBeGreaterThan(0);
    expect(s.body.error.code).toBe('busy');
  });

  it('answers a posted document whose analysis runs over its limit 503, and stores nothing', async () => {
    // One millisecond, counted from when the worker has loaded its models: no analysis is that quick.
    const quick = await startServer(store, '127.0.0.1', 0, { timeLimits: { searchMs: 10_000, reportMs: 10_000, analysisMs: 1 } });
    try {
      const token = (await deskData(store).addAccount('poster', 'editor')).token;
      const before = (await store.stats()).documents;
      const text = 'Fighters shelled the northern districts of an invented town on Monday, killing four people, officials said. '.repeat(20);
      const r = await fetch(`${quick.url}/api/documents?id=slow-1`, { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` } });
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBeTruthy();
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('busy');
      expect((await store.stats()).documents).toBe(before);
    } finally {
      await quick.close();
    }
  });

  it('answers a report over its limit 503 too', async () => {
    const r = await fetch(`${stalled.url}/api/report`);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBeTruthy();
  });
});

describe('the real workers', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer(store, '127.0.0.1', 0);
  });
  afterAll(() => srv?.close());

  it('search a 400,000-character document with many prefixes and give snippets', async () => {
    // Forty distinct prefixes (the most a query may have), most of them in nearly every line.
    const words = riverReport().text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
    const prefixes = [...new Set([...words.map((w) => w.slice(0, 3)), ...words.map((w) => w.slice(0, 2))])].filter((p) => !STOP_WORDS.has(p)).slice(0, 40);
    expect(prefixes).toHaveLength(40);
    const q = prefixes.map((p) => `${p}*`).join(' or ');
    const r = await fetch(`${srv.url}/api/search?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { hits: { id: string; snippet: string }[] };
    expect(body.hits.map((h) => h.id).sort()).toEqual(['river-long']);
    expect(body.hits[0]!.snippet).toMatch(/«/);
  });

  it('refuses a query over the term limits with 400', async () => {
    const q = Array.from({ length: 41 }, (_, i) => `w${i}*`).join(' ');
    const r = await fetch(`${srv.url}/api/search?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(400);
  });

  it('build the report in a worker', async () => {
    const r = await fetch(`${srv.url}/api/report`);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { schema: string }).schema).toMatch(/^sitrep-report/);
  });
});
