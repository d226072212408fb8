/**
 * The picture's tables (migrations 020_picture.sql) read and written in SQL, once for both stores: every
 * method is a generator that yields statements (./run.ts executes them on SQLite or PostgreSQL), so the
 * engine (./engine.ts) and the reader (./reader.ts) run the same code on both. Where the dialects differ
 * (lists of values, the spatial indexes: an R*Tree in SQLite, a GiST index over boxes in PostgreSQL) the
 * statement is chosen here.
 */
import { aliasGroup } from '../../merge/actors.js';
import { controlSortKey, type ControlChange } from '../../merge/control.js';
import { eventSources, MAX_JOIN_KM, reportOrder as reportOrderOf, searchBox, hasToll, SAME_PLACE_KM, vagueReport, type MergedEvent } from '../../merge/coref.js';
import { dayNumber } from '../../merge/dates.js';
import { typeFamily } from '../../merge/event-family.js';
import { claimOrder as claimOrderOf, figureClaims, isEventCount, periodSlack, SAME_NAME_KM, type Figure } from '../../merge/figures.js';
import { validCoordinates } from '../../merge/geo.js';
import { outletKey } from '../../merge/input.js';
import type { ClaimItem, ControlItem, DocItems, DocRef, MentionItem, PlaceKeyInfo, ReportItem } from '../../merge/items.js';
import { figureSortKey, documentSortKey } from '../../merge/memory-reader.js';
import { normName, placeOrder } from '../../merge/places.js';
import { eventSortKey, foldActor } from '../../merge/reader.js';
import { PICTURE_VERSION } from './engine.js';
import { NeedLocks, type ClaimRow, type PlaceRow, type RemovedEvent, type ReportRow } from './ops.js';

export type Dialect = 'sqlite' | 'postgres';

export interface SqlReq {
  kind: 'all' | 'run' | 'lock';
  sql: string;
  params: unknown[];
}

export type Sql<T> = Generator<SqlReq, T, unknown>;
export type Row = Record<string, unknown>;

export function* all<T = Row>(sql: string, params: unknown[] = []): Sql<T[]> {
  return (yield { kind: 'all', sql, params }) as T[];
}

export function* exec(sql: string, params: unknown[] = []): Sql<void> {
  yield { kind: 'run', sql, params };
}

/** Day numbers bounding "all time", for undated items in the spatial indexes (exact in 32-bit floats). */
export const ALL_DAYS = 10_000_000;


/**
 * The day an undated claim of an undated document starts at in the claims index (migration 040): after
 * every real day, so that queries for what comes before a dated claim do not meet it.
 */
export const END_OF_TIME = ALL_DAYS - 1;
/**
 * The days a report is indexed under: its own, or the end of time for an undated report (migration 041).
 * An undated report may join a dated event when all else agrees (merge/coref.ts undatedJoin), but it comes
 * after every dated report in canonical order (reportOrder ranks it last), so a dated report's decision
 * never needs it: only the queries for the reports a change may move (`withUndated`) look there.
 */
function reportDays(r: ReportItem): [number, number] {
  return r.days ? [dayNumber(r.days.start), dayNumber(r.days.end)] : [END_OF_TIME, ALL_DAYS];
}

/** With SITREP_PROFILE_SQL set, rows read and rows parsed are counted (printed at exit by ./run.ts). */
const profiling = !!process.env.SITREP_PROFILE_SQL;

/** Where items without a place sit in the spatial indexes: outside every real area. */
export const NO_PLACE = 500;

const FAMILY_CODE: Record<string, number> = { armed: 0, civilians: 1, crowd: 2, strategic: 3 };

/** A small number for a counted thing, as one more dimension of the claims index (collisions only cost a filtered row). */
export function thingCode(thing: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < thing.length; i++) h = Math.imul(h ^ thing.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 0xffff;
}

const num = (x: unknown): number => Number(x);
const str = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));
const parse = <T>(x: unknown): T => (typeof x === 'string' ? JSON.parse(x) : x) as T;

/**
 * What is stored of a merged event: everything but its sources, which are its reports' own words (kept
 * once, with the reports) and are put back when it is read (src/merge/coref.ts eventSources).
 */
export function eventHeader(e: MergedEvent): string {
  const { sources: _s, ...rest } = e;
  return JSON.stringify(rest);
}

/** What is stored of a figure: everything but its claims, kept once with the claims (src/merge/figures.ts figureClaims). */
export function figureHeader(f: Figure): string {
  const { claims: _c, ...rest } = f;
  return JSON.stringify(rest);
}

export class PictureSql {
  /** Document rows by content hash, within one transaction. */
  private readonly pkOf = new Map<string, number>();

  constructor(readonly dialect: Dialect) {}

  /** Forget what one transaction learnt (a rolled-back transaction's rows never existed). */
  reset(): void {
    this.pkOf.clear();
  }

  /** Documents as items refer to them, by content hash: items are stored without them (see `slim`). */
  private readonly refs = new Map<string, DocRef>();

  /** An item as stored: its document by key only (the document is stored once, in pic_docs.ref). */
  slim(item: { doc: DocRef }): string {
    return JSON.stringify({ ...item, doc: item.doc.key });
  }

  /** Items read back with their documents. */
  private *hydrate<T extends { doc: DocRef }>(rows: readonly Row[]): Sql<{ row: Row; item: T }[]> {
    const parsed = rows.map((row) => ({ row, raw: parse<Omit<T, 'doc'> & { doc: string }>(row.data) }));
    const missing = [...new Set(parsed.map((p) => p.raw.doc).filter((k) => !this.refs.has(k)))];
    if (missing.length) {
      if (this.refs.size > 50_000) this.refs.clear();
      for (let i = 0; i < missing.length; i += 500) {
        for (const r of yield* all<{ key: string; ref: string }>(`SELECT key, ref FROM pic_docs WHERE ${this.in('key')}`, [this.list(missing.slice(i, i + 500))])) {
          this.refs.set(r.key, parse<DocRef>(r.ref));
        }
      }
    }
    return parsed.map((p) => ({ row: p.row, item: { ...p.raw, doc: this.refs.get(p.raw.doc)! } as unknown as T }));
  }

