/**
 * The worker side of a WorkerPool (./pool.ts): set up once (load models), report ready, then answer
 * tasks one at a time. A task that throws is answered with its message; the worker goes on.
 */
import { getPriority, setPriority } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { WorkerInfo, WorkerReply, WorkerRequest } from './protocol.js';

function info(loadMs: number): WorkerInfo {
  const h = getHeapStatistics();
  const m = process.memoryUsage();
  return { threadId, loadMs, heapUsed: h.used_heap_size, heapTotal: h.total_heap_size, external: m.external, rss: m.rss };
}

/** Raise this thread's nice value by `by` (Linux: this thread only, not the process). */
function lowerPriority(by: number): void {
  try {
    setPriority(Math.min(19, getPriority() + by));
  } catch {
    // Not permitted or not supported here: run at the process's priority.
  }
}

/**
 * Serve tasks in this worker thread. `setup` gets the pool's `options` and returns the task handler;
 * what it loads is loaded once for the life of the worker.
 */
export function serveTasks<Options, Task, Result>(setup: (options: Options) => (task: Task) => Result | Promise<Result>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const data = workerData as { options: Options; niceness?: number };
  if (data.niceness) lowerPriority(data.niceness);
  const t0 = performance.now();
  const handle = setup(data.options);
  const loadMs = performance.now() - t0;
  const reply = (m: WorkerReply) => port.postMessage(m);
  reply({ kind: 'ready', info: info(loadMs) });
  port.on('message', (m: WorkerRequest) => {
    if (m.kind === 'memory') {
      reply({ kind: 'memory', info: info(loadMs) });
      return;
    }
    const failed = (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      reply({ kind: 'result', id: m.id, ok: false, error: { message: err.message, ...(err.stack ? { stack: err.stack } : {}) } });
    };
    try {
      const value = handle(m.task as Task);
      // A handler may answer later (a store query): the pool still sends one task at a time.
      if (value instanceof Promise) value.then((v: unknown) => reply({ kind: 'result', id: m.id, ok: true, value: v }), failed);
      else reply({ kind: 'result', id: m.id, ok: true, value });
    } catch (e) {
      failed(e);
    }
  });
}
