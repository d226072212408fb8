import type { AnalysisRecord } from '../analyze/output.js';
import type { Span } from '../core/span.js';
import { sameStory } from './wire.js';

/**
 * What the situation picture is computed from: every analysed document with its full text and outlet.
 * The store gives these back (`Store.analyses`); tests build them by hand. Keeping the merge logic a pure
 * function of this list means it is recomputed from the store's current contents on every report.
 */
export interface SituationDoc {
  record: AnalysisRecord;
  /** The document text exactly as analysed (all offsets index it). */
  text: string;
  /** The outlet ("CNN", "Reuters"); falls back to `record.source`. */
  outlet: string | null;
  /**
   * Hash of the normalised text alone (the store's `textHash`). Documents with the same text from different
   * outlets are one wire story carried by several outlets: one report, not independent corroboration.
   */
  textHash?: string | null;
  /** The content hash (the store's `hash`): the document's identity in the picture. Computed when absent. */
  hash?: string | null;
}

export type SituationInput = SituationDoc[];

/** A pointer to the words a fact came from, as the report shows it. */
export interface SourceRef {
  documentId: string;
  outlet: string | null;
  /** Publication day of the document (YYYY-MM-DD) or null when undated. */
  published: string | null;
  start: number;
  end: number;
  text: string;
  /** The sentence holding the span, for "show the source sentence". */
  sentence: { start: number; end: number; text: string };
}

export function outletOf(d: SituationDoc): string | null {
  const o = d.outlet ?? d.record.source;
  return o && o.trim() ? o.trim() : null;
}

export function publishedDay(d: SituationDoc): string | null {
  const p = d.record.published;
  return p && /^\d{4}-\d{2}-\d{2}/.test(p) ? p.slice(0, 10) : null;
}

/**
 * The sentence of `d` that holds `span` (by its start). Falls back to the line around the span when the
 * record has no sentence layer, so a source can always be shown in context.
 */
export function sentenceOf(d: SituationDoc, span: Span): { start: number; end: number; text: string } {
  const sents = d.record.sentences;
  // Sentences are kept in text order; binary search for the last one starting at or before span.start.
  let lo = 0;
  let hi = sents.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sents[mid]!.start <= span.start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0) {
    const s = sents[found]!;
    if (span.start < s.end || span.start === s.start) {
      // A span running past its sentence (an event told over two sentences) takes the whole stretch.
      const end = Math.max(s.end, Math.min(span.end, d.text.length));
      return { start: s.start, end, text: d.text.slice(s.start, end) };
    }
  }
  const start = Math.max(0, d.text.lastIndexOf('\n', Math.max(0, span.start - 1)) + 1);
  let end = d.text.indexOf('\n', span.end);
  if (end < 0) end = d.text.length;
  return { start, end, text: d.text.slice(start, end) };
}

export function sourceRef(d: SituationDoc, span: Span): SourceRef {
  return {
    documentId: d.record.id,
    outlet: outletOf(d),
    published: publishedDay(d),
    start: span.start,
    end: span.end,
    text: d.text.slice(span.start, span.end),
    sentence: sentenceOf(d, span),
  };
}

/** Outlet names compared loosely: "The New York Times" and "New York Times" are one outlet. */
export function outletKey(outlet: string | null): string {
  if (!outlet) return '(unknown outlet)';
  return outlet
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How many independent outlets the documents come from: documents of one outlet count once, and so do
 * copies of one story carried by several outlets (wire copy): the same text, the same wire agency credited
 * as the story's author (./wire.ts), or texts that share most of their words. A document credited to an
 * agency counts as that agency, not as the site that carried it.
 */
export function independentOutlets(
  docs: readonly { outlet: string | null; textHash?: string | null; wire?: string | null; print?: readonly string[] | null }[],
): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const join = (a: string, b: string) => {
    parent.set(find(a), find(b));
  };
  docs.forEach((d, i) => {
    join(`d:${i}`, d.wire ? `w:${d.wire}` : `o:${outletKey(d.outlet)}`);
    if (d.textHash) join(`d:${i}`, `t:${d.textHash}`);
    for (let j = 0; j < i; j++) if (sameStory(d.print, docs[j]!.print)) join(`d:${i}`, `d:${j}`);
  });
  const roots = new Set<string>();
  docs.forEach((_, i) => roots.add(find(`d:${i}`)));
  return roots.size;
}
