/**
 * The desk's reads in worker threads. better-sqlite3 is synchronous: on the server's own connection every
 * count and page blocks the event loop, and one core serves every client. With a read pool, the event
 * table's read queries (src/desk/event-table.ts: counts, pages, points, facets, timelines) run on read-only
 * connections of their own in worker threads (./read-worker.ts), so that reads use every core and the loop
 * goes on answering meanwhile. Writes — bringing the rows up to date, reviews — stay on the store's own
 * connection; a worker sees what was committed before its query began (SQLite's WAL).
 */
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { WorkerPool, workerScript } from '../workers/pool.js';
import { deskDb, type Row } from './event-db.js';

export interface ReadTask {
  sql: string;
  params: unknown[];
}

export interface ReadPool {
  read(sql: string, params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** A pool of `size` reading workers over a SQLite file. */
export function readPool(file: string, size: number): ReadPool {
  const pool = new WorkerPool<ReadTask, Row[]>({ script: workerScript(import.meta.url, 'read-worker'), size, options: { db: file } });
  return {
    read: (sql, params) => pool.run({ sql, params }),
    close: () => pool.close(),
  };
}

/**
 * Let the desk read this store in `size` worker threads (a SQLite file only: an in-memory database cannot be
 * opened by another thread, and PostgreSQL's queries do not block the loop). Returns what stops them.
 */
export function readInWorkers(store: Store, size: number): () => Promise<void> {
  if (size < 1 || !(store instanceof SqliteStore) || store.path === ':memory:' || store.path === '') return async () => {};
  const pool = readPool(store.path, size);
  const db = deskDb(store);
  db.useReader(pool);
  return async () => {
    db.useReader(null);
    await pool.close();
  };
}
