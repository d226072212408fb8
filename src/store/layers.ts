/**
 * How each analysis layer maps to a table: the span, the columns reports and queries filter on, and
 * `data` — the item as JSON without start/end/text, which is what rebuilds the record. Both the SQLite
 * and the PostgreSQL store use these specs, so the two cannot drift apart.
 */
import type { AnalysisRecord } from '../analyze/output.js';
import type { EventMention } from '../extract/events/types.js';

export type StoredLayer = 'boilerplate' | 'sentences' | 'times' | 'places' | 'quantities' | 'events' | 'entities';

type Item = { start: number; end: number; text?: string } & Record<string, unknown>;

export interface LayerSpec {
  layer: StoredLayer;
  table: string;
  /** Columns after (doc, ord, span_start, span_end) and before data. */
  columns: readonly string[];
  values(item: Item): unknown[];
}

const n = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const s = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const b = (x: unknown): boolean | null => (typeof x === 'boolean' ? x : null);
const o = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {});

export const LAYER_SPECS: readonly LayerSpec[] = [
  { layer: 'boilerplate', table: 'boilerplate', columns: ['kind'], values: (it) => [s(it.kind)] },
  {
    layer: 'sentences',
    table: 'sentences',
    columns: ['paragraph', 'kind', 'token_start', 'token_end'],
    values: (it) => [n(it.paragraph), s(it.kind), n(it.tokenStart), n(it.tokenEnd)],
  },
  { layer: 'times', table: 'times', columns: ['type', 'value', 'mod'], values: (it) => [s(it.type), s(it.value), s(it.mod)] },
  {
    layer: 'places',
    table: 'places',
    columns: ['name', 'lat', 'lon', 'country', 'admin1', 'geoname_id', 'kind'],
    values: (it) => [s(it.name), n(it.lat), n(it.lon), s(it.country), s(it.admin1), n(it.geonameId), s(it.kind)],
  },
  {
    layer: 'quantities',
    table: 'quantities',
    columns: ['low', 'high', 'best', 'approx', 'what'],
    values: (it) => [n(it.low), n(it.high), n(it.best), b(it.approx), s(it.what)],
  },
  {
    layer: 'events',
    table: 'events',
    columns: [
      'type', 'sub_type', 'date_start', 'date_end', 'date_precision',
      'location_name', 'lat', 'lon', 'country', 'admin1', 'geo_precision',
      'actor1', 'actor1_inter', 'actor2', 'actor2_inter',
      'fatalities_low', 'fatalities_best', 'fatalities_high', 'certainty',
    ],
    values: (it) => {
      const d = o(it.date);
      const l = o(it.location);
      const a1 = o(it.actor1);
      const a2 = o(it.actor2);
      const f = o(it.fatalities);
      return [
        s(it.type), s(it.subType), s(d.start), s(d.end), n(d.precision),
        s(l.name), n(l.lat), n(l.lon), s(l.country), s(l.admin1), n(l.precision),
        s(a1.name), n(a1.inter), s(a2.name), n(a2.inter),
        n(f.low), n(f.best), n(f.high), s(it.certainty),
      ];
    },
  },
  // Analysis v1.1 (migration 010): PER/ORG/LOC spans, filterable by label.
  { layer: 'entities', table: 'entities', columns: ['label'], values: (it) => [s(it.label)] },
];

/** One table row: ord, span_start, span_end, the spec's columns, data. Event sources: event_ord, ord, span_start, span_end, text. */
export type LayerRow = unknown[];

export interface LayerRows {
  spec: LayerSpec;
  rows: LayerRow[];
}

function checkSpan(text: string, what: string, it: { start: unknown; end: unknown; text?: unknown }): void {
  const { start, end } = it;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= text.length)) {
    throw new Error(`${what}: span [${String(start)}, ${String(end)}) is outside the text (length ${text.length})`);
  }
  if (typeof it.text === 'string' && it.text !== text.slice(start as number, end as number)) {
    throw new Error(`${what}: its text ${JSON.stringify(it.text.slice(0, 40))} is not the text at [${String(start)}, ${String(end)})`);
  }
}

/** Record fields with a column or a table of their own; `tokens` is never stored. */
const KNOWN_FIELDS = new Set(['id', 'published', 'publishedFrom', 'title', 'source', 'url', 'format', 'length', 'tokens', ...LAYER_SPECS.map((x) => x.layer)]);

/** What a record has beyond the known fields: plain fields, and layers (lists of spans) with no table yet. */
export interface Extra {
  fields: Record<string, unknown>;
  layers: string[];
}

const isSpanList = (v: unknown): v is Item[] =>
  Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && typeof (x as Item).start === 'number' && typeof (x as Item).end === 'number');

export function extraOf(record: AnalysisRecord): Extra | null {
  const fields: Record<string, unknown> = {};
  const layers: string[] = [];
  for (const [k, v] of Object.entries(record)) {
    if (KNOWN_FIELDS.has(k) || v === undefined) continue;
    if (isSpanList(v)) layers.push(k);
    else fields[k] = v;
  }
  return layers.length || Object.keys(fields).length ? { fields, layers } : null;
}

export interface GenericRows {
  /** Rows of layer_items: layer, ord, span_start, span_end, data. */
  generic: LayerRow[];
}

/**
 * The rows for every stored layer of a record, checking each span against the text. Rows are produced
 * lazily, layer by layer, so a bad span late in a record is found while the document's transaction is
 * open and everything written so far is rolled back with it.
 */
export function* recordRows(record: AnalysisRecord, text: string): Generator<LayerRows | { eventSources: LayerRow[] } | GenericRows> {
  for (const spec of LAYER_SPECS) {
    const items = (record[spec.layer] ?? []) as unknown as Item[];
    if (!Array.isArray(items)) throw new Error(`layer ${spec.layer}: not a list`);
    const rows = items.map((it, ord) => {
      checkSpan(text, `${spec.layer}[${ord}]`, it);
      const { start, end, text: _t, ...rest } = it;
      return [ord, start, end, ...spec.values(it), JSON.stringify(rest)];
    });
    yield { spec, rows };
    if (spec.layer === 'events') {
      const srcRows: LayerRow[] = [];
      (items as unknown as EventMention[]).forEach((ev, e) =>
        (ev.sources ?? []).forEach((src, k) => {
          checkSpan(text, `events[${e}].sources[${k}]`, src);
          srcRows.push([e, k, src.start, src.end, text.slice(src.start, src.end)]);
        }),
      );
      yield { eventSources: srcRows };
    }
  }
  const extra = extraOf(record);
  for (const layer of extra?.layers ?? []) {
    const items = (record as unknown as Record<string, Item[]>)[layer]!;
    yield {
      generic: items.map((it, ord) => {
        checkSpan(text, `${layer}[${ord}]`, it);
        const { start, end, text: _t, ...rest } = it;
        return [layer, ord, start, end, JSON.stringify(rest)];
      }),
    };
  }
}

/** Rebuild a layer item from its span columns and data: the same object toAnalysis wrote. */
export function itemFromRow(text: string, start: number, end: number, data: string | object): Record<string, unknown> {
  const rest = typeof data === 'string' ? (JSON.parse(data) as object) : data;
  return { start, end, text: text.slice(start, end), ...rest };
}

/** The publication day of a `published` value, or null. */
export function publishedDay(published: string | null): string | null {
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
}
