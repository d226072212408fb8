/**
 * Analyse documents and store them: what `sitrep ingest` does, usable from code and tests.
 * A document already stored (same content hash, ./hash.ts) is not analysed again. Each document is one
 * put, so a failing document is reported and skipped without leaving rows behind or stopping the batch.
 * With an analyzer of several workers, the next documents are analysed while earlier ones are stored;
 * they are still stored, and reported, in input order.
 */
import { analysisFailure, InlineAnalyzer, TaskError, type Analyzer } from '../analyze/analyzer.js';
import type { AnalysisRecord } from '../analyze/output.js';
import { analysisVersion } from '../analyze/version.js';
import type { Doc } from '../core/document.js';
import type { Pipeline } from '../core/pipeline.js';
import type { InputItem } from '../ingest/read.js';
import { mapOrdered } from '../workers/ordered.js';
import { contentHash, outletOf } from './hash.js';
import type { Enqueue } from './queue.js';
import type { Store } from './types.js';

export type IngestOutcome =
  | { kind: 'new'; origin: string; id: string }
  | { kind: 'existing'; origin: string; id: string }
  /** Put in the queue for `sitrep worker` processes (PostgreSQL): stored once a worker has analysed it, as `id`. */
  | { kind: 'queued'; origin: string; id: string }
  /** `stage` says whether the input could not be read, or the analysis or the store failed. */
  | { kind: 'failed'; origin: string; message: string; stage: 'read' | 'analyse' | 'store'; timedOut?: boolean };

export interface IngestSummary {
  new: number;
  existing: number;
  failed: number;
  queued: number;
}

export interface IngestOptions {
  /** Where documents are analysed (worker threads, ../analyze/analyzer.ts); in this thread by default. */
  analyzer?: Analyzer;
  /** The pipeline of the default in-thread analyzer (tests use their own). */
  pipeline?: Pipeline;
  /** Called with each input item, in input order, before its outcome (to report read errors and warnings). */
  onInput?: (item: InputItem) => void;
  /** Called after each input item, in input order. */
  onItem?: (outcome: IngestOutcome) => void;
  /** Queue documents for workers instead of analysing them (./queue.ts queueFor). */
  enqueue?: Enqueue | null;
}

/** Analyse (if new) and store one document. */
export async function ingestDoc(store: Store, doc: Doc, analyzer: Analyzer | Pipeline): Promise<IngestOutcome> {
  const a = 'record' in analyzer ? analyzer : new InlineAnalyzer(analyzer);
  const analysed = await analyse(store, doc, a);
  return analysed.kind === 'analysed' ? store1(store, doc, analysed.record) : analysed;
}

type Analysed = IngestOutcome | { kind: 'analysed'; record: AnalysisRecord };

/** The first half of ingesting: the hash lookup, then the analysis of a new document. */
async function analyse(store: Store, doc: Doc, analyzer: Analyzer): Promise<Analysed> {
  const origin = doc.meta.origin;
  let stage: 'analyse' | 'store' = 'store';
  try {
    const known = await store.idForHash(contentHash(doc.text, outletOf(doc.meta.source, doc.meta.url)));
    if (known !== null) return { kind: 'existing', origin, id: known };
    stage = 'analyse';
    return { kind: 'analysed', record: await analyzer.record(doc) };
  } catch (e) {
    const message = stage === 'analyse' ? analysisFailure(e) : (e as Error).message;
    const timedOut = e instanceof TaskError && e.kind === 'timeout';
    return { kind: 'failed', origin, stage, message: stage === 'analyse' ? `analysis failed: ${message}` : `not stored: ${message}`, ...(timedOut ? { timedOut } : {}) };
  }
}

/** The second half: the put (a document analysed twice in one batch is found stored the second time). */
async function store1(store: Store, doc: Doc, record: AnalysisRecord): Promise<IngestOutcome> {
  const origin = doc.meta.origin;
  try {
    const r = await store.putAnalysis(record, doc.text, { origin, author: doc.meta.author, analysisVersion: analysisVersion() });
    return { kind: r.inserted ? 'new' : 'existing', origin, id: r.id };
  } catch (e) {
    return { kind: 'failed', origin, stage: 'store', message: `not stored: ${(e as Error).message}` };
  }
}

/** Queue one document (the queue skips what is stored or queued already). */
async function queue1(doc: Doc, enqueue: Enqueue): Promise<IngestOutcome> {
  const origin = doc.meta.origin;
  try {
    const r = await enqueue(doc);
    return { kind: r, origin, id: doc.meta.id };
  } catch (e) {
    return { kind: 'failed', origin, stage: 'store', message: `not queued: ${(e as Error).message}` };
  }
}

export async function ingest(store: Store, items: AsyncIterable<InputItem> | Iterable<InputItem>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { new: 0, existing: 0, failed: 0, queued: 0 };
  if (opts.enqueue) {
    for await (const it of items) {
      opts.onInput?.(it);
      const outcome: IngestOutcome = it.error ? { kind: 'failed', origin: it.error.origin, message: it.error.message, stage: 'read' } : await queue1(it.doc, opts.enqueue);
      summary[outcome.kind]++;
      opts.onItem?.(outcome);
    }
    return summary;
  }
  const analyzer = opts.analyzer ?? new InlineAnalyzer(opts.pipeline);
  // A few documents ahead per worker, so that workers never wait for the store; one at a time in-thread.
  const window = analyzer.concurrency > 1 ? analyzer.concurrency * 4 : 1;
  const started = mapOrdered(items, window, (it) => (it.error ? Promise.resolve(null) : analyse(store, it.doc, analyzer)));
  for await (const [it, r] of started) {
    opts.onInput?.(it);
    let outcome: IngestOutcome;
    if (it.error) outcome = { kind: 'failed', origin: it.error.origin, message: it.error.message, stage: 'read' };
    else if (!r.ok) outcome = { kind: 'failed', origin: it.doc.meta.origin, message: `not stored: ${(r.error as Error).message}`, stage: 'store' };
    else if (r.value!.kind === 'analysed') outcome = await store1(store, it.doc, r.value!.record);
    else outcome = r.value as IngestOutcome;
    summary[outcome.kind]++;
    opts.onItem?.(outcome);
  }
  return summary;
}
