/**
 * The desk on PostgreSQL end to end: an editor's account, reviews of every kind through the API (correct,
 * reject, split, merge), seen in the list, the event page with its history, the JSON's review history, the
 * ACLED CSV's reviewed column and the audit log — and all of it again after `rebuildPicture` (`sitrep
 * rebuild`). In a schema of its own; skipped with a message without a server unless SITREP_TEST_PG=required.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deskData } from '../desk/open.js';
import { parseCsv } from '../export/csv.js';
import { readPath, type InputItem } from '../ingest/read.js';
import type { ReportEvent } from '../report/model.js';
import { ingest } from '../store/ingest.js';
import { openStore } from '../store/open.js';
import { dropSchemas, pgProblem, withPostgres, withSchema } from '../store/pg-harness.test-support.js';
import type { Store } from '../store/types.js';
import { startServer } from './app.js';

const ROOT = path.resolve(__dirname, '../..');
const schema = `sitrep_desk_reviews_${process.pid}_${Date.now().toString(36)}`;
let made = false;
afterAll(async () => {
  if (made) await dropSchemas([schema]);
});

async function items(): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const it of readPath(path.join(ROOT, 'testdata/desk/crises.jsonl'))) out.push(it);
  return out;
}

type Page = { event: ReportEvent; history: { action: string; account: string; why: string | null }[] };

async function served<T>(store: Store, fn: (get: <U>(p: string) => Promise<U>, url: string) => Promise<T>): Promise<T> {
  const srv = await startServer(store, '127.0.0.1', 0);
  try {
    return await fn(async <U>(p: string) => (await (await fetch(srv.url + p)).json()) as U, srv.url);
  } finally {
    await srv.close();
  }
}

withPostgres('the desk on PostgreSQL', await pgProblem(), () => {
  describe('the desk on PostgreSQL', () => {
    it('keeps accounts and reviews of every kind, shows them everywhere, and keeps them through a rebuild', async () => {
      made = true;
      const store = await openStore(withSchema(schema));
      try {
        await ingest(store, await items());
        const token = (await deskData(store).addAccount('amira', 'editor')).token;
        const ids = await served(store, async (get, url) => {
          const events = (await get<{ events: ReportEvent[] }>('/api/events?limit=1000')).events;
          const multi = events.find((e) => e.sources.length > 1)!;
          const [a, b, c] = events.filter((e) => e.id !== multi.id && e.location);
          const post = (id: string, body: unknown, auth = true) =>
            fetch(`${url}/api/events/${id}/review`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
          expect((await post(a!.id, { action: 'reject' }, false)).status).toBe(401);
          expect((await post(a!.id, { action: 'correct', changes: { fatalities: { low: 3, best: 4, high: 5 } }, why: 'hospital count' })).status).toBe(201);
          expect((await post(b!.id, { action: 'reject', why: 'not an event' })).status).toBe(201);
          const s = multi.sources[1]!;
          const split = await post(multi.id, { action: 'split', sources: [{ documentId: s.documentId, start: s.start, end: s.end }], why: 'another strike' });
          expect(split.status).toBe(201);
          const merge = await post(c!.id, { action: 'merge', into: a!.id, why: 'the same fight' });
          expect(merge.status).toBe(201);
          return { corrected: a!.id, rejected: b!.id, merged: c!.id, split: multi.id, child: ((await split.json()) as { related: ReportEvent }).related.id };
        });
        const check = async (label: string) =>
          served(store, async (get, url) => {
            const page = await get<Page>(`/api/events/${ids.corrected}`);
            expect(page.event.fatalities, label).toEqual({ low: 3, best: 4, high: 5 });
            // The kept event of a merge: confirmed, with the correction and the merge in its JSON history.
            expect(page.event.review?.history.map((h) => h.action), label).toEqual(['correct', 'merge']);
            expect(page.history.map((h) => `${h.action} ${h.account} ${h.why}`), label).toEqual(['review.merged-in amira the same fight', 'review.correct amira hospital count']);
            const list = (await get<{ events: ReportEvent[] }>('/api/events?limit=1000')).events.map((e) => e.id);
            expect(list, label).not.toContain(ids.rejected);
            expect(list, label).not.toContain(ids.merged);
            expect(list, label).toEqual(expect.arrayContaining([ids.corrected, ids.split, ids.child]));
            expect((await get<{ events: ReportEvent[] }>('/api/events?review=merged')).events.map((e) => e.id), label).toEqual([ids.merged]);
            expect((await get<Page>(`/api/events/${ids.child}`)).event.review, label).toMatchObject({ status: 'split', splitFrom: ids.split });
            const csv = parseCsv(await (await fetch(`${url}/api/export.csv`)).text());
            const col = csv[0]!.indexOf('reviewed');
            expect(csv.slice(1).filter((r) => r[col] !== '').map((r) => r[col]).sort(), label).toEqual(['confirmed', 'split', 'split']);
            const audit = (await get<{ entries: { action: string }[] }>('/api/audit?account=amira')).entries.map((e) => e.action);
            expect(audit, label).toEqual(expect.arrayContaining(['review.correct', 'review.reject', 'review.split', 'review.merge']));
          });
        await check('reviewed');
        await store.rebuildPicture();
        await check('after a rebuild');
      } finally {
        await store.close();
      }
    }, 240_000);
  });
});
