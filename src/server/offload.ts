/**
 * Heavy reads off the server's event loop. better-sqlite3 is synchronous: a search or a report built on
 * the server's own connection blocks every other request until it ends. Here they run in worker threads
 * (./offload-worker.ts), each with its own read-only connection to the same file, under a time limit: a
 * request over it is answered 503 with Retry-After and its worker is stopped (the only way to stop
 * synchronous work) and replaced, while the event loop goes on serving everyone else.
 *
 * PostgreSQL queries do not block the loop; they, and an in-memory SQLite store (which another thread
 * cannot open), run here with the same time limit (the answer is abandoned, not the query).
 */
import type { Report, ReportOptions } from '../report/model.js';
import { buildReport, ReportError } from '../report/model.js';
import type { PictureReader } from '../merge/reader.js';
import { QueryError } from '../store/query.js';
import { SqliteStore } from '../store/sqlite.js';
import type { SearchHit, SearchOptions, Store } from '../store/types.js';
import { TaskError, WorkerPool, workerScript } from '../workers/pool.js';
import { HttpError } from './http.js';

export type OffloadTask = { kind: 'search'; query: string; opts: SearchOptions } | { kind: 'report'; opts: ReportOptions };
export type OffloadReply = { ok: true; value: unknown } | { ok: false; code: 'query' | 'report' | 'picture_stale'; message: string };

export interface TimeLimits {
  /** Milliseconds a search may take (ranking and snippets). */
  searchMs: number;
  /** Milliseconds a report (HTML, JSON, slices) may take to build. */
  reportMs: number;
  /** Milliseconds the analysis of one posted document may take. */
  analysisMs: number;
}

export const DEFAULT_TIME_LIMITS: TimeLimits = { searchMs: 10_000, reportMs: 60_000, analysisMs: 120_000 };

/** Seconds a client told 503 should wait before trying again. */
export const RETRY_AFTER_S = 10;
/**
 * How much lower than the event loop the server's worker threads (searches, reports, analysis of posted
 * documents) are scheduled: with every core busy, the thread answering requests still gets the processor
 * first (measured with `npm run bench:search`, docs/bench.md).
 */
export const WORKER_NICENESS = 10;

/** Requests that may wait for a busy worker; more are answered 503 at once. */
const MAX_QUEUED = 8;

export function busy(what: string): HttpError {
  return new HttpError(503, 'busy', `${what}; try again in ${RETRY_AFTER_S} s`, { 'Retry-After': String(RETRY_AFTER_S) });
}

export class Offload {
  private pool: WorkerPool<OffloadTask, OffloadReply> | null = null;

  constructor(
    private readonly store: Store,
    private readonly limits: TimeLimits,
    /** The worker script (tests give one that never answers). */
    private readonly script: URL = workerScript(import.meta.url, 'offload-worker'),
    private readonly workers = 2,
  ) {}

  /** Worker threads serve a SQLite file; anything else is served here. */
  private get threaded(): boolean {
    return this.store instanceof SqliteStore && this.store.path !== ':memory:' && this.store.path !== '';
  }

  async search(query: string, opts: SearchOptions): Promise<SearchHit[]> {
    if (!this.threaded) {
      return this.inline(this.store.search(query, opts), this.limits.searchMs, 'search').catch((e: unknown) => {
        throw e instanceof QueryError ? new HttpError(400, 'usage', e.message) : e;
      });
    }
    return (await this.run({ kind: 'search', query, opts }, this.limits.searchMs, 'search')) as SearchHit[];
  }

  /** The report for `opts`; `reader` is the store's picture, read here when no worker serves the store. */
  async report(opts: ReportOptions, reader: () => Promise<PictureReader>): Promise<Report> {
    if (!this.threaded) return this.inline(reader().then((r) => buildReport(r, opts)), this.limits.reportMs, 'report');
    return (await this.run({ kind: 'report', opts }, this.limits.reportMs, 'report')) as Report;
  }

  private async run(task: OffloadTask, timeoutMs: number, what: string): Promise<unknown> {
    this.pool ??= new WorkerPool<OffloadTask, OffloadReply>({ script: this.script, size: this.workers, niceness: WORKER_NICENESS, options: { db: (this.store as SqliteStore).path } });
    if (this.pool.queued >= MAX_QUEUED) throw busy(`the server is busy with other ${what}es`);
    let reply: OffloadReply;
    try {
      reply = await this.pool.run(task, { timeoutMs });
    } catch (e) {
      if (e instanceof TaskError && (e.kind === 'timeout' || e.kind === 'crashed')) throw busy(`the ${what} took longer than ${timeoutMs} ms and was stopped`);
      throw e;
    }
    if (reply.ok) return reply.value;
    if (reply.code === 'picture_stale') throw new HttpError(503, 'picture_stale', reply.message);
    throw new HttpError(400, 'usage', reply.code === 'report' ? reply.message.replace(/--(near|radius)\b/g, '$1') : reply.message);
  }

  private inline<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(busy(`the ${what} took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([work, limit]).finally(() => clearTimeout(timer)).catch((e: unknown) => {
      if (e instanceof ReportError) throw new HttpError(400, 'usage', e.message.replace(/--(near|radius)\b/g, '$1'));
      throw e;
    });
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
