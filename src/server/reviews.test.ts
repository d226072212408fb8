/**
 * Reviews through the API, kept as overrides: they show in the event, the list, the report (JSON and
 * Markdown), the exports and the audit log, and they survive rebuilding the picture: `rebuildPicture`
 * (`sitrep rebuild`) on the store reviewed, and the same documents ingested again, in another order, into a
 * new store that keeps the desk's tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFor } from '../cli/commands/report.js';
import { deskData } from '../desk/open.js';
import { parseCsv } from '../export/csv.js';
import { readPath, type InputItem } from '../ingest/read.js';
import { renderMarkdown } from '../report/markdown.js';
import type { ReportEvent } from '../report/model.js';
import { ingest } from '../store/ingest.js';
import { openStore } from '../store/open.js';
import { startServer } from './app.js';

const ROOT = path.resolve(__dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-reviews-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function items(): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const it of readPath(path.join(ROOT, 'testdata/desk/crises.jsonl'))) out.push(it);
  return out;
}

async function build(file: string, order: 'forward' | 'reverse'): Promise<void> {
  const store = await openStore(file);
  const list = await items();
  async function* gen() {
    yield* order === 'forward' ? list : [...list].reverse();
  }
  await ingest(store, gen());
  await store.close();
}

const first = path.join(tmp, 'first.db');
const rebuilt = path.join(tmp, 'rebuilt.db');
let token = '';
const ids: { corrected: string; rejected: string; split: string; child: string } = { corrected: '', rejected: '', split: '', child: '' };

beforeAll(async () => {
  await build(first, 'forward');
  const store = await openStore(first);
  token = (await deskData(store).addAccount('amira', 'editor')).token;
  const srv = await startServer(store, '127.0.0.1', 0);
  const h = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  try {
    const events = ((await (await fetch(`${srv.url}/api/events?limit=1000`)).json()) as { events: ReportEvent[] }).events;
    const fasher = events.find((e) => e.location?.name === 'El Fasher')!;
    const kharkiv = events.find((e) => e.location?.name === 'Kharkiv' && e.sources.length > 1)!;
    const sanaa = events.find((e) => e.location?.name === 'Sanaa')!;
    ids.corrected = fasher.id;
    ids.rejected = sanaa.id;
    ids.split = kharkiv.id;
    const post = (id: string, body: unknown) => fetch(`${srv.url}/api/events/${id}/review`, { method: 'POST', headers: h, body: JSON.stringify(body) });
    expect((await post(fasher.id, { action: 'correct', changes: { fatalities: { low: 14, best: 15, high: 16 } }, why: 'ministry figure' })).status).toBe(201);
    expect((await post(sanaa.id, { action: 'reject', why: 'a rally announced, not held' })).status).toBe(201);
    const s = kharkiv.sources[1]!;
    const split = await post(kharkiv.id, { action: 'split', sources: [{ documentId: s.documentId, start: s.start, end: s.end }], why: 'another strike' });
    expect(split.status).toBe(201);
    ids.child = ((await split.json()) as { related: ReportEvent }).related.id;
  } finally {
    await srv.close();
    await store.close();
  }
  // Rebuild: the same documents, ingested in the other order into a new store; the desk's tables go with it.
  await build(rebuilt, 'reverse');
  const db = new Database(rebuilt);
  db.exec(`ATTACH DATABASE '${first.replace(/'/g, "''")}' AS old`);
  for (const t of ['desk_accounts', 'desk_overrides', 'desk_audit']) db.exec(`INSERT INTO main.${t} SELECT * FROM old.${t}`);
  db.exec('DETACH DATABASE old');
  db.close();
  // And `sitrep rebuild` on the store reviewed: the picture derived again from its documents.
  const again = await openStore(first);
  try {
    await again.rebuildPicture();
  } finally {
    await again.close();
  }
}, 240_000);

describe('reviews survive rebuilding the picture', () => {
  for (const [name, file] of [['the store reviewed, after sitrep rebuild', first], ['a store built from the same documents in another order', rebuilt]] as const) {
    it(`shows every review in ${name}: API, report, Markdown, CSV, audit log`, async () => {
      const store = await openStore(file);
      const srv = await startServer(store, '127.0.0.1', 0);
      try {
        const get = async <T>(p: string) => (await (await fetch(srv.url + p)).json()) as T;
        const corrected = (await get<{ event: ReportEvent; history: { action: string; account: string; why: string }[] }>(`/api/events/${ids.corrected}`));
        expect(corrected.event.fatalities).toEqual({ low: 14, best: 15, high: 16 });
        expect(corrected.event.review).toMatchObject({ status: 'corrected', by: 'amira', why: 'ministry figure' });
        expect(corrected.history.map((x) => `${x.action} ${x.account} ${x.why}`)).toEqual(['review.correct amira ministry figure']);
        const list = (await get<{ events: ReportEvent[] }>('/api/events?limit=1000')).events.map((e) => e.id);
        expect(list).not.toContain(ids.rejected);
        expect(list).toEqual(expect.arrayContaining([ids.corrected, ids.split, ids.child]));
        expect((await get<{ events: ReportEvent[] }>('/api/events?review=rejected')).events.map((e) => e.id)).toEqual([ids.rejected]);
        const child = (await get<{ event: ReportEvent }>(`/api/events/${ids.child}`)).event;
        expect(child.review).toMatchObject({ status: 'split', splitFrom: ids.split });
        expect(child.sources).toHaveLength(1);
        const csv = parseCsv(await (await fetch(`${srv.url}/api/export.csv`)).text());
        const col = csv[0]!.indexOf('reviewed');
        expect(csv.filter((r) => r[col] !== '' && r !== csv[0]).map((r) => r[col]).sort()).toEqual(['corrected', 'split', 'split']);
        const audit = (await get<{ entries: { action: string }[] }>('/api/audit?account=amira')).entries.map((e) => e.action);
        expect(audit).toEqual(expect.arrayContaining(['review.correct', 'review.reject', 'review.split']));
      } finally {
        await srv.close();
        await store.close();
      }
      // The command line's report and export read the same reviews.
      const r = await reportFor({ db: file }, []);
      expect(r.events.find((e) => e.id === ids.corrected)!.fatalities.best).toBe(15);
      expect(r.events.some((e) => e.id === ids.rejected)).toBe(false);
      expect(renderMarkdown(r)).toContain('reviewed: corrected by amira');
    });
  }
});