  private *reportRows(rows: readonly Row[], cached?: ReadonlyMap<string, ReportRow>): Sql<ReportRow[]> {
    return yield* this.unlessCached(rows, cached, function* (this: PictureSql, todo: readonly Row[]) {
      return (yield* this.hydrate<ReportItem>(todo)).map(({ row, item }) => ({ item, seed: str(row.seed), reason: str(row.reason) }));
    });
  }

  private *claimRows(rows: readonly Row[], cached?: ReadonlyMap<string, ClaimRow>): Sql<ClaimRow[]> {
    return yield* this.unlessCached(rows, cached, function* (this: PictureSql, todo: readonly Row[]) {
      return (yield* this.hydrate<ClaimItem>(todo)).map(({ row, item }) => ({ item, seed: str(row.seed) }));
    });
  }

  /**
   * Rows made items, except those the caller already holds (`cached`, by the row's `key`): the engine's own
   * copy of an item wins over the stored one anyway (it may be newer), and the neighbourhoods of the items
   * one document changes overlap, so most rows a decision reads were read, and parsed, by the one before.
   */
  private *unlessCached<R>(rows: readonly Row[], cached: ReadonlyMap<string, R> | undefined, make: (this: PictureSql, rows: readonly Row[]) => Sql<R[]>): Sql<R[]> {
    if (!cached || cached.size === 0) return yield* make.call(this, rows);
    const out: R[] = new Array<R>(rows.length);
    const todo: Row[] = [];
    const at: number[] = [];
    for (const [i, row] of rows.entries()) {
      const c = row.key === undefined ? undefined : cached.get(String(row.key));
      if (c) out[i] = c;
      else {
        at.push(i);
        todo.push(row);
      }
    }
    if (todo.length) for (const [j, r] of (yield* make.call(this, todo)).entries()) out[at[j]!] = r;
    if (profiling) {
      const t = ((globalThis as { __picStats?: Record<string, number> }).__picStats ??= {});
      t['rows parsed'] = (t['rows parsed'] ?? 0) + todo.length;
      t['rows held already'] = (t['rows held already'] ?? 0) + rows.length - todo.length;
    }
    return out;
  }

  private *controlRows(rows: readonly Row[]): Sql<ControlItem[]> {
    return (yield* this.hydrate<ControlItem>(rows)).map(({ item }) => item);
  }

  /** `col IN (list)` for a list given as one parameter. */
  in(col: string): string {
    return this.dialect === 'sqlite' ? `${col} IN (SELECT value FROM json_each(?))` : `${col} = ANY(?::text[])`;
  }

  list(values: readonly string[]): unknown {
    return this.dialect === 'sqlite' ? JSON.stringify(values) : [...values];
  }

  *lock(cells: readonly number[]): Sql<void> {
    if (this.dialect === 'postgres' && cells.length) yield { kind: 'lock', sql: '', params: [...cells] };
  }

  *state(): Sql<string> {
    const rows = yield* all<{ key: string; value: string }>(`SELECT key, value FROM pic_meta`);
    const m = new Map(rows.map((r) => [r.key, r.value]));
    if (m.get('version') !== PICTURE_VERSION) return 'stale';
    return m.get('state') ?? 'ok';
  }

  /** Note a change to the picture (readers caching it read again). */
  *bump(): Sql<void> {
    if (this.dialect === 'sqlite') yield* exec(`UPDATE pic_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'`);
    else yield* all(`SELECT nextval('pic_generation')`);
  }

