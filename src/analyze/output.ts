import type { Doc } from '../core/document.js';
import type { LayerName } from '../core/layers.js';

export interface OutputOptions {
  /** Include the token layer (large; off by default). */
  tokens?: boolean;
}

/** Layers serialised in every analysis line (docs/analysis-v1.md), in this order. */
const ALWAYS: LayerName[] = ['boilerplate', 'sentences', 'times', 'places', 'quantities', 'events'];

/**
 * One analysis-v1 object for a document. Every span item gets its `text` from the document, so the
 * offsets and the text can never disagree.
 */
export function toAnalysis(doc: Doc, opts: OutputOptions = {}): Record<string, unknown> {
  const m = doc.meta;
  const out: Record<string, unknown> = {
    id: m.id,
    published: m.published,
    publishedFrom: m.publishedFrom,
    title: m.title,
    source: m.source,
    url: m.url,
    format: m.format,
    length: doc.text.length,
  };
  const layers = opts.tokens ? [...ALWAYS, 'tokens' as const] : ALWAYS;
  for (const name of layers) {
    out[name] = doc.has(name)
      ? doc.get(name).map((it) => withText(doc, it as unknown as Record<string, unknown> & { start: number; end: number }))
      : [];
  }
  return out;
}

function withText(doc: Doc, it: Record<string, unknown> & { start: number; end: number }): Record<string, unknown> {
  const { start, end, ...rest } = it;
  delete rest.text;
  return { start, end, text: doc.text.slice(start, end), ...rest };
}
