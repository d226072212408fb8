/**
 * The durable queue of documents waiting for `sitrep worker` processes (PostgreSQL only; migration
 * 022_queue.sql). `sitrep ingest` (and whatever else enqueues) puts documents in; each worker takes the
 * oldest one nobody holds (`FOR UPDATE SKIP LOCKED`, so workers never wait for each other here) for a
 * lease, analyses it outside any transaction, and stores it with its part of the picture in the same
 * transaction that deletes its queue row (PostgresStore.putQueued). So:
 * - a worker killed at any point loses nothing: before the commit the row is still there, and once its
 *   lease has run out another worker takes it; after the commit nothing is left to do;
 * - nothing is stored twice: a document redone after a lease ran out, or queued twice, is found by its
 *   content hash (documents.hash is UNIQUE);
 * - a document that fails `maxAttempts` times (an analysis that crashes, or one that kills its worker
 *   every time) is set aside as 'failed' with the reason, instead of being retried forever.
 */
import os from 'node:os';
import type { Doc, DocMeta } from '../core/document.js';
import { contentHash, outletOf } from './hash.js';
import type { PostgresStore } from './postgres.js';
import type { Store } from './types.js';

/** What a queue row holds: the document as read (its text and metadata), to be analysed by a worker. */
export interface QueuedDoc {
  text: string;
  meta: DocMeta;
}

export interface TakenDoc extends QueuedDoc {
  qid: string;
  attempts: number;
}

export interface QueueCounts {
  queued: number;
  leased: number;
  failed: number;
  workers: number;
}

/** Workers seen within this many seconds count as alive. */
export const WORKER_ALIVE_SECONDS = 30;

export const DEFAULT_LEASE_SECONDS = 120;
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Queue documents (those already stored or already queued are skipped). Returns how many were queued. */
export async function enqueue(store: PostgresStore, docs: readonly Doc[]): Promise<{ queued: number; existing: number }> {
  let queued = 0;
  let existing = 0;
  for (const d of docs) {
    const hash = contentHash(d.text, outletOf(d.meta.source, d.meta.url));
    const r = await store.pool.query(
      `INSERT INTO doc_queue (hash, doc) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM documents WHERE hash = $1)
       ON CONFLICT (hash) DO NOTHING`,
      [hash, JSON.stringify({ text: d.text, meta: d.meta })],
    );
    if (r.rowCount) queued++;
    else existing++;
  }
  return { queued, existing };
}

/** Where a document goes instead of being analysed here: 'queued', or 'existing' when already stored or queued. */
export type Enqueue = (doc: Doc) => Promise<'queued' | 'existing'>;

/**
 * Whether documents given to this process (\`sitrep ingest\`, \`watch\`, \`POST /api/documents\`) go to the queue:
 * on PostgreSQL while \`sitrep worker\` processes are running (or always with \`force\`, ingest --queue), the
 * workers analyse them; anywhere else they are analysed where they arrive. Null: analyse here.
 */
export async function queueFor(store: Store, force = false): Promise<Enqueue | null> {
  if (store.kind !== 'postgres') return null;
  const pgStore = store as PostgresStore;
  if (!force && (await queueCounts(pgStore)).workers === 0) return null;
  return async (doc) => ((await enqueue(pgStore, [doc])).queued ? 'queued' : 'existing');
}

/**
 * Take the oldest document that is waiting, or whose lease has run out, for `leaseSeconds`. Rows that have
 * been taken `maxAttempts` times already (their workers died on them) are marked failed on the way.
 */
export async function take(store: PostgresStore, worker: string, leaseSeconds: number, maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<TakenDoc | null> {
  const client = await store.pool.connect();
  try {
    for (;;) {
      await client.query('BEGIN');
      const r = await client.query(
        `SELECT qid, doc, attempts FROM doc_queue
         WHERE state = 'queued' AND (lease_until IS NULL OR lease_until < now())
         ORDER BY qid FOR UPDATE SKIP LOCKED LIMIT 1`,
      );
      if (!r.rowCount) {
        await client.query('COMMIT');
        return null;
      }
      const row = r.rows[0] as { qid: string; doc: QueuedDoc | string; attempts: number };
      if (row.attempts >= maxAttempts) {
        await client.query(`UPDATE doc_queue SET state = 'failed', lease_until = NULL, error = coalesce(error, $2) WHERE qid = $1`, [
          row.qid,
          `taken ${row.attempts} times without being stored (its worker stopped each time)`,
        ]);
        await client.query('COMMIT');
        continue;
      }
      await client.query(`UPDATE doc_queue SET lease_until = now() + make_interval(secs => $2), attempts = attempts + 1, worker = $3 WHERE qid = $1`, [
        row.qid,
        leaseSeconds,
        worker,
      ]);
      await client.query('COMMIT');
      const doc = typeof row.doc === 'string' ? (JSON.parse(row.doc) as QueuedDoc) : row.doc;
      return { qid: String(row.qid), attempts: row.attempts + 1, text: doc.text, meta: doc.meta };
    }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** A document that cannot be analysed or stored: retried until `maxAttempts`, then set aside with the reason. */
export async function failed(store: PostgresStore, qid: string, message: string, maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<void> {
  await store.pool.query(
    `UPDATE doc_queue SET lease_until = NULL, error = $2, state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END WHERE qid = $1`,
    [qid, message, maxAttempts],
  );
}

/** Say a worker is alive (and how many documents it has done). */
export async function heartbeat(store: PostgresStore, worker: string, done: number): Promise<void> {
  await store.pool.query(
    `INSERT INTO queue_workers (name, host, pid, done) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET seen = now(), done = excluded.done`,
    [worker, os.hostname(), process.pid, done],
  );
}

export async function leave(store: PostgresStore, worker: string): Promise<void> {
  await store.pool.query('DELETE FROM queue_workers WHERE name = $1', [worker]);
}

export async function queueCounts(store: PostgresStore): Promise<QueueCounts> {
  const r = await store.pool.query(
    `SELECT
       (SELECT count(*) FROM doc_queue WHERE state = 'queued' AND (lease_until IS NULL OR lease_until < now())) AS queued,
       (SELECT count(*) FROM doc_queue WHERE state = 'queued' AND lease_until >= now()) AS leased,
       (SELECT count(*) FROM doc_queue WHERE state = 'failed') AS failed,
       (SELECT count(*) FROM queue_workers WHERE seen > now() - make_interval(secs => $1)) AS workers`,
    [WORKER_ALIVE_SECONDS],
  );
  const x = r.rows[0] as Record<string, string>;
  return { queued: Number(x.queued), leased: Number(x.leased), failed: Number(x.failed), workers: Number(x.workers) };
}

/** A name for this worker process, unique across machines. */
export function workerName(): string {
  return `${os.hostname()}:${process.pid}:${Date.now().toString(36)}`;
}