  /** Changes to the picture so far: equal numbers, the same picture. */
  *generation(): Sql<string> {
    const [r] =
      this.dialect === 'sqlite'
        ? yield* all<{ v: unknown }>(`SELECT value AS v FROM pic_meta WHERE key = 'generation'`)
        : yield* all<{ v: unknown }>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM pic_generation`);
    return String(r?.v ?? '0');
  }

  *setState(state: string): Sql<void> {
    yield* this.bump();
    yield* exec(`UPDATE pic_meta SET value = ? WHERE key = 'state'`, [state]);
    yield* exec(`UPDATE pic_meta SET value = ? WHERE key = 'version'`, [PICTURE_VERSION]);
  }

  /** Empty every picture table (before a rebuild). */
  *clear(): Sql<void> {
    for (const t of ['pic_control', 'pic_controls', 'pic_event_actors', 'pic_event_outlets', 'pic_events', 'pic_figures', 'pic_claims', 'pic_reports', 'pic_mentions', 'pic_place_names', 'pic_place_refs', 'pic_places', 'pic_docs']) {
      yield* exec(`DELETE FROM ${t}`);
    }
    if (this.dialect === 'sqlite') for (const t of ['pic_reports_box', 'pic_events_box', 'pic_claims_box', 'pic_figures_box']) yield* exec(`DELETE FROM ${t}`);
    this.pkOf.clear();
  }

  private *docPk(docKey: string): Sql<number | null> {
    const known = this.pkOf.get(docKey);
    if (known !== undefined) return known;
    const [r] = yield* all<{ doc: unknown }>(`SELECT doc FROM pic_docs WHERE key = ?`, [docKey]);
    if (!r) return null;
    this.pkOf.set(docKey, num(r.doc));
    return num(r.doc);
  }

  // ---- documents, places, mentions ----

  *insertDoc(pk: number | string, items: DocItems): Sql<void> {
    const { doc } = items;
    const data = { doc, title: items.title, url: items.url, publishedFrom: items.publishedFrom, layers: items.layers };
    yield* exec(`INSERT INTO pic_docs (doc, key, id, outlet, day, sort_key, ref, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      pk, doc.key, doc.id, doc.outlet, doc.day, documentSortKey(doc), JSON.stringify(doc), JSON.stringify(data),
    ]);
    this.refs.set(doc.key, doc);
    this.pkOf.set(doc.key, num(pk));
    for (const p of items.places) yield* exec(`INSERT INTO pic_place_refs (place_key, doc) VALUES (?, ?) ON CONFLICT DO NOTHING`, [p.key, pk]);
    for (const [i, m] of items.mentions.entries()) {
      yield* exec(`INSERT INTO pic_mentions (doc, ord, place_key, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)`, [pk, i, m.placeKey, m.start, m.end, m.text]);
      const n = normName(m.text);
      if (n) yield* exec(`INSERT INTO pic_place_names (norm, place_key) VALUES (?, ?) ON CONFLICT DO NOTHING`, [n, m.placeKey]);
    }
  }

  *docItems(docKey: string): Sql<DocItems | null> {
    const [d] = yield* all<{ doc: unknown; data: string }>(`SELECT doc, data FROM pic_docs WHERE key = ?`, [docKey]);
    if (!d) return null;
    const pk = num(d.doc);
    const head = parse<Pick<DocItems, 'doc' | 'title' | 'url' | 'publishedFrom' | 'layers'>>(d.data);
    const reports = (yield* this.reportRows(yield* all<Row>(`SELECT seed, reason, data FROM pic_reports WHERE doc = ? ORDER BY key`, [pk]))).map((r) => r.item);
    const claims = (yield* this.claimRows(yield* all<Row>(`SELECT seed, data FROM pic_claims WHERE doc = ? ORDER BY key`, [pk]))).map((r) => r.item);
    const controls = yield* this.controlRows(yield* all<Row>(`SELECT data FROM pic_controls WHERE doc = ? ORDER BY key`, [pk]));
    const mentions: MentionItem[] = (yield* all<Row>(`SELECT place_key, span_start, span_end, text FROM pic_mentions WHERE doc = ? ORDER BY ord`, [pk])).map((m) => ({
      doc: head.doc.key, documentId: head.doc.id, outlet: head.doc.outlet, placeKey: String(m.place_key), start: num(m.span_start), end: num(m.span_end), text: String(m.text),
    }));
    const places = (yield* all<Row>(`SELECT p.* FROM pic_place_refs r JOIN pic_places p ON p.key = r.place_key WHERE r.doc = ? ORDER BY p.key`, [pk])).map(placeRow);
    return { ...head, places, mentions, reports, claims, controls };
  }

  *deleteDoc(docKey: string): Sql<void> {
    const pk = yield* this.docPk(docKey);
    if (pk === null) return;
    const keys = (yield* all<{ place_key: string }>(`SELECT place_key FROM pic_place_refs WHERE doc = ?`, [pk])).map((r) => r.place_key);
    for (const t of ['pic_mentions', 'pic_place_refs', 'pic_reports', 'pic_claims', 'pic_controls']) yield* exec(`DELETE FROM ${t} WHERE doc = ?`, [pk]);
    yield* exec(`DELETE FROM pic_docs WHERE doc = ?`, [pk]);
    this.pkOf.delete(docKey);
    this.refs.delete(docKey);
    if (keys.length) {
      yield* exec(`DELETE FROM pic_places WHERE ${this.in('key')} AND NOT EXISTS (SELECT 1 FROM pic_place_refs r WHERE r.place_key = pic_places.key)`, [this.list(keys)]);
      yield* exec(`DELETE FROM pic_place_names WHERE ${this.in('place_key')} AND NOT EXISTS (SELECT 1 FROM pic_places p WHERE p.key = pic_place_names.place_key)`, [this.list(keys)]);
    }
  }

  *places(keys: readonly string[]): Sql<PlaceRow[]> {
    if (keys.length === 0) return [];
    return (yield* all<Row>(`SELECT * FROM pic_places WHERE ${this.in('key')}`, [this.list([...new Set(keys)])])).map(placeRow);
  }

  *placesIn(country: string, lat0: number, lat1: number, lon0: number, lon1: number): Sql<PlaceRow[]> {
    return (yield* all<Row>(`SELECT * FROM pic_places WHERE country = ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?`, [country, lat0, lat1, lon0, lon1])).map(placeRow);
  }

  *savePlaces(rows: readonly PlaceRow[]): Sql<void> {
    for (const p of rows) {
      yield* exec(
        `INSERT INTO pic_places (key, entity, ord_key, norm, name, lat, lon, country, admin1, kind, geoname_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET entity = excluded.entity`,
        [p.key, p.entity, placeOrder(p), normName(p.name), p.name, p.lat, p.lon, p.country, p.admin1, p.kind, p.geonameId],
      );
    }
  }

  *entityKeys(entities: readonly string[]): Sql<PlaceRow[]> {
    if (entities.length === 0) return [];
    return (yield* all<Row>(`SELECT * FROM pic_places WHERE ${this.in('entity')} ORDER BY key`, [this.list(entities)])).map(placeRow);
  }

  // ---- event reports and merged events ----

  *insertReports(items: readonly ReportItem[]): Sql<void> {
    for (const r of items) {
      const pk = yield* this.docPk(r.doc.key);
      const placed = r.location && validCoordinates(r.location.lat, r.location.lon) ? r.location : null;
      const [row] = yield* all<{ rid: unknown }>(
        `INSERT INTO pic_reports (key, doc, ord_key, seed, reason, lat, lon, sub_type, vague, tolled, place_key, data${this.dialect === 'postgres' ? ', bx' : ''})
         VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?${this.dialect === 'postgres' ? ', ' + this.boxSql() : ''}) RETURNING rid`,
        [r.key, pk, reportOrderOf(r), placed?.lat ?? null, placed?.lon ?? null, r.subType, vagueReport(r) ? 1 : 0, hasToll(r) ? 1 : 0, r.placeKey, this.slim(r), ...(this.dialect === 'postgres' ? this.reportBoxParams(r) : [])],
      );
      if (this.dialect === 'sqlite' && placed) {
        const fam = FAMILY_CODE[typeFamily(r.type)]!;
        const [d0, d1] = reportDays(r);
        yield* exec(`INSERT INTO pic_reports_box VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [num(row!.rid), d0, d1, placed.lat, placed.lat, placed.lon, placed.lon, fam, fam]);
      }
    }
  }

  /** `box(point(?, ?), point(?, ?))`, or NULL when the four parameters are null. */
  private boxSql(): string {
    return `CASE WHEN ?::float8 IS NULL THEN NULL ELSE box(point(?::float8, ?::float8), point(?::float8, ?::float8)) END`;
  }

  /** PostgreSQL: a report's box is (days) × (family × 1000 + latitude + 90). */
  private reportBoxParams(r: ReportItem): unknown[] {
    const l = r.location;
    if (!l || !validCoordinates(l.lat, l.lon)) return [null, null, null, null, null];
    const y = FAMILY_CODE[typeFamily(r.type)]! * 1000 + l.lat + 90;
    const [d0, d1] = reportDays(r);
    return [d0, d0, y, d1, y];
  }

  *reports(keys: readonly string[]): Sql<ReportRow[]> {
    if (keys.length === 0) return [];
    return (yield* this.reportRows(yield* all<Row>(`SELECT seed, reason, data FROM pic_reports WHERE ${this.in('key')}`, [this.list(keys)])));
  }

  /** The reports of one document. */
  *docReports(docKey: string): Sql<ReportRow[]> {
    const pk = yield* this.docPk(docKey);
    return (yield* this.reportRows(yield* all<Row>(`SELECT seed, reason, data FROM pic_reports WHERE doc = ?`, [pk])));
  }

  /**
   * Reports of other documents near `r` in time and place, of its type family (a superset of those it may
   * join). An undated report looks over all time. A dated one looks over its days ('own'), or at the
   * undated reports near it ('undated': at the end of time in the index; they come after it in canonical
   * order, so only the search for the reports its change may move needs them), or both ('all').
   */
  *reportCandidates(r: ReportItem, which: 'own' | 'undated' | 'all', cached?: ReadonlyMap<string, ReportRow>): Sql<ReportRow[]> {
    const pk = yield* this.docPk(r.doc.key);
    const l = r.location;
    if (!l || !validCoordinates(l.lat, l.lon)) return [];
    // A dated and an undated report are one event only with the same sub-type (merge/coref.ts undatedJoin),
    // and two undated reports never are: an undated report's query reads only dated reports of its sub-type.
    // Between two dated reports, a vague one (merge/coref.ts vagueReport) joins only its own sub-type: a vague
    // report reads only its sub-type, another leaves out the vague reports of other sub-types.
    // Between a dated and an undated report, both must give a death toll and name one place (samePlace: the
    // same place key, or points SAME_PLACE_KM apart at most): without a toll a report has no undated partner
    // to look for, and an undated report none at all; the others are looked for by place key and nearby.
    // `others`: reports of other sub-types are read too, when not vague; `undatedPair`: the pairs above.
    const windows: { d0: number; d1: number; others: boolean; undatedPair: boolean }[] = [];
    const toll = hasToll(r);
    if (!r.days) {
      if (toll) windows.push({ d0: -ALL_DAYS, d1: END_OF_TIME - 1, others: false, undatedPair: true });
    } else {
      if (which !== 'undated') windows.push({ d0: dayNumber(r.days.start), d1: dayNumber(r.days.end), others: !vagueReport(r), undatedPair: false });
      if (which !== 'own' && toll) windows.push({ d0: END_OF_TIME, d1: ALL_DAYS, others: false, undatedPair: true });
    }
    const fam = FAMILY_CODE[typeFamily(r.type)]!;
    const rows = new Map<string, Row>();
    for (const { d0, d1, others, undatedPair } of windows) {
      const b = searchBox(l.lat, l.lon, undatedPair ? SAME_PLACE_KM : MAX_JOIN_KM);
      const sub = (others ? ' AND (p.sub_type = ? OR p.vague = 0)' : ' AND p.sub_type = ?') + (undatedPair ? ' AND p.tolled = 1' : '');
      const found =
        this.dialect === 'sqlite'
          ? yield* all<Row>(
              `SELECT p.key, p.seed, p.reason, p.data FROM pic_reports_box x JOIN pic_reports p ON p.rid = x.rid
               WHERE x.d0 <= ? AND x.d1 >= ? AND x.lat0 <= ? AND x.lat1 >= ? AND x.lon0 <= ? AND x.lon1 >= ? AND x.fam0 <= ? AND x.fam1 >= ? AND p.doc <> ?${sub}`,
              [d1, d0, b.lat1, b.lat0, b.lon1, b.lon0, fam, fam, pk, r.subType],
            )
          : yield* all<Row>(
              `SELECT p.key, p.seed, p.reason, p.data FROM pic_reports p
               WHERE p.bx && box(point(?::float8, ?::float8), point(?::float8, ?::float8)) AND p.lon BETWEEN ? AND ? AND p.doc <> ?${sub}`,
              [d0, fam * 1000 + b.lat0 + 90, d1, fam * 1000 + b.lat1 + 90, b.lon0, b.lon1, pk, r.subType],
            );
      if (undatedPair && r.placeKey) {
        // The same place key, wherever its points lie; dated or undated as the window says (placed only).
        // Those well inside the box were found above (a margin, as the R*Tree keeps 32-bit coordinates):
        // at a busy place the key alone matches hundreds of reports, and reading them again cost more than
        // the rest of the report's decision.
        const dated = d0 < END_OF_TIME;
        const m = 0.001;
        const inside = [b.lat0 + m, b.lat1 - m, b.lon0 + m, b.lon1 - m];
        found.push(
          ...(this.dialect === 'sqlite'
            ? yield* all<Row>(
                `SELECT p.key, p.seed, p.reason, p.data FROM pic_reports p JOIN pic_reports_box x ON x.rid = p.rid
                 WHERE p.place_key = ? AND NOT (p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?) AND p.doc <> ? AND p.sub_type = ? AND p.tolled = 1 AND x.d0 ${dated ? '<' : '>='} ?`,
                [r.placeKey, ...inside, pk, r.subType, END_OF_TIME],
              )
            : yield* all<Row>(
                `SELECT p.key, p.seed, p.reason, p.data FROM pic_reports p
                 WHERE p.place_key = ? AND NOT (p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?) AND p.doc <> ? AND p.sub_type = ? AND p.tolled = 1 AND p.bx IS NOT NULL AND (p.bx[1])[0] ${dated ? '<' : '>='} ?`,
                [r.placeKey, ...inside, pk, r.subType, END_OF_TIME],
              )),
        );
      }
      for (const row of found) rows.set(String(row.key), row);
    }
    return yield* this.reportRows([...rows.values()], cached);
  }

  *clusterMembers(seeds: readonly string[], cached?: ReadonlyMap<string, ReportRow>): Sql<ReportRow[]> {
    if (seeds.length === 0) return [];
    return (yield* this.reportRows(yield* all<Row>(`SELECT key, seed, reason, data FROM pic_reports WHERE ${this.in('seed')}`, [this.list(seeds)]), cached));
  }

  *setReport(key: string, seed: string | null, reason: string | null): Sql<void> {
    yield* exec(`UPDATE pic_reports SET seed = ?, reason = ? WHERE key = ?`, [seed, reason, key]);
  }

  *deleteReports(keys: readonly string[]): Sql<void> {
    if (keys.length === 0) return;
    if (this.dialect === 'sqlite') yield* exec(`DELETE FROM pic_reports_box WHERE rid IN (SELECT rid FROM pic_reports WHERE ${this.in('key')})`, [this.list(keys)]);
    yield* exec(`DELETE FROM pic_reports WHERE ${this.in('key')}`, [this.list(keys)]);
  }

  *replaceEvents(seeds: readonly string[], events: readonly MergedEvent[]): Sql<RemovedEvent[]> {
    const removed: RemovedEvent[] = [];
    if (seeds.length) {
      const old = yield* all<{ eid: unknown; place_key: string | null; territory: unknown }>(`SELECT eid, place_key, territory FROM pic_events WHERE ${this.in('seed')}`, [this.list(seeds)]);
      for (const o of old) removed.push({ placeKey: o.place_key, territory: num(o.territory) === 1 });
      if (old.length) {
        const eids = old.map((o) => String(num(o.eid)));
        if (this.dialect === 'sqlite') yield* exec(`DELETE FROM pic_events_box WHERE ${this.in('eid')}`, [this.list(eids)]);
        yield* exec(`DELETE FROM pic_event_actors WHERE ${this.inInt('eid')}`, [this.intList(eids)]);
        yield* exec(`DELETE FROM pic_event_outlets WHERE ${this.inInt('eid')}`, [this.intList(eids)]);
        yield* exec(`DELETE FROM pic_events WHERE ${this.inInt('eid')}`, [this.intList(eids)]);
      }
    }
    for (const e of events) {
      const l = e.location && validCoordinates(e.location.lat, e.location.lon) ? e.location : null;
      const d0 = e.date ? dayNumber(e.date.start) : -ALL_DAYS;
      const d1 = e.date ? dayNumber(e.date.end) : ALL_DAYS;
      const lat = l?.lat ?? NO_PLACE;
      const lon = l?.lon ?? NO_PLACE;
      const [row] = yield* all<{ eid: unknown }>(
        `INSERT INTO pic_events (seed, id, sort_key, date_start, date_end, type, sub_type, certainty, country, lat, lon, place_key, territory, data${this.dialect === 'postgres' ? ', bx' : ''})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${this.dialect === 'postgres' ? ', box(point(?::float8, ?::float8), point(?::float8, ?::float8))' : ''}) RETURNING eid`,
        [
          e.members[0], e.id, eventSortKey(e), e.date?.start ?? null, e.date?.end ?? null, e.type, e.subType, e.certainty,
          l?.country ?? null, l?.lat ?? null, l?.lon ?? null, e.placeKey, e.territory ? 1 : 0, eventHeader(e),
          ...(this.dialect === 'postgres' ? [d0, lat, d1, lat] : []),
        ],
      );
      const eid = num(row!.eid);
      if (this.dialect === 'sqlite') yield* exec(`INSERT INTO pic_events_box VALUES (?, ?, ?, ?, ?, ?, ?)`, [eid, d0, d1, lat, lat, lon, lon]);
      for (const a of e.actors) {
        yield* exec(`INSERT INTO pic_event_actors (eid, name, alias) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [eid, foldActor(a.name), aliasGroup(a.name)]);
      }
      for (const o of new Set(e.sources.map((s) => outletKey(s.outlet)))) {
        yield* exec(`INSERT INTO pic_event_outlets (eid, outlet) VALUES (?, ?) ON CONFLICT DO NOTHING`, [eid, o]);
      }
    }
    return removed;
  }

  inInt(col: string): string {
    return this.dialect === 'sqlite' ? `${col} IN (SELECT value FROM json_each(?))` : `${col} = ANY(?::bigint[])`;
  }

  intList(values: readonly string[]): unknown {
    return this.dialect === 'sqlite' ? JSON.stringify(values.map(Number)) : [...values];
  }

  *eventsAt(placeKeys: readonly string[]): Sql<MergedEvent[]> {
    if (placeKeys.length === 0) return [];
    const heads = (yield* all<{ data: string }>(`SELECT data FROM pic_events WHERE territory = 1 AND ${this.in('place_key')} ORDER BY sort_key`, [this.list(placeKeys)])).map((r) => parse<Omit<MergedEvent, 'sources'>>(r.data));
    return yield* this.withSources(heads);
  }

  /** Put back the sources of stored events: their reports, read by the events' seeds. */
  *withSources<T extends Omit<MergedEvent, 'sources'>>(heads: readonly T[]): Sql<(T & { sources: MergedEvent['sources'] })[]> {
    const bySeed = new Map<string, ReportItem[]>();
    const seeds = heads.map((h) => h.members[0]!);
    for (let i = 0; i < seeds.length; i += 500) {
      for (const r of yield* this.clusterMembers(seeds.slice(i, i + 500))) bySeed.set(r.seed!, [...(bySeed.get(r.seed!) ?? []), r.item]);
    }
    return heads.map((h) => ({ ...h, sources: eventSources(bySeed.get(h.members[0]!) ?? []) }));
  }

  /** Put back the claims of stored figures. */
  *withClaims<T extends Omit<Figure, 'claims'>>(heads: readonly T[]): Sql<(T & { claims: Figure['claims'] })[]> {
    const bySeed = new Map<string, ClaimItem[]>();
    const seeds = heads.map((h) => h.members[0]!);
    for (let i = 0; i < seeds.length; i += 500) {
      for (const r of yield* this.groupMembers(seeds.slice(i, i + 500))) bySeed.set(r.seed!, [...(bySeed.get(r.seed!) ?? []), r.item]);
    }
    return heads.map((h) => ({ ...h, claims: figureClaims(bySeed.get(h.members[0]!) ?? []) }));
  }

  // ---- figure claims and figures ----

  *insertClaims(items: readonly ClaimItem[]): Sql<void> {
    for (const c of items) {
      const pk = yield* this.docPk(c.doc.key);
      const p = c.place;
      // An undated toll meets no other document's by period (src/merge/figures.ts): it needs no place in the index.
      const indexed = !!p && (!!c.period || !isEventCount(c.predicate));
      const code = thingCode(c.thing);
      // An undated claim of an undated document comes after every dated document's claims (claimOrder):
      // it sits at the end of time, where only the queries that may need it look (claimBox).
      const d0 = c.period ? dayNumber(c.period.start) : c.doc.day === null ? END_OF_TIME : -ALL_DAYS;
      const d1 = c.period ? dayNumber(c.period.end) : ALL_DAYS;
      const [row] = yield* all<{ cid: unknown }>(
        `INSERT INTO pic_claims (key, doc, ord_key, seed, thing, report, lat, lon, data${this.dialect === 'postgres' ? ', bx' : ''})
         VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?${this.dialect === 'postgres' ? ', ' + this.boxSql() : ''}) RETURNING cid`,
        [
          c.key, pk, claimOrderOf(c), c.thing, c.report, p?.lat ?? null, p?.lon ?? null, this.slim(c),
          ...(this.dialect === 'postgres' ? (p && indexed ? [d0, d0, code * 1000 + p.lat + 90, d1, code * 1000 + p.lat + 90] : [null, null, null, null, null]) : []),
        ],
      );
      if (this.dialect === 'sqlite' && indexed) yield* exec(`INSERT INTO pic_claims_box VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [num(row!.cid), d0, d1, p.lat, p.lat, p.lon, p.lon, code, code]);
    }
  }

  *claims(keys: readonly string[]): Sql<ClaimRow[]> {
    if (keys.length === 0) return [];
    return (yield* this.claimRows(yield* all<Row>(`SELECT seed, data FROM pic_claims WHERE ${this.in('key')}`, [this.list(keys)])));
  }

  /** The claims of one document. */
  *docClaims(docKey: string): Sql<ClaimRow[]> {
    const pk = yield* this.docPk(docKey);
    return (yield* this.claimRows(yield* all<Row>(`SELECT seed, data FROM pic_claims WHERE doc = ?`, [pk])));
  }

  /**
   * The index part of a claims query: other documents' claims about the same counted thing near `c` in time
   * and place. With `endOfTime`, the undated claims of undated documents too (when `c` is dated they lie
   * outside its days, and they come after it in canonical order: only a query for later claims, or one for
   * an undated document's claim, needs them).
   */
  private claimBox(c: ClaimItem, pk: number | null, endOfTime: boolean): { from: string; where: string; params: unknown[] }[] {
    const p = c.place;
    if (!p || (!c.period && isEventCount(c.predicate))) return [];
    const b = searchBox(p.lat, p.lon, SAME_NAME_KM);
    // Claims about one quantity may be this many days apart (src/merge/figures.ts); an undated one may meet any date.
    const slack = periodSlack(c.predicate);
    const windows: [number, number][] = [[c.period ? dayNumber(c.period.start) - slack : -ALL_DAYS, c.period ? dayNumber(c.period.end) + slack : ALL_DAYS]];
    if (endOfTime && c.period) windows.push([END_OF_TIME, ALL_DAYS]);
    const code = thingCode(c.thing);
    return windows.map(([d0, d1]) =>
      this.dialect === 'sqlite'
        ? {
            from: `pic_claims_box x JOIN pic_claims p ON p.cid = x.cid`,
            where: `x.d0 <= ? AND x.d1 >= ? AND x.lat0 <= ? AND x.lat1 >= ? AND x.lon0 <= ? AND x.lon1 >= ? AND x.code0 <= ? AND x.code1 >= ? AND p.thing = ? AND p.doc <> ?`,
            params: [d1, d0, b.lat1, b.lat0, b.lon1, b.lon0, code, code, c.thing, pk],
          }
        : {
            from: `pic_claims p`,
            where: `p.bx && box(point(?::float8, ?::float8), point(?::float8, ?::float8)) AND p.lon BETWEEN ? AND ? AND p.thing = ? AND p.doc <> ?`,
            params: [d0, code * 1000 + b.lat0 + 90, d1, code * 1000 + b.lat1 + 90, b.lon0, b.lon1, c.thing, pk],
          },
    );
  }

  /** `col` compared byte-wise (the canonical orders are compared as JavaScript compares them). */
  private ord(col: string): string {
    return this.dialect === 'postgres' ? `${col} COLLATE "C"` : col;
  }

  /**
   * Claims of other documents about the same counted thing near `c` in time and place, that come after
   * `sel.after` in canonical order. With `sel.seed`, only those whose decision a move may change
   * (src/store/picture/engine.ts mayMove, which decides exactly; this is a superset of what it keeps): not
   * decided yet, heading their own figure, in figure `seed.old`, in no figure still stored, or in a
   * figure whose first claim's order compares to `seed.order` by `seed.op`. A standing count from an
   * undated document sits beside every count of its kind at its place; it is read only when it may move.
   */
  *claimCandidates(c: ClaimItem, sel: { after: string; seed?: { op: '>' | '=' | '>='; order: string; old: string | null } | null }, cached?: ReadonlyMap<string, ClaimRow>): Sql<ClaimRow[]> {
    const pk = yield* this.docPk(c.doc.key);
    const rows: Row[] = [];
    for (const q of this.claimBox(c, pk, true)) {
      let where = `${q.where} AND ${this.ord('p.ord_key')} > ?`;
      const params = [...q.params, sel.after];
      let join = '';
      if (sel.seed) {
        join = ' LEFT JOIN pic_claims s ON s.key = p.seed';
        where += ` AND (p.seed IS NULL OR p.seed = p.key OR p.seed = ? OR s.cid IS NULL OR ${this.ord('s.ord_key')} ${sel.seed.op} ?)`;
        params.push(sel.seed.old ?? '', sel.seed.order);
      }
      rows.push(...(yield* all<Row>(`SELECT p.key, p.seed, p.data FROM ${q.from}${join} WHERE ${where}`, params)));
    }
    return yield* this.claimRows(rows, cached);
  }

  /**
   * The figures of the claims of other documents about the same counted thing near `c`, before `before`
   * in canonical order: their seeds with their first claim's order. Only keys are read (no claim is parsed),
   * so a claim that may sit beside every count of its kind at its place costs little to place. A seed's
   * order is its claim's (`ord_key` never changes): taken from the claims the caller holds (`held`), and
   * only for the others read from the table (joining every candidate row to its seed's row cost 40% of the
   * query); a seed no longer stored is no figure, as with a join.
   */
  *candidateFigures(c: ClaimItem, before: string, held?: ReadonlyMap<string, ClaimRow>): Sql<{ seed: string; order: string }[]> {
    const pk = yield* this.docPk(c.doc.key);
    const seeds = new Set<string>();
    // Claims before a dated document's claim are all of dated documents: none lies at the end of time.
    for (const q of this.claimBox(c, pk, c.doc.day === null)) {
      for (const r of yield* all<{ seed: string }>(`SELECT DISTINCT p.seed AS seed FROM ${q.from} WHERE ${q.where} AND ${this.ord('p.ord_key')} < ? AND p.seed IS NOT NULL`, [...q.params, before])) {
        seeds.add(String(r.seed));
      }
    }
    const out = new Map<string, string>();
    const missing: string[] = [];
    for (const s of seeds) {
      const h = held?.get(s);
      if (h) out.set(s, claimOrderOf(h.item));
      else missing.push(s);
    }
    if (missing.length) {
      for (const r of yield* all<{ key: string; ord_key: string }>(`SELECT key, ord_key FROM pic_claims WHERE ${this.in('key')}`, [this.list(missing)])) out.set(String(r.key), String(r.ord_key));
    }
    return [...seeds].filter((s) => out.has(s)).map((seed) => ({ seed, order: out.get(seed)! }));
  }

  *claimsOfReports(reportKeys: readonly string[], cached?: ReadonlyMap<string, ClaimRow>): Sql<ClaimRow[]> {
    if (reportKeys.length === 0) return [];
    return (yield* this.claimRows(yield* all<Row>(`SELECT key, seed, data FROM pic_claims WHERE ${this.in('report')}`, [this.list(reportKeys)]), cached));
  }

  *groupMembers(seeds: readonly string[], cached?: ReadonlyMap<string, ClaimRow>): Sql<ClaimRow[]> {
    if (seeds.length === 0) return [];
    return (yield* this.claimRows(yield* all<Row>(`SELECT key, seed, data FROM pic_claims WHERE ${this.in('seed')}`, [this.list(seeds)]), cached));
  }

  *setClaim(key: string, seed: string | null): Sql<void> {
    yield* exec(`UPDATE pic_claims SET seed = ? WHERE key = ?`, [seed, key]);
  }

  *deleteClaims(keys: readonly string[]): Sql<void> {
    if (keys.length === 0) return;
    if (this.dialect === 'sqlite') yield* exec(`DELETE FROM pic_claims_box WHERE cid IN (SELECT cid FROM pic_claims WHERE ${this.in('key')})`, [this.list(keys)]);
    yield* exec(`DELETE FROM pic_claims WHERE ${this.in('key')}`, [this.list(keys)]);
  }

  *replaceFigures(seeds: readonly string[], figures: readonly Figure[]): Sql<void> {
    if (seeds.length) {
      if (this.dialect === 'sqlite') yield* exec(`DELETE FROM pic_figures_box WHERE fid IN (SELECT fid FROM pic_figures WHERE ${this.in('seed')})`, [this.list(seeds)]);
      yield* exec(`DELETE FROM pic_figures WHERE ${this.in('seed')}`, [this.list(seeds)]);
    }
    for (const f of figures) {
      const d0 = f.when ? dayNumber(f.when.start) : -ALL_DAYS;
      const d1 = f.when ? dayNumber(f.when.end) : ALL_DAYS;
      const lat = f.place?.lat ?? NO_PLACE;
      const lon = f.place?.lon ?? NO_PLACE;
      const [row] = yield* all<{ fid: unknown }>(
        `INSERT INTO pic_figures (seed, id, sort_key, when_start, when_end, lat, lon, data${this.dialect === 'postgres' ? ', bx' : ''})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?${this.dialect === 'postgres' ? ', box(point(?::float8, ?::float8), point(?::float8, ?::float8))' : ''}) RETURNING fid`,
        [f.members[0], f.id, figureSortKey(f), f.when?.start ?? null, f.when?.end ?? null, f.place?.lat ?? null, f.place?.lon ?? null, figureHeader(f), ...(this.dialect === 'postgres' ? [d0, lat, d1, lat] : [])],
      );
      if (this.dialect === 'sqlite') yield* exec(`INSERT INTO pic_figures_box VALUES (?, ?, ?, ?, ?, ?, ?)`, [num(row!.fid), d0, d1, lat, lat, lon, lon]);
    }
  }

  // ---- control ----

  *insertControls(items: readonly ControlItem[]): Sql<void> {
    for (const c of items) {
      const pk = yield* this.docPk(c.doc.key);
      yield* exec(`INSERT INTO pic_controls (key, doc, place_key, data) VALUES (?, ?, ?, ?)`, [c.key, pk, c.placeKey, this.slim(c)]);
    }
  }

  *controlsAt(placeKeys: readonly string[]): Sql<ControlItem[]> {
    if (placeKeys.length === 0) return [];
    return yield* this.controlRows(yield* all<Row>(`SELECT data FROM pic_controls WHERE ${this.in('place_key')}`, [this.list(placeKeys)]));
  }

  *deleteControls(keys: readonly string[]): Sql<void> {
    if (keys.length === 0) return;
    yield* exec(`DELETE FROM pic_controls WHERE ${this.in('key')}`, [this.list(keys)]);
  }

  /** Write a place's control history, touching only the changes that differ from what is stored. Returns how many rows were written. */
  *replaceControl(entity: string, history: readonly ControlChange[]): Sql<number> {
    const old = new Map((yield* all<{ ckey: string; sort_key: string; data: string }>(`SELECT ckey, sort_key, data FROM pic_control WHERE entity = ?`, [entity])).map((r) => [r.ckey, r]));
    let written = 0;
    for (const c of history) {
      const sortKey = controlSortKey(c);
      const data = JSON.stringify(c);
      const o = old.get(c.key);
      old.delete(c.key);
      if (o && o.sort_key === sortKey && o.data === data) continue;
      written++;
      yield* exec(`INSERT INTO pic_control (entity, ckey, sort_key, data) VALUES (?, ?, ?, ?) ON CONFLICT (entity, ckey) DO UPDATE SET sort_key = excluded.sort_key, data = excluded.data`, [entity, c.key, sortKey, data]);
    }
    for (const k of old.keys()) yield* exec(`DELETE FROM pic_control WHERE entity = ? AND ckey = ?`, [entity, k]);
    return written;
  }

  /** The stored data of the events and figures of these groups, to leave unchanged ones alone. */
  *eventData(seeds: readonly string[]): Sql<Map<string, string>> {
    if (seeds.length === 0) return new Map();
    return new Map((yield* all<{ seed: string; data: string }>(`SELECT seed, data FROM pic_events WHERE ${this.in('seed')}`, [this.list(seeds)])).map((r) => [r.seed, r.data]));
  }

  *figureData(seeds: readonly string[]): Sql<Map<string, string>> {
    if (seeds.length === 0) return new Map();
    return new Map((yield* all<{ seed: string; data: string }>(`SELECT seed, data FROM pic_figures WHERE ${this.in('seed')}`, [this.list(seeds)])).map((r) => [r.seed, r.data]));
  }
}

export function placeRow(r: Row): PlaceRow {
  return {
    key: String(r.key),
    entity: String(r.entity),
    name: String(r.name),
    lat: num(r.lat),
    lon: num(r.lon),
    country: String(r.country),
    admin1: str(r.admin1),
    kind: String(r.kind) as PlaceKeyInfo['kind'],
    geonameId: r.geoname_id === null || r.geoname_id === undefined ? null : num(r.geoname_id),
  };
}


export { NeedLocks };
