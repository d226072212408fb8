/**
 * On PostgreSQL with `sitrep worker` processes running, every way documents come in puts them in the
 * workers' queue instead of analysing them where they arrive: `sitrep watch` (the Watcher) and
 * `POST /api/documents`, as `sitrep ingest` does. Without live workers they are analysed and stored as
 * before. A worker announces itself with a heartbeat; here one is announced without a process, since what
 * is tested is where the documents go, not how workers drain them (queue.test.ts does that).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deskData } from '../desk/open.js';
import { startServer } from '../server/app.js';
import { DEFAULT_READ_OPTIONS } from '../ingest/read.js';
import { Watcher } from '../watch/watcher.js';
import { openStore } from './open.js';
import { freshSchemas, pgProblem, withPostgres } from './pg-harness.test-support.js';
import type { PostgresStore } from './postgres.js';
import { heartbeat, leave, queueCounts, queueFor } from './queue.js';

/** Short reports in our own words. */
const REPORT_A = 'Gunmen attacked a checkpoint outside Baiji on Tuesday, killing three soldiers, officials said.';
const REPORT_B = 'Shelling hit a market in the east of Aleppo on Friday; at least five people were wounded, medics said.';

const problem = await pgProblem();
withPostgres('Documents go to the workers’ queue: PostgreSQL', problem, () => {
  const { harness } = freshSchemas('qentry');
  const open: PostgresStore[] = [];
  const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-qentry-'));
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await harness.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function fresh(): Promise<PostgresStore> {
    const store = (await openStore(await harness.fresh())) as PostgresStore;
    open.push(store);
    return store;
  }

  const documents = async (store: PostgresStore) => Number((await store.pool.query('SELECT count(*) AS n FROM documents')).rows[0].n);

  it('analyses here while no worker runs, and queues while one does', async () => {
    const store = await fresh();
    expect(await queueFor(store)).toBeNull();
    await heartbeat(store, 'test-worker', 0);
    expect(await queueFor(store)).not.toBeNull();
    await leave(store, 'test-worker');
    expect(await queueFor(store)).toBeNull();
  });

  describe('sitrep watch', () => {
    it('puts new files in the queue while workers run, and stores them itself once they have stopped', async () => {
      const store = await fresh();
      const dir = path.join(tmp, 'watched');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'a.txt'), REPORT_A);
      const problems: string[] = [];
      const w = new Watcher({
        store,
        targets: [dir],
        read: DEFAULT_READ_OPTIONS,
        settleMs: 0,
        queue: () => queueFor(store),
        reporter: { problem: (where, m) => problems.push(`${where}: ${m}`), stored: () => {} },
      });
      await heartbeat(store, 'test-worker', 0);
      expect(await w.pass()).toEqual({ new: 0, existing: 0, failed: 0, queued: 1 });
      expect(problems).toEqual([]);
      expect(await documents(store)).toBe(0);
      expect((await queueCounts(store)).queued).toBe(1);
      const [row] = (await store.pool.query('SELECT doc FROM doc_queue')).rows as { doc: { text: string } }[];
      expect(row!.doc.text).toBe(REPORT_A);

      // The workers stop: a new file is analysed and stored by the watch itself.
      await leave(store, 'test-worker');
      writeFileSync(path.join(dir, 'b.txt'), REPORT_B);
      let c = await w.pass();
      // A file seen for the first time waits one more look (its size and time must hold still).
      if (c.new === 0) c = await w.pass();
      expect(c).toEqual({ new: 1, existing: 0, failed: 0, queued: 0 });
      expect(await documents(store)).toBe(1);
      expect((await queueCounts(store)).queued).toBe(1);
    });
  });

  describe('POST /api/documents', () => {
    it('answers 202 with the documents queued while workers run (the same one twice is queued once), 201 once they have stopped', async () => {
      const store = await fresh();
      const token = (await deskData(store).addAccount('desk-editor', 'editor')).token;
      const srv = await startServer(store, '127.0.0.1', 0, {});
      try {
        const post = async (text: string) => {
          const res = await fetch(`${srv.url}/api/documents?id=posted-report`, { method: 'POST', body: text, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' } });
          return { status: res.status, body: (await res.json()) as Record<string, unknown> };
        };
        await heartbeat(store, 'test-worker', 0);
        const a = await post(REPORT_A);
        expect(a.status).toBe(202);
        expect(a.body).toMatchObject({ new: 0, existing: 0, queued: 1, failed: [] });
        expect(a.body.documents).toEqual([{ where: expect.any(String), id: 'posted-report', status: 'queued' }]);
        const again = await post(REPORT_A);
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ new: 0, existing: 1, queued: 0 });
        expect(await documents(store)).toBe(0);
        expect((await queueCounts(store)).queued).toBe(1);

        await leave(store, 'test-worker');
        const b = await post(REPORT_B);
        expect(b.status).toBe(201);
        expect(b.body).toMatchObject({ new: 1, existing: 0, queued: 0 });
        expect(await documents(store)).toBe(1);
      } finally {
        await srv.close();
      }
    });
  });
});
