/**
 * Re-running the analysis on stored texts (`sitrep reanalyze`): after an upgrade changed the extractors, a
 * desk keeps its store. Documents whose recorded analysis version is not the current one are analysed
 * again from their stored text and metadata, in storage order and in batches, each document replaced in
 * one transaction with its part of the picture (src/store/types.ts replaceAnalysis). Interrupted, it
 * resumes where it stopped: done documents carry the new version.
 */
import { analysisFailure, InlineAnalyzer, type Analyzer } from '../analyze/analyzer.js';
import { analysisVersion } from '../analyze/version.js';
import { mapOrdered } from '../workers/ordered.js';
import { Doc } from '../core/document.js';
import type { Pipeline } from '../core/pipeline.js';
import type { StoredAnalysis, Store } from './types.js';

export interface ReanalyzeOptions {
  /** Re-analyse every document, whatever version made it. */
  all?: boolean;
  /** Documents read per batch (default 50). */
  batch?: number;
  /** Stop after this many. */
  limit?: number;
  /** Where documents are analysed (worker threads: ../analyze/analyzer.ts); else `pipeline` in this thread. */
  analyzer?: Analyzer;
  pipeline?: Pipeline;
  /** Called after each document. */
  onItem?: (o: { id: string; ok: boolean; message?: string }) => void;
}

export interface ReanalyzeSummary {
  done: number;
  failed: number;
  version: string;
}

/** The document as it was read, rebuilt from what the store keeps: the analysis starts from the same text. */
export function docFromStored(a: StoredAnalysis): Doc {
  return new Doc(a.text, {
    id: a.id,
    title: a.title,
    url: a.url,
    source: a.source,
    author: a.author,
    published: a.published,
    publishedFrom: a.publishedFrom,
    format: a.format,
    origin: a.origin ?? a.id,
  });
}

export async function reanalyze(store: Store, opts: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const version = analysisVersion();
  const analyzer = opts.analyzer ?? new InlineAnalyzer(opts.pipeline);
  const batch = opts.batch ?? 50;
  const summary: ReanalyzeSummary = { done: 0, failed: 0, version };
  // With --all, any version is "stale": one that can never be recorded.
  const stale = opts.all ? '\u0000' : version;
  let after = 0;
  for (;;) {
    const left = opts.limit === undefined ? batch : Math.min(batch, opts.limit - summary.done - summary.failed);
    if (left <= 0) break;
    const page = await store.staleAnalyses(stale, after, left);
    if (page.length === 0) break;
    after = page[page.length - 1]!.pos;
    const byId = new Map((await store.analyses({ ids: page.map((p) => p.id) })).map((a) => [a.id, a]));
    // Analysed a few ahead in the workers, replaced one at a time in storage order.
    const analysed = mapOrdered(page, analyzer.concurrency > 1 ? analyzer.concurrency * 4 : 1, ({ id }) => {
      const a = byId.get(id);
      return a ? analyzer.record(docFromStored(a)) : Promise.reject(new Error('no longer stored'));
    });
    for await (const [{ id }, r] of analysed) {
      try {
        if (!r.ok) throw new Error(analysisFailure(r.error));
        if (!(await store.replaceAnalysis(id, r.value, { analysisVersion: version }))) throw new Error('no longer stored');
        summary.done++;
        opts.onItem?.({ id, ok: true });
      } catch (e) {
        summary.failed++;
        opts.onItem?.({ id, ok: false, message: (e as Error).message });
      }
      // Analysis in this thread is synchronous work: let a server sharing the process answer between documents.
      await new Promise((r) => setImmediate(r));
    }
  }
  return summary;
}
