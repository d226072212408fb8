/**
 * The desk's reads in worker threads (src/desk/read-pool.ts, `serve --read-workers N`): a server reading in
 * workers answers every event route as one reading on its own connection, and a review shows in the next
 * read at once (the workers' connections see what the server's own committed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskData } from '../desk/open.js';
import { readPath, type InputItem } from '../ingest/read.js';
import type { ReportEvent } from '../report/model.js';
import { ingest } from '../store/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { startServer, type RunningServer } from './app.js';

const ROOT = path.resolve(__dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-read-pool-'));
const file = path.join(tmp, 'desk.db');
let token = '';
const stores: Store[] = [];
const servers: RunningServer[] = [];
let plain: RunningServer;
let pooled: RunningServer;

beforeAll(async () => {
  const store = await openStore(file);
  const items: InputItem[] = [];
  for await (const it of readPath(path.join(ROOT, 'testdata/desk/crises.jsonl'))) items.push(it);
  await ingest(
    store,
    (async function* () {
      yield* items;
    })(),
  );
  token = (await deskData(store).addAccount('amira', 'editor')).token;
  await store.close();
  // Two store objects on the one file: one server reads on its connection, the other in two workers.
  for (const readWorkers of [0, 2]) {
    const s = await openStore(file);
    stores.push(s);
    servers.push(await startServer(s, '127.0.0.1', 0, { readWorkers }));
  }
  [plain, pooled] = servers as [RunningServer, RunningServer];
}, 240_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  for (const s of stores) await s.close();
  rmSync(tmp, { recursive: true, force: true });
});

const body = async (srv: RunningServer, p: string) => {
  const r = await fetch(srv.url + p);
  expect(r.status, p).toBe(200);
  return r.text();
};

describe('the desk read in worker threads', () => {
  it('answers every event route as the server reading on its own connection', async () => {
    const routes = [
      '/api/events?limit=1000',
      '/api/events?sort=-date&limit=5',
      '/api/events?sort=-deaths&limit=3&offset=2',
      '/api/events?sort=-outlets&limit=4',
      '/api/events?country=SD,UA&sort=deaths',
      '/api/events?type=Battles&q=killed',
      '/api/events?actor=forces&country=IQ',
      '/api/events?since=2024-01-01&until=2024-06-30&sort=-date',
      '/api/events/points',
      '/api/events/points?type=Protests',
      '/api/events/timeline?bucket=year',
      '/api/facets',
      '/api/facets?country=IQ',
    ];
    for (const r of routes) expect(await body(pooled, r), r).toBe(await body(plain, r));
    // Many at once: the workers take turns, every answer the same.
    const many = await Promise.all(Array.from({ length: 30 }, (_, i) => body(pooled, routes[i % routes.length]!)));
    for (const [i, b] of many.entries()) expect(b).toBe(await body(plain, routes[i % routes.length]!));
  });

  it('shows a review in the next read', async () => {
    const events = (JSON.parse(await body(pooled, '/api/events?limit=1000')) as { events: ReportEvent[] }).events;
    const target = events[0]!;
    const r = await fetch(`${pooled.url}/api/events/${encodeURIComponent(target.id)}/review`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'reject', why: 'not an event' }),
    });
    expect(r.status).toBe(201);
    const after = JSON.parse(await body(pooled, '/api/events?limit=1000')) as { total: number; totalExact: boolean; events: ReportEvent[] };
    expect(after.events.map((e) => e.id)).not.toContain(target.id);
    expect(after.total).toBe(events.length - 1);
    expect(after.totalExact).toBe(true);
    const rejected = JSON.parse(await body(pooled, '/api/events?review=rejected')) as { events: ReportEvent[] };
    expect(rejected.events.map((e) => e.id)).toEqual([target.id]);
  });
});
