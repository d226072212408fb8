/** Pieces both store implementations share: id choice, search limits, turning rows into records. */
import type { Extra } from './layers.js';
import type { StoredAnalysis, StoredDocument } from './types.js';

export type Row = Record<string, unknown>;

export const DEFAULT_MARK = { open: '«', close: '»' } as const;

/** Search results: 20 by default, never more than 1000 in one call. */
export function searchLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 20;
  return Math.min(1000, Math.max(1, Math.floor(limit)));
}

/**
 * The ids to try, in order, for a new document: the input id, then the input id with a short and then the
 * full content hash, so two different documents that arrive with the same id both keep a readable one.
 * An empty id is replaced by the short hash.
 */
export function candidateIds(inputId: string, hash: string): string[] {
  const base = inputId.trim() === '' ? 'doc' : inputId;
  return [inputId.trim() === '' ? `doc#${hash.slice(0, 8)}` : base, `${base}#${hash.slice(0, 8)}`, `${base}#${hash}`];
}

const str = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));

export function toStoredDocument(r: Row): StoredDocument {
  const at = r.ingested_at;
  return {
    id: String(r.id),
    hash: String(r.hash),
    textHash: String(r.text_hash),
    text: String(r.text),
    title: str(r.title),
    source: str(r.source),
    outlet: str(r.outlet),
    url: str(r.url),
    author: str(r.author),
    published: str(r.published),
    publishedFrom: str(r.published_from) as StoredDocument['publishedFrom'],
    format: String(r.format) as StoredDocument['format'],
    origin: str(r.origin),
    ingestedAt: at instanceof Date ? at.toISOString() : String(at),
  };
}

/**
 * A record with its document fields set and its layers empty, in toAnalysis's field order. Fields and
 * layers the schema has no place for come from the `extra` column (layers empty, to be filled from
 * layer_items).
 */
export function emptyAnalysis(r: Row): StoredAnalysis {
  const d = toStoredDocument(r);
  const a: StoredAnalysis = {
    id: d.id,
    published: d.published,
    publishedFrom: d.publishedFrom,
    title: d.title,
    source: d.source,
    url: d.url,
    format: d.format,
    length: Number(r.length),
    boilerplate: [],
    sentences: [],
    times: [],
    places: [],
    quantities: [],
    events: [],
    entities: [],
    text: d.text,
    outlet: d.outlet,
    hash: d.hash,
    textHash: d.textHash,
    author: d.author,
    origin: d.origin,
    ingestedAt: d.ingestedAt,
  };
  if (r.extra !== null && r.extra !== undefined) {
    const extra = (typeof r.extra === 'string' ? JSON.parse(r.extra) : r.extra) as Extra;
    const target = a as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(extra.fields ?? {})) target[k] = v;
    for (const layer of extra.layers ?? []) target[layer] = [];
  }
  return a;
}

/**
 * Snippets are one line. PostgreSQL's ts_headline does not say where it cut the text, so "…" is added at
 * an end that is not the text's own (SQLite's snippet() already does this).
 */
export function tidySnippet(snippet: string, text: string | null, mark: { open: string; close: string }): string {
  let s = snippet.replace(/\s+/g, ' ').trim();
  if (text !== null && s !== '') {
    const plain = s.split(mark.open).join('').split(mark.close).join('');
    const whole = text.replace(/\s+/g, ' ').trim();
    const first = plain.split(' … ')[0]!;
    const last = plain.split(' … ').at(-1)!;
    if (!whole.startsWith(first)) s = '…' + s;
    if (!whole.endsWith(last)) s += '…';
  }
  return s;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text as the databases can keep it. Both speak UTF-8, which has no encoding for half a surrogate
 * pair: SQLite would give back three replacement characters for one, shifting every later offset. So a
 * lone surrogate is stored as U+FFFD, one UTF-16 unit for one, and all offsets still hold. The content
 * hash is taken from the text as given, so both stores agree on identity.
 */
export function storableText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}
