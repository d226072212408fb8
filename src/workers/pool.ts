/**
 * A pool of worker threads that run one kind of task: CPU-heavy work (analysis, and whatever else a
 * command or the server wants off its event loop) spread over the cores, each worker loading its models
 * once. Generic: the worker script decides what a task is (src/workers/serve.ts is its side of the
 * protocol; src/analyze/worker.ts is the analysis worker).
 *
 * - `run(task)` resolves with the worker's answer, or rejects with a TaskError carrying the worker's
 *   message: a task that throws fails alone, and the worker goes on with the next.
 * - A time limit per task (`timeoutMs`, pool-wide or per call): the worker is terminated (synchronous work
 *   cannot be interrupted otherwise), the task rejects with a TaskError of kind 'timeout', and a fresh
 *   worker takes its place. A worker that dies (out of memory, a crash) fails its task the same way.
 * - Each worker holds one task at a time, so a slow document never holds up others queued behind it
 *   while another worker is idle; tasks wait in one queue, first come first served.
 * - Workers start when there is work for them (one document starts one worker), or all at once with
 *   `start()`.
 * - `busy`/`queued` tell a server when to answer 503 instead of queueing more.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, WorkerInfo } from './protocol.js';

export class TaskError extends Error {
  /** 'failed': the task threw in the worker; 'timeout': over its time limit; 'crashed': the worker died; 'closed': the pool was closed. */
  readonly kind: 'failed' | 'timeout' | 'crashed' | 'closed';
  /** The worker's stack trace, for SITREP_DEBUG. */
  readonly workerStack: string | undefined;
  constructor(kind: TaskError['kind'], message: string, workerStack?: string) {
    super(message);
    this.name = 'TaskError';
    this.kind = kind;
    this.workerStack = workerStack;
  }
}

export interface PoolOptions {
  /** The worker script, a module URL (`workerScript` finds it beside the caller, .js or .ts). */
  script: URL;
  /** Number of worker threads (default: the number of cores). */
  size?: number;
  /** Passed to every worker as `workerData.options` (how to set itself up). */
  options?: unknown;
  /** Default time limit per task, milliseconds; none by default. */
  timeoutMs?: number;
  /** Heap limit per worker, MB (V8's old generation); the process default otherwise. */
  maxHeapMb?: number;
  /**
   * Lower each worker thread's scheduling priority by this much (its nice value raised, at most to 19), so
   * that the thread that created the pool wins the processor when both want it: a server's event loop
   * keeps answering while its workers search or analyse. Linux sets nice per thread; where it cannot be set
   * the worker runs at the process's priority.
   */
  niceness?: number;
}

interface Job {
  task: unknown;
  timeoutMs: number | undefined;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<WorkerInfo>;
  job: Job | null;
  jobId: number;
  timer: NodeJS.Timeout | null;
  /** Pending answers to a `memory` request. */
  probes: ((info: WorkerInfo) => void)[];
  /** Start-up done (models loaded). */
  started: boolean;
}

/**
 * An idle worker does not keep the process alive; one starting up, working or asked for its memory does,
 * until it answers (else a command awaiting it could end with the answer still to come).
 */
function holdProcess(slot: Slot): void {
  if (slot.job || !slot.started || slot.probes.length) slot.worker.ref();
  else slot.worker.unref();
}

/** The number of cores this process may use: the default number of workers. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker module `name` beside the caller (`base`: its import.meta.url): the compiled .js under dist,
 * or the .ts source when the caller runs from sources (tests, `node --import tsx`), which the pool then
 * starts through tsx (a worker does not inherit the main thread's module hooks).
 */
