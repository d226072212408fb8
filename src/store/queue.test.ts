/**
 * The PostgreSQL queue and `sitrep worker`: documents queued, a worker killed with SIGKILL while it holds a
 * document, two more workers draining the rest at once. Nothing may be lost or stored twice, and the
 * picture they leave must be the one computed from scratch over the documents stored.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/corpus.js';
import { Doc } from '../core/document.js';
import { inputsFrom } from '../ingest/inputs.js';
import { DEFAULT_READ_OPTIONS } from '../ingest/read.js';
import { MemoryReader } from '../merge/memory-reader.js';
import { buildSituation } from '../merge/situation.js';
import { buildReport } from '../report/model.js';
import { freshSchemas, pgProblem, withPostgres } from './pg-harness.test-support.js';
import { openStore } from './open.js';
import type { PostgresStore } from './postgres.js';
import { enqueue, queueCounts, take } from './queue.js';

const root = path.resolve(import.meta.dirname, '../..');

function startWorker(db: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; exit: Promise<{ code: number | null; signal: string | null; err: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'worker', '--db', db, '--poll', '50', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  child.stdout!.resume();
  const exit = new Promise<{ code: number | null; signal: string | null; err: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, err })));
  return { child, exit };
}

async function docs(): Promise<Doc[]> {
  const out: Doc[] = [];
  for await (const it of inputsFrom({}, ['examples'], DEFAULT_READ_OPTIONS)) if (it.doc) out.push(it.doc);
  // One theatre over a few days, so that documents merge and workers meet around the same places.
  for (const a of generateCorpus({ articles: 14, seed: 31, spanDays: 3, theatres: 1, minWords: 150, maxWords: 300 })) {
    out.push(new Doc(a.text, { id: a.id, title: a.title, source: a.source, published: a.published, publishedFrom: a.published ? 'input' : null, format: 'jsonl', origin: a.id }));
  }
  return out;
}

const problem = await pgProblem();
withPostgres('Queue and workers: PostgreSQL', problem, () => {
  const { harness } = freshSchemas('queue');
  const open: PostgresStore[] = [];
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await harness.cleanup();
  });

  describe('sitrep worker', () => {
    it('loses and duplicates nothing when a worker is killed with SIGKILL mid-document, and two workers leave the picture computed from scratch', async () => {
      const db = await harness.fresh();
      const store = (await openStore(db)) as PostgresStore;
      open.push(store);
      const input = await docs();
      expect(await enqueue(store, input)).toEqual({ queued: input.length, existing: 0 });
      // Queued twice, waits once.
      expect(await enqueue(store, input.slice(0, 3))).toEqual({ queued: 0, existing: 3 });

      // A worker that holds each document a while before analysing it, killed while it holds one.
      const first = startWorker(db, ['--lease', '3'], { SITREP_WORKER_TEST_PAUSE_MS: '400' });
      const count = async () => Number((await store.pool.query('SELECT count(*) AS n FROM documents')).rows[0].n);
      const deadline = Date.now() + 180_000;
      while ((await count()) < 2 || (await queueCounts(store)).leased === 0) {
        if (Date.now() > deadline) throw new Error(`the first worker stored nothing: ${first.child.exitCode} ${await first.exit.then((x) => x.err)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      first.child.kill('SIGKILL');
      const killed = await first.exit;
      expect(killed.signal).toBe('SIGKILL');
      const held = (await store.pool.query(`SELECT doc FROM doc_queue WHERE lease_until IS NOT NULL`)).rows as { doc: { meta: { id: string } } }[];
      expect(held.length).toBe(1);
      const stored = await count();
      expect(stored).toBeGreaterThanOrEqual(2);
      expect(stored).toBeLessThan(input.length);

      // Two workers drain the rest at once; the held document comes back when its lease runs out.
      const a = startWorker(db, ['--drain']);
      const b = startWorker(db, ['--drain']);
      const [ra, rb] = await Promise.all([a.exit, b.exit]);
      expect(ra.code, ra.err).toBe(0);
      expect(rb.code, rb.err).toBe(0);

      expect(await queueCounts(store)).toMatchObject({ queued: 0, leased: 0, failed: 0 });
      expect((await store.pool.query('SELECT count(*) AS n FROM doc_queue')).rows[0].n).toBe('0');
      const rows = (await store.pool.query('SELECT id, hash FROM documents')).rows as { id: string; hash: string }[];
      expect(rows.length).toBe(input.length);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(input.length);
      expect(rows.map((r) => r.id)).toContain(held[0]!.doc.meta.id);

      // The picture the workers kept is the one computed from scratch over what is stored.
      const analyses = await store.analyses();
      const ref = new MemoryReader(buildSituation(analyses.map((x) => ({ record: x, text: x.text, outlet: x.outlet, textHash: x.textHash, hash: x.hash }))));
      const got = await buildReport(store.picture());
      expect(JSON.stringify(got)).toBe(JSON.stringify(await buildReport(ref)));
      expect(got.events.some((e) => new Set(e.sources.map((s) => s.documentId)).size > 1)).toBe(true);
    }, 400_000);

    it('sets aside a document whose workers keep dying on it, and queues nothing already stored', async () => {
      const db = await harness.fresh();
      const store = (await openStore(db)) as PostgresStore;
      open.push(store);
      const [d] = await docs();
      await enqueue(store, [d!]);
      // Three workers take it and vanish (their leases of one second run out).
      for (let i = 0; i < 3; i++) {
        expect(await take(store, `ghost-${i}`, 1, 3)).not.toBeNull();
        expect(await take(store, `other-${i}`, 1, 3)).toBeNull();
        await new Promise((r) => setTimeout(r, 1100));
      }
      expect(await take(store, 'last', 1, 3)).toBeNull();
      expect(await queueCounts(store)).toMatchObject({ queued: 0, failed: 1 });
      const [row] = (await store.pool.query('SELECT state, error FROM doc_queue')).rows as { state: string; error: string }[];
      expect(row!.error).toMatch(/taken 3 times/);

      const other = (await docs())[1]!;
      await store.putAnalysis({ ...(await import('../analyze/analyzer.js').then((m) => new m.InlineAnalyzer().record(other))) }, other.text);
      expect(await enqueue(store, [other])).toEqual({ queued: 0, existing: 1 });
    }, 120_000);
  });
});
