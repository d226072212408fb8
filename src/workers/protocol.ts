/** Messages between a WorkerPool (./pool.ts) and its workers (./serve.ts). */

/** What a worker reports about itself: at start-up, and when asked for its memory. */
export interface WorkerInfo {
  threadId: number;
  /** Time to load what the worker needs (models, tables), milliseconds (at start-up). */
  loadMs: number;
  /** This worker's V8 heap in use and its size, bytes (each worker has its own heap). */
  heapUsed: number;
  heapTotal: number;
  /** Memory outside the V8 heap held by this worker's objects (buffers, typed arrays), bytes. */
  external: number;
  /** The whole process's resident set, bytes (shared by all threads). */
  rss: number;
}

export type WorkerRequest = { kind: 'task'; id: number; task: unknown } | { kind: 'memory' };

export type WorkerReply =
  | { kind: 'ready'; info: WorkerInfo }
  | { kind: 'memory'; info: WorkerInfo }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: { message: string; stack?: string } };