export function workerScript(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/** A worker for a TypeScript module: registers tsx's hooks in the new thread, then imports the module. */
function typescriptWorker(script: URL, options: ConstructorParameters<typeof Worker>[1]): Worker {
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

export class WorkerPool<Task = unknown, Result = unknown> {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly o: PoolOptions) {
    this.size = Math.max(1, Math.floor(o.size ?? defaultWorkers()));
  }

  /** Start every worker now rather than when work arrives; resolves when all have loaded. */
  start(): Promise<WorkerInfo[]> {
    while (!this.closed && this.slots.length < this.size) this.slots.push(this.spawn());
    return this.ready();
  }

  /** Workers started. */
  get started(): number {
    return this.slots.length;
  }

  /** Tasks being worked on. */
  get busy(): number {
    return this.slots.filter((s) => s.job).length;
  }

  /** Tasks waiting for a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Resolves when every started worker has loaded what it needs (its answer to start-up), with what each reported. */
  ready(): Promise<WorkerInfo[]> {
    return Promise.all(this.slots.map((s) => s.ready));
  }

  /** Run one task on the next free worker. */
  run(task: Task, opts: { timeoutMs?: number } = {}): Promise<Result> {
    if (this.closed) return Promise.reject(new TaskError('closed', 'the worker pool is closed'));
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ task, timeoutMs: opts.timeoutMs ?? this.o.timeoutMs, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Each worker's memory as it reports it (its own heap; the process's resident set is shared). */
  async memory(): Promise<WorkerInfo[]> {
    await this.ready();
    return Promise.all(
      this.slots.map(
        (s) =>
          new Promise<WorkerInfo>((resolve) => {
            s.probes.push(resolve);
            holdProcess(s);
            s.worker.postMessage({ kind: 'memory' } satisfies WorkerRequest);
          }),
      ),
    );
  }

  /** Stop every worker; tasks not finished reject with kind 'closed'. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new TaskError('closed', 'the worker pool was closed'));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        const j = s.job;
        s.job = null;
        j?.reject(new TaskError('closed', 'the worker pool was closed'));
        await s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const resourceLimits = this.o.maxHeapMb ? { maxOldGenerationSizeMb: this.o.maxHeapMb } : undefined;
    const options = { workerData: { options: this.o.options ?? null, niceness: this.o.niceness ?? 0 }, ...(resourceLimits ? { resourceLimits } : {}) };
    const worker = this.o.script.pathname.endsWith('.ts') ? typescriptWorker(this.o.script, options) : new Worker(this.o.script, options);
    let started: (info: WorkerInfo) => void = () => {};
    let failedToStart: (e: Error) => void = () => {};
    const slot: Slot = {
      worker,
      ready: new Promise<WorkerInfo>((resolve, reject) => {
        started = resolve;
        failedToStart = reject;
      }),
      job: null,
      jobId: 0,
      timer: null,
      probes: [],
      started: false,
    };
    // Nobody may be waiting on `ready`: a start-up failure is reported through the tasks instead.
    slot.ready.catch(() => {});
    worker.on('message', (m: WorkerReply) => {
      if (m.kind === 'ready') {
        slot.started = true;
        holdProcess(slot);
        started(m.info);
        return;
      }
      if (m.kind === 'memory') {
        slot.probes.shift()?.(m.info);
        holdProcess(slot);
        return;
      }
      if (m.id !== slot.jobId || !slot.job) return; // an answer that arrived after its time limit
      const job = slot.job;
      this.finish(slot);
      if (m.ok) job.resolve(m.value);
      else job.reject(new TaskError('failed', m.error.message, m.error.stack));
      this.dispatch();
    });
    const died = (why: string) => {
      failedToStart(new Error(why));
      if (this.closed) return;
      const job = slot.job;
      this.finish(slot);
      job?.reject(new TaskError('crashed', `the analysis worker stopped: ${why}`));
      this.replace(slot);
    };
    worker.on('error', (e) => died(e.message));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) died(`exit code ${code}`);
    });
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    holdProcess(slot);
  }

  /** A worker that died or ran out of time is replaced by a fresh one. */
  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots[i] = this.spawn();
    void slot.worker.terminate();
    this.dispatch();
  }

  private dispatch(): void {
    if (this.closed) return;
    // Work waiting and every worker busy: start another while the pool may grow.
    const idle = this.slots.filter((s) => !s.job).length;
    for (let n = this.queue.length - idle; n > 0 && this.slots.length < this.size; n--) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.jobId = this.nextId++;
      holdProcess(slot);
      if (job.timeoutMs !== undefined) {
        // The clock starts once the worker has loaded its models: a fresh worker's start-up is not the task's.
        const ms = job.timeoutMs;
        void slot.ready.then(() => {
          if (slot.job !== job) return;
          slot.timer = setTimeout(() => {
            if (slot.job !== job) return;
            this.finish(slot);
            job.reject(new TaskError('timeout', `took longer than ${ms} ms and was stopped`));
            this.replace(slot);
          }, ms);
        }, () => {});
      }
      slot.worker.postMessage({ kind: 'task', id: slot.jobId, task: job.task } satisfies WorkerRequest);
    }
  }
}
