/**
 * Where documents are analysed: in this thread (`InlineAnalyzer`, one core) or in a pool of worker
 * threads (`PooledAnalyzer`, every core; src/workers/pool.ts). Commands and the server ask an Analyzer
 * for records or JSON lines and get the same bytes either way; the analysis of a document that throws
 * rejects with the pipeline's message, so callers report "analysis failed: …" as they always have.
 */
import type { Doc } from '../core/document.js';
import type { Pipeline } from '../core/pipeline.js';
import { defaultWorkers, TaskError, WorkerPool, workerScript } from '../workers/pool.js';
import type { WorkerInfo } from '../workers/protocol.js';
import { toAnalysis, type AnalysisRecord, type OutputOptions } from './output.js';
import { defaultPipeline } from './pipeline.js';
import { shareAnalysisFiles } from './shared.js';
import type { AnalysisTask, AnalysisWorkerOptions } from './worker.js';

export interface Analyzer {
  /** Threads analysing at once: how many documents a caller should keep in flight to use them all. */
  readonly concurrency: number;
  /** The analysis-v1 record of a document. */
  record(doc: Doc, opts?: { timeoutMs?: number }): Promise<AnalysisRecord>;
  /** The analysis-v1 record as one JSON line (no newline), serialised where it was analysed. */
  json(doc: Doc, opts?: OutputOptions & { timeoutMs?: number }): Promise<string>;
  /** Worker memory (an empty list in-process). */
  memory(): Promise<WorkerInfo[]>;
  close(): Promise<void>;
}

/** The analysis in this thread, with a given pipeline (tests use their own). */
export class InlineAnalyzer implements Analyzer {
  readonly concurrency = 1;
  constructor(private readonly pipeline: Pipeline = defaultPipeline()) {}

  async record(doc: Doc): Promise<AnalysisRecord> {
    return toAnalysis(this.pipeline.run(doc));
  }

  async json(doc: Doc, opts: OutputOptions = {}): Promise<string> {
    return JSON.stringify(toAnalysis(this.pipeline.run(doc), opts));
  }

  async memory(): Promise<WorkerInfo[]> {
    return [];
  }

  async close(): Promise<void> {}
}

export interface PoolAnalyzerOptions {
  /** Worker threads (default: the number of cores). */
  workers?: number;
  /** Time limit per document, milliseconds (none by default); over it, the document fails with kind 'timeout'. */
  timeoutMs?: number;
  /** Heap limit per worker, MB. */
  maxHeapMb?: number;
  /** Lower the workers' scheduling priority by this much (the pool's `niceness`). */
  niceness?: number;
}

/** The default pipeline in N worker threads, each loading its models once. */
export class PooledAnalyzer implements Analyzer {
  readonly pool: WorkerPool<AnalysisTask, AnalysisRecord | string>;
  readonly concurrency: number;

  constructor(o: PoolAnalyzerOptions = {}) {
    this.pool = new WorkerPool({
      script: workerScript(import.meta.url, 'worker'),
      size: o.workers ?? defaultWorkers(),
      // One copy of the models, their tables and the gazetteer for all workers, not one each.
      options: { shared: shareAnalysisFiles() } satisfies AnalysisWorkerOptions,
      ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
      ...(o.maxHeapMb !== undefined ? { maxHeapMb: o.maxHeapMb } : {}),
      ...(o.niceness !== undefined ? { niceness: o.niceness } : {}),
    });
    this.concurrency = this.pool.size;
  }

  async record(doc: Doc, opts: { timeoutMs?: number } = {}): Promise<AnalysisRecord> {
    return (await this.pool.run({ text: doc.text, meta: doc.meta, output: 'record' }, opts)) as AnalysisRecord;
  }

  async json(doc: Doc, opts: OutputOptions & { timeoutMs?: number } = {}): Promise<string> {
    const task: AnalysisTask = { text: doc.text, meta: doc.meta, output: 'json', tokens: opts.tokens === true };
    return (await this.pool.run(task, opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {})) as string;
  }

  memory(): Promise<WorkerInfo[]> {
    return this.pool.memory();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * The analyzer for `--workers N`: N = 1 analyses in this thread (no thread to start, nothing to copy);
 * more start a pool of N workers.
 */
export function analyzerFor(workers: number = defaultWorkers()): Analyzer {
  return workers <= 1 ? new InlineAnalyzer() : new PooledAnalyzer({ workers });
}

/** The message to report for a document whose analysis failed (the worker's, or the error's own). */
export function analysisFailure(e: unknown): string {
  if (e instanceof TaskError && e.kind !== 'failed') return e.message;
  return (e as Error).message;
}

export { defaultWorkers, TaskError };
