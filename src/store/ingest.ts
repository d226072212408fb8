/**
 * Analyse documents and store them: what `sitrep ingest` does, usable from code and tests.
 * A document already stored (same content hash, ./hash.ts) is not analysed again. Each document is one
 * put, so a failing document is reported and skipped without leaving rows behind or stopping the batch.
 */
import { toAnalysis } from '../analyze/output.js';
import { defaultPipeline } from '../analyze/pipeline.js';
import { analysisVersion } from '../analyze/version.js';
import type { Doc } from '../core/document.js';
import type { Pipeline } from '../core/pipeline.js';
import type { InputItem } from '../ingest/read.js';
import { contentHash, outletOf } from './hash.js';
import type { Store } from './types.js';

export type IngestOutcome =
  | { kind: 'new'; origin: string; id: string }
  | { kind: 'existing'; origin: string; id: string }
  /** `stage` says whether the input could not be read, or the analysis or the store failed. */
  | { kind: 'failed'; origin: string; message: string; stage: 'read' | 'analyse' | 'store' };

export interface IngestSummary {
  new: number;
  existing: number;
  failed: number;
}

export interface IngestOptions {
  pipeline?: Pipeline;
  /** Called with each input item as read, before it is analysed (to report read errors and warnings). */
  onInput?: (item: InputItem) => void;
  /** Called after each input item, in input order. */
  onItem?: (outcome: IngestOutcome) => void;
}

/** Analyse (if new) and store one document. */
export async function ingestDoc(store: Store, doc: Doc, pipeline: Pipeline): Promise<IngestOutcome> {
  const origin = doc.meta.origin;
  let stage: 'analyse' | 'store' = 'store';
  try {
    const known = await store.idForHash(contentHash(doc.text, outletOf(doc.meta.source, doc.meta.url)));
    if (known !== null) return { kind: 'existing', origin, id: known };
    stage = 'analyse';
    pipeline.run(doc);
    const record = toAnalysis(doc);
    stage = 'store';
    const r = await store.putAnalysis(record, doc.text, { origin, author: doc.meta.author, analysisVersion: analysisVersion() });
    return { kind: r.inserted ? 'new' : 'existing', origin, id: r.id };
  } catch (e) {
    const message = (e as Error).message;
    return { kind: 'failed', origin, stage, message: stage === 'analyse' ? `analysis failed: ${message}` : `not stored: ${message}` };
  }
}

export async function ingest(store: Store, items: AsyncIterable<InputItem> | Iterable<InputItem>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const pipeline = opts.pipeline ?? defaultPipeline();
  const summary: IngestSummary = { new: 0, existing: 0, failed: 0 };
  for await (const it of items) {
    opts.onInput?.(it);
    const outcome: IngestOutcome = it.error
      ? { kind: 'failed', origin: it.error.origin, message: it.error.message, stage: 'read' }
      : await ingestDoc(store, it.doc, pipeline);
    summary[outcome.kind]++;
    opts.onItem?.(outcome);
  }
  return summary;
}
