/**
 * The events the desk lists, kept in the store (tables of migration 032): the picture's merged events with
 * every review laid over them, each with the columns and terms its filters compare, so that a page, a
 * count, the map's points and the facets are bounded queries on indexes — nothing read grows with the
 * whole store.
 *
 * The rows follow the picture through a queue: triggers on the picture's events table note each event id
 * that changed, and `sync` (run before each read, cheap when nothing changed) derives again the rows of
 * those events only. Reviewed events — those an override names, finds through its anchor, or merges
 * into — are derived together with every override whenever an override is added or one of them changes
 * (src/desk/reviews.ts applyOverrides, over those events alone: the work grows with the reviews, not the
 * store). After a rebuild the queue holds every event, and one pass over the picture in pages replaces
 * the rows.
 */
import type { ControlChange } from '../merge/control.js';
import { entityOf } from '../merge/places.js';
import type { PictureEvent, PictureReader } from '../merge/reader.js';
import { placeRow } from '../store/picture/sql.js';
import { EARTH_RADIUS_KM } from '../core/geo.js';
import { toEvent, type ReportEvent } from '../report/model.js';
import type { Store } from '../store/types.js';
import { deskDb, type DeskDb, type Guard, type Row, type Stmt } from './event-db.js';
import { eventKeys, words, type EventFilter } from './filter.js';
import { applyOverrides, type Override, type SourceRef } from './reviews.js';
import type { DeskData } from './types.js';

export const SORTS = ['date', '-date', 'deaths', '-deaths', 'outlets', '-outlets'] as const;
export type Sort = (typeof SORTS)[number];

export interface Near {
  lat: number;
  lon: number;
  radiusKm: number;
}

/** More changes than this at once (a rebuild): one pass over the whole picture instead of event by event. */
const FULL_PASS = 2000;
const PAGE = 500;
/** A page's count of matches is exact up to this many (or past the page's end, if further). */
export const COUNT_CAP = 1000;

/** The index (migration 034) that gives each sort's order, walked when many rows match. */
const SORT_INDEX: Record<Sort, string | null> = {
  date: 'desk_events_sort',
  '-date': 'desk_events_recent',
  '-deaths': 'desk_events_deaths',
  '-outlets': 'desk_events_outlets',
  deaths: 'desk_events_deaths_up',
  outlets: 'desk_events_outlets_up',
};

const EVENT_COLUMNS = ['id', 'base', 'reviewed', 'stamp', 'sort_key', 'date_start', 'date_end', 'lat', 'lon', 'place', 'precision', 'country', 'admin1', 'type', 'sub_type', 'certainty', 'deaths', 'corroboration', 'status'] as const;

/** The order of events: by start day (undated last), then id (as the picture orders them). */
const sortKey = (e: ReportEvent) => `${e.date?.start ?? '9999-99-99'}|${e.id}`;

interface Rows {
  event: Row;
  data: string;
  terms: Row[];
}

function rowsOf(e: ReportEvent, base: string, reviewed: boolean, stamp: number): Rows {
  const k = eventKeys(e);
  const l = e.location;
  const event: Row = {
    id: e.id,
    base,
    reviewed: reviewed ? 1 : 0,
    stamp,
    sort_key: sortKey(e),
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    lat: l?.lat ?? null,
    lon: l?.lon ?? null,
    place: l?.name ?? null,
    precision: l?.precision ?? null,
    country: l?.country ?? null,
    admin1: l?.admin1 ?? null,
    type: e.type,
    sub_type: e.subType,
    certainty: e.certainty,
    deaths: e.fatalities.best,
    corroboration: e.corroboration,
    status: k.status,
  };
  const terms = new Map<string, Row>();
  const add = (kind: string, term: string, label: string | null = null) => {
    if (term && term.length <= 200 && !terms.has(kind + '\u0000' + term)) terms.set(kind + '\u0000' + term, { kind, term, id: e.id, label });
  };
  for (const w of k.text.split(' ')) add('w', w);
  for (const w of k.actors.split(' ')) add('a', w);
  for (const o of e.outlets) add('o', o.toLowerCase(), o);
  for (const a of e.actors) add('n', a.name, a.name);
  return { event, data: JSON.stringify(e), terms: [...terms.values()] };
}

const num = (v: unknown) => Number(v);

/** The first string after every string that starts with `word` (the end of a prefix's range). */
const after = (word: string) => word.slice(0, -1) + String.fromCodePoint(word.codePointAt(word.length - 1)! + 1);

/** A word or outlet of at least this many rows is checked against rows another filter finds (EventTable.clause). */
const BROAD_TERM = 300;

export class EventTable {
  private syncing: Promise<void> | null = null;
  /**
   * Results of queries (counts, pages' keys, facets, timelines) for the rows as they are at `version`: the
   * same view asked by many clients is computed once. Every write to the rows bumps the stored version
   * (also another process's), and the first read that sees a new one empties this.
   */
  private readonly memo = new Map<string, unknown>();
  private version = '';
  private readonly memoOn = process.env.SITREP_DESK_NO_CACHE !== '1';

  constructor(
    readonly db: DeskDb,
    private readonly reader: () => PictureReader,
    private readonly desk: DeskData,
    /** More queued changes than this: one pass over the whole picture (tests lower it). */
    private readonly fullPassAt = FULL_PASS,
    /** The database is open read-only: the rows are read as writers left them (src/desk/keep-current.ts). */
    private readonly readOnly = false,
    /** A word or outlet of at least this many rows is checked, not used to find rows (tests lower it). */
    private readonly broadTerm = BROAD_TERM,
  ) {}

  // ---------------------------------------------------------------- keeping the rows up to date

  /**
   * Bring the rows up to date with the picture and the reviews (one at a time in this process). Read-only,
   * nothing is written: `behind` says changes are waiting for a writer, `unbuilt` that no writer has made
   * the rows since they were created or dropped by a migration (every event is waiting).
   */
  async sync(): Promise<'current' | 'behind' | 'unbuilt'> {
    while (this.syncing) await this.syncing;
    const [s] = await this.db.all(
      `SELECT (SELECT min(seq) FROM desk_changes) AS q, (SELECT coalesce(max(id), 0) FROM desk_overrides) AS o, (SELECT value FROM desk_meta WHERE key = 'overrides') AS m,
              (SELECT value FROM desk_meta WHERE key = 'version') AS v`,
    );
    if (String(s!.v) !== this.version) {
      this.memo.clear();
      this.version = String(s!.v);
    }
    if (s!.q == null && String(s!.o) === String(s!.m)) return 'current';
    if (this.readOnly) return String(s!.m) === '-1' ? 'unbuilt' : 'behind';
    this.syncing = this.syncOnce().finally(() => (this.syncing = null));
    await this.syncing;
    return 'current';
  }

  private async meta(): Promise<{ overrides: number; stamp: number; orphans: number }> {
    const m = new Map((await this.db.all<{ key: string; value: string }>(`SELECT key, value FROM desk_meta`)).map((r) => [r.key, Number(r.value)]));
    return { overrides: m.get('overrides') ?? -1, stamp: m.get('stamp') ?? 0, orphans: m.get('orphans') ?? 0 };
  }

  /** Write to the rows, and bump their version (what readers cached is stale). */
  private write(stmts: readonly Stmt[], guard: Guard): Promise<boolean> {
    const bump = this.db.dialect === 'sqlite' ? `CAST(CAST(value AS INTEGER) + 1 AS TEXT)` : `(value::bigint + 1)::text`;
    return this.db.write([...stmts, { sql: `UPDATE desk_meta SET value = ${bump} WHERE key = 'version'`, params: [] }], guard);
  }

  /** A query's result, kept while the rows stay at this version (at most 1000 kept). */
  private async cached<T>(key: unknown[], run: () => Promise<T>): Promise<T> {
    if (!this.memoOn) return run();
    const k = JSON.stringify(key);
    if (this.memo.has(k)) return this.memo.get(k) as T;
    const version = this.version;
    const v = await run();
    if (version === this.version) {
      if (this.memo.size >= 1000) this.memo.delete(this.memo.keys().next().value!);
      this.memo.set(k, v);
    }
    return v;
  }

  private setMeta(key: string, value: number): Stmt {
    return { sql: `UPDATE desk_meta SET value = ? WHERE key = ?`, params: [String(value), key] };
  }

  private deleteRows(col: 'id' | 'base', ids: readonly string[]): Stmt[] {
    if (!ids.length) return [];
    return [
      { sql: `DELETE FROM desk_event_terms WHERE rid IN (SELECT rid FROM desk_events WHERE ${this.db.in(col)})`, params: [this.db.list(ids)] },
      { sql: `DELETE FROM desk_event_data WHERE rid IN (SELECT rid FROM desk_events WHERE ${this.db.in(col)})`, params: [this.db.list(ids)] },
      { sql: `DELETE FROM desk_events WHERE ${this.db.in(col)}`, params: [this.db.list(ids)] },
    ];
  }

  private insert(rows: readonly Rows[]): Stmt[] {
    const out: Stmt[] = [];
    for (let i = 0; i < rows.length; i += PAGE) {
      const chunk = rows.slice(i, i + PAGE);
      // A split-off event's id may be an id the picture gives another event later: the reviewed row wins.
      out.push(...this.deleteRows('id', chunk.map((r) => String(r.event.id))));
      out.push(this.db.insertRows('desk_events', EVENT_COLUMNS, chunk.map((r) => r.event)));
      // Data and terms find their row's key through its id.
      out.push(this.db.insertJoined('desk_event_data', { data: 'text' }, chunk.map((r) => ({ id: r.event.id, data: r.data }))));
      const terms = chunk.flatMap((r) => r.terms);
      for (let j = 0; j < terms.length; j += 5000) out.push(this.db.insertJoined('desk_event_terms', { kind: 'text', term: 'text', label: 'text' }, terms.slice(j, j + 5000)));
    }
    return out;
  }

  private async syncOnce(): Promise<void> {
    const meta = await this.meta();
    const version = await this.desk.overridesVersion();
    const queue = await this.db.all<{ seq: unknown; event_id: string }>(`SELECT seq, event_id FROM desk_changes ORDER BY seq LIMIT ${this.fullPassAt + 1}`);
    if (queue.length > this.fullPassAt) return this.fullPass(meta, version);
    const changed = [...new Set(queue.map((q) => q.event_id))];
    const oldReviewed = await this.db.all<{ id: string; base: string }>(`SELECT id, base FROM desk_events WHERE reviewed = 1`);
    const overrides = version === 0 ? [] : await this.desk.overrides();
    const touched = new Set([...oldReviewed.map((r) => r.base), ...overrides.flatMap((o) => [o.eventId, ...(o.action === 'merge' ? [String(o.data.into)] : [])])]);
    const stmts: Stmt[] = [];
    let plain: string[];
    const redoReviews = version !== meta.overrides || meta.orphans > 0 || changed.some((id) => touched.has(id));
    if (redoReviews) {
      const r = await this.reviewed(overrides, meta.stamp);
      const covered = r.bases;
      const dropped = [...new Set(oldReviewed.map((x) => x.base))].filter((b) => !covered.has(b));
      plain = [...new Set([...changed, ...dropped])].filter((id) => !covered.has(id));
      stmts.push(...this.deleteRows('base', [...covered, ...dropped]), ...this.insert(r.rows), this.setMeta('overrides', version), this.setMeta('orphans', r.orphans));
    } else plain = changed.filter((id) => !touched.has(id));
    const rows: Rows[] = [];
    const gone: string[] = [];
    for (const id of plain) {
      const e = await this.reader().event(id);
      if (e) rows.push(rowsOf(toEvent(e), e.id, false, meta.stamp));
      else gone.push(id);
    }
    stmts.push(...this.deleteRows('base', [...plain]), ...this.insert(rows));
    const seqs = queue.map((q) => String(q.seq));
    if (seqs.length) stmts.push({ sql: `DELETE FROM desk_changes WHERE ${this.inSeq()}`, params: [this.seqList(seqs)] });
    // Nothing is written when another process consumed these changes or laid other reviews meanwhile.
    await this.write(stmts, {
      sql: `SELECT (SELECT count(*) FROM desk_changes WHERE ${this.inSeq()}) AS n, (SELECT value FROM desk_meta WHERE key = 'overrides') AS m`,
      params: [this.seqList(seqs)],
      ok: (r) => num(r[0]!.n) === seqs.length && num(r[0]!.m) === meta.overrides,
    });
  }

  private inSeq(): string {
    return this.db.dialect === 'sqlite' ? `seq IN (SELECT value FROM json_each(?))` : `seq = ANY(?::bigint[])`;
  }

  private inRid(): string {
    return this.db.dialect === 'sqlite' ? `rid IN (SELECT value FROM json_each(?))` : `rid = ANY(?::bigint[])`;
  }

  private seqList(seqs: readonly string[]): unknown {
    return this.intList(seqs);
  }

  private intList(values: readonly string[]): unknown {
    return this.db.dialect === 'sqlite' ? JSON.stringify(values.map(Number)) : [...values];
  }

  /** After a rebuild: every row again, the picture read in pages, each page written as it is read. */
  private async fullPass(meta: { overrides: number; stamp: number }, version: number): Promise<void> {
    const stamp = meta.stamp + 1;
    const [{ top }] = (await this.db.all(`SELECT max(seq) AS top FROM desk_changes`)) as [{ top: unknown }];
    const overrides = version === 0 ? [] : await this.desk.overrides();
    const r = await this.reviewed(overrides, stamp);
    const claim: Stmt[] = [this.setMeta('stamp', stamp)];
    const sameStamp = { sql: `SELECT value FROM desk_meta WHERE key = 'stamp'`, params: [], ok: (x: Row[]) => num(x[0]!.value) === meta.stamp };
    if (!(await this.write(claim, sameStamp))) return;
    const mine = { sql: sameStamp.sql, params: [], ok: (x: Row[]) => num(x[0]!.value) === stamp };
    if (!(await this.write([...this.deleteRows('base', [...r.bases]), ...this.insert(r.rows)], mine))) return;
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<PictureReader['events']>> = await this.reader().events({}, { after, limit: PAGE });
      const rows = page.items.filter((e) => !r.bases.has(e.id)).map((e) => rowsOf(toEvent(e), e.id, false, stamp));
      if (!(await this.write(this.insert(rows), mine))) return;
      after = page.next;
    } while (after);
    await this.write(
      [
        { sql: `DELETE FROM desk_event_terms WHERE rid IN (SELECT rid FROM desk_events WHERE stamp <> ?)`, params: [stamp] },
        { sql: `DELETE FROM desk_event_data WHERE rid IN (SELECT rid FROM desk_events WHERE stamp <> ?)`, params: [stamp] },
        { sql: `DELETE FROM desk_events WHERE stamp <> ?`, params: [stamp] },
        { sql: `DELETE FROM desk_changes WHERE seq <= ?`, params: [top] },
        this.setMeta('overrides', version),
        this.setMeta('orphans', r.orphans),
      ],
      mine,
    );
  }

  /** The events reviews touch, loaded one by one, with every override applied to them. */
  private async reviewed(overrides: readonly Override[], stamp: number): Promise<{ rows: Rows[]; bases: Set<string>; orphans: number }> {
    if (!overrides.length) return { rows: [], bases: new Set(), orphans: 0 };
    const loaded = new Map<string, PictureEvent>();
    const load = async (id: string, anchor: readonly SourceRef[]) => {
      if (loaded.has(id)) return;
      const e = await this.reader().event(id);
      if (e) loaded.set(e.id, e);
      else for (const a of await this.byAnchor(anchor)) loaded.set(a.id, a);
    };
    for (const o of overrides) {
      await load(o.eventId, o.anchor);
      if (o.action === 'merge') await load(String(o.data.into), []);
    }
    const events = [...loaded.values()].map(toEvent).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    const applied = applyOverrides(events, overrides);
    const base = new Map<string, string>();
    const rows = applied.events.map((e) => {
      const b = loaded.has(e.id) ? e.id : (base.get(e.review?.splitFrom ?? '') ?? e.review?.splitFrom ?? e.id);
      base.set(e.id, b);
      return rowsOf(e, b, true, stamp);
    });
    return { rows, bases: new Set(loaded.keys()), orphans: applied.orphans.length };
  }

  /** The picture's events holding these reports now (an override's event whose id changed). */
  private async byAnchor(anchor: readonly SourceRef[]): Promise<PictureEvent[]> {
    const out = new Map<string, PictureEvent>();
    const docs = [...new Set(anchor.map((a) => a.documentId))].slice(0, 20);
    for (const d of docs) {
      const reports = await this.db.all<{ key: string; data: unknown }>(`SELECT r.key, r.data FROM pic_reports r JOIN pic_docs d ON d.doc = r.doc WHERE d.id = ?`, [d]);
      for (const r of reports) {
        const item = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { start: number; end: number };
        if (!anchor.some((a) => a.documentId === d && a.start < item.end && item.start < a.end)) continue;
        const e = await this.reader().eventOfReport(r.key);
        if (e) out.set(e.id, e);
      }
    }
    return [...out.values()];
  }

  // ---------------------------------------------------------------- reading

  /**
   * The WHERE of a filter, planned: a word or outlet that many rows have is checked against the rows
   * another filter's index finds (country, type, certainty, period, area, outlets) instead of finding rows
   * itself — one lookup of a row per event that has the word would cost more than the index's range.
   */
  private async clause(f: EventFilter, near: Near | null, skip?: keyof EventFilter): Promise<{ sql: string; params: unknown[] }> {
    const on = (k: keyof EventFilter) => k !== skip && f[k] !== undefined;
    const indexed = near !== null || (['country', 'type', 'certainty', 'since', 'until', 'bbox', 'minOutlets'] as const).some(on);
    if (!indexed || this.db.dialect !== 'sqlite') return this.where(f, near, skip);
    const broad = new Set<string>();
    const probe = async (kind: string, lo: string, hi: string) => {
      const n = await this.cached(['term-rows', kind, lo, hi, this.broadTerm], async () =>
        num((await this.db.read(`SELECT count(*) AS n FROM (SELECT 1 FROM desk_event_terms WHERE kind = ? AND term >= ? AND term < ? LIMIT ?) x`, [kind, lo, hi, this.broadTerm]))[0]!.n),
      );
      if (n >= this.broadTerm) broad.add(`${kind}\u0000${lo}`);
    };
    if (on('actor')) for (const x of words(f.actor!).slice(0, 20)) await probe('a', x, after(x));
    if (on('q')) for (const x of words(f.q!).slice(0, 20)) await probe('w', x, after(x));
    if (on('outlet')) for (const o of f.outlet!.map((x) => x.toLowerCase())) await probe('o', o, o + '\u0000');
    return this.where(f, near, skip, broad);
  }

  /** The WHERE of a filter (`skip` leaves one filter out, for a facet's counts; `broad`: terms not to find rows by). */
  where(f: EventFilter, near: Near | null, skip?: keyof EventFilter, broad?: ReadonlySet<string>): { sql: string; params: unknown[] } {
    const w: string[] = [];
    const p: unknown[] = [];
    const on = (k: keyof EventFilter) => k !== skip && f[k] !== undefined;
    const review = on('review') ? f.review! : 'default';
    if (review === 'default') w.push(`d.status NOT IN ('rejected', 'merged')`);
    else if (review === 'reviewed') w.push(`d.status <> 'unreviewed'`);
    else if (review !== 'all') {
      w.push('d.status = ?');
      p.push(review);
    }
    const inList = (expr: string, values: readonly string[]) => {
      // One value: an equality, which the planner weighs by the index's statistics (a list it cannot).
      if (values.length === 1) {
        w.push(`${expr} = ?`);
        p.push(values[0]);
        return;
      }
      w.push(this.db.in(expr));
      p.push(this.db.list(values));
    };
    if (on('country')) inList('d.country', f.country!.map((c) => c.toUpperCase()));
    if (on('admin1')) inList('lower(d.admin1)', f.admin1!.map((x) => x.toLowerCase()));
    if (on('type')) inList('lower(d.type)', f.type!.map((x) => x.toLowerCase()));
    if (on('subType')) inList('lower(d.sub_type)', f.subType!.map((x) => x.toLowerCase()));
    if (on('certainty')) inList('lower(d.certainty)', f.certainty!.map((x) => x.toLowerCase()));
    if (on('outlet')) {
      const many = f.outlet!.some((o) => broad?.has(`o\u0000${o.toLowerCase()}`));
      w.push(`${many ? '+' : ''}d.rid IN (SELECT rid FROM desk_event_terms WHERE kind = 'o' AND ${this.db.in('term')})`);
      p.push(this.db.list(f.outlet!.map((x) => x.toLowerCase())));
    }
    if (on('minOutlets')) {
      w.push('d.corroboration >= ?');
      p.push(f.minOutlets);
    }
    if (on('since') || on('until')) {
      w.push('d.date_start IS NOT NULL', 'd.date_end >= ?', 'd.date_start <= ?');
      p.push((on('since') && f.since) || '0000-01-01', (on('until') && f.until) || '9999-12-31');
    }
    if (on('bbox')) {
      const [west, s, east, n] = f.bbox!;
      w.push('d.lat BETWEEN ? AND ?');
      p.push(s, n);
      // A box may cross the antimeridian (west > east).
      if (west <= east) w.push('d.lon BETWEEN ? AND ?');
      else w.push('(d.lon >= ? OR d.lon <= ?)');
      p.push(west, east);
    }
    if (near) {
      // The box around the circle narrows by the index; the distance (haversine, as src/merge/geo.ts km) decides.
      const dLat = near.radiusKm / 111.2;
      const dLon = Math.min(180, near.radiusKm / (111.2 * Math.max(0.01, Math.cos((near.lat * Math.PI) / 180))));
      w.push('d.lat BETWEEN ? AND ?');
      p.push(near.lat - dLat, near.lat + dLat);
      const least = this.db.dialect === 'sqlite' ? 'min' : 'least';
      w.push(`2 * ${EARTH_RADIUS_KM} * asin(${least}(1, sqrt(power(sin(radians(d.lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(d.lat)) * power(sin(radians(d.lon - ?) / 2), 2)))) <= ?`);
      p.push(near.lat, near.lat, near.lon, near.radiusKm);
      if (dLon < 180) {
        w.push('d.lon BETWEEN ? AND ?');
        p.push(near.lon - dLon, near.lon + dLon);
      }
    }
    const prefix = (kind: string, word: string) => {
      w.push(`${broad?.has(`${kind}\u0000${word}`) ? '+' : ''}d.rid IN (SELECT rid FROM desk_event_terms WHERE kind = '${kind}' AND term >= ? AND term < ?)`);
      p.push(word, after(word));
    };
    if (on('actor')) for (const x of words(f.actor!).slice(0, 20)) prefix('a', x);
    if (on('q')) for (const x of words(f.q!).slice(0, 20)) prefix('w', x);
    return { sql: w.length ? 'WHERE ' + w.join(' AND ') : '', params: p };
  }

  private order(sort: Sort): string {
    const dir = sort.startsWith('-') ? 'DESC' : 'ASC';
    if (sort === 'date') return 'd.sort_key';
    if (sort === '-date') return '(d.date_start IS NULL), d.sort_key DESC';
    if (sort.endsWith('deaths')) return `coalesce(d.deaths, -1) ${dir}, d.sort_key`;
    return `d.corroboration ${dir}, d.sort_key`;
  }

  async count(f: EventFilter, near: Near | null): Promise<number> {
    const w = await this.clause(f, near);
    return this.cached(['count', w.sql, w.params], async () => num((await this.db.read(`SELECT count(*) AS n FROM desk_events d ${w.sql}`, w.params))[0]!.n));
  }

  /**
   * How many events match, counted up to `cap`: the result is exact when below `cap`. Counting visits every
   * match, so a bounded count keeps a broad filter's page as cheap as a narrow one's.
   */
  async countUpTo(f: EventFilter, near: Near | null, cap: number): Promise<number> {
    const w = await this.clause(f, near);
    return this.cached(['countUpTo', w.sql, w.params, cap], async () =>
      num((await this.db.read(`SELECT count(*) AS n FROM (SELECT 1 FROM desk_events d ${w.sql} LIMIT ?) x`, [...w.params, cap]))[0]!.n),
    );
  }

  /** A page of matching events as JSON strings (as stored: no event is serialised again). */
  async page(f: EventFilter, near: Near | null, sort: Sort, limit: number, offset: number): Promise<string[]> {
    const w = await this.clause(f, near);
    // When many rows match, walking the sort's own index until the page is full beats sorting every match —
    // which SQLite's planner would do when a word or a list narrows first (PostgreSQL's weighs both). A
    // period sorted by date is read from the date index either way.
    let from = 'desk_events d';
    const index = SORT_INDEX[sort];
    const period = (f.since !== undefined || f.until !== undefined) && sort.endsWith('date');
    if (index && !period && this.db.dialect === 'sqlite' && w.sql) {
      const cap = Math.max(COUNT_CAP, offset + limit + 1);
      const [n, all] = await Promise.all([this.countUpTo(f, near, cap), this.cached(['rows'], async () => num((await this.db.read(`SELECT count(*) AS n FROM desk_events`))[0]!.n))]);
      if (n > offset + limit && n >= Math.min(cap, 0.05 * all)) from = `desk_events d INDEXED BY ${index}`;
    }
    // The page's keys from the small rows, then only those events' JSON.
    const rids = await this.cached(['page', w.sql, w.params, sort, limit, offset], async () =>
      (await this.db.read<{ rid: unknown }>(`SELECT d.rid FROM ${from} ${w.sql} ORDER BY ${this.order(sort)} LIMIT ? OFFSET ?`, [...w.params, limit, offset])).map((k) => String(k.rid)),
    );
    if (!rids.length) return [];
    const data = new Map((await this.db.read<{ rid: unknown; data: string }>(`SELECT rid, data FROM desk_event_data WHERE ${this.inRid()}`, [this.intList(rids)])).map((r) => [String(r.rid), r.data]));
    return rids.map((r) => data.get(r)!).filter((d) => d !== undefined);
  }

  /** Matching events in pages (exports): parsed, in the order asked for. */
  async *all(f: EventFilter, near: Near | null, sort: Sort = 'date'): AsyncGenerator<ReportEvent> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.page(f, near, sort, PAGE, offset);
      for (const d of page) yield JSON.parse(d) as ReportEvent;
      if (page.length < PAGE) return;
    }
  }

  /** The map's and timeline's fields of matching events, at most `limit`. */
  async points(f: EventFilter, near: Near | null, limit: number): Promise<Row[]> {
    const w = await this.clause(f, near);
    return this.db.read(
      `SELECT d.id, d.type, d.sub_type, d.date_start, d.date_end, d.lat, d.lon, d.precision, d.place, d.country, d.deaths, d.corroboration, d.status
       FROM desk_events d ${w.sql} ORDER BY d.sort_key LIMIT ?`,
      [...w.params, limit],
    );
  }

  /** Counts per value of one column, with every other filter applied. */
  async facet(col: 'country' | 'admin1' | 'type' | 'sub_type' | 'certainty', skip: keyof EventFilter, f: EventFilter, near: Near | null, limit: number): Promise<{ value: string; count: number }[]> {
    const w = await this.clause(f, near, skip);
    return this.cached(['facet', col, w.sql, w.params, limit], async () => {
      const rows = await this.db.read<{ v: string; n: unknown }>(
        `SELECT d.${col} AS v, count(*) AS n FROM desk_events d ${w.sql ? w.sql + ' AND' : 'WHERE'} d.${col} IS NOT NULL AND d.${col} <> '' GROUP BY d.${col} ORDER BY n DESC, v LIMIT ?`,
        [...w.params, limit],
      );
      return rows.map((r) => ({ value: r.v, count: num(r.n) }));
    });
  }

  /** Counts per term of a kind (o: outlets, n: actor names), with every other filter applied. */
  async termFacet(kind: 'o' | 'n', skip: keyof EventFilter | undefined, f: EventFilter, near: Near | null, limit: number): Promise<{ value: string; count: number }[]> {
    const w = await this.clause(f, near, skip);
    return this.cached(['terms', kind, w.sql, w.params, limit], async () => {
      const rows = await this.db.read<{ v: string; n: unknown }>(
        `SELECT max(t.label) AS v, count(*) AS n FROM desk_event_terms t JOIN desk_events d ON d.rid = t.rid ${w.sql ? w.sql + ' AND' : 'WHERE'} t.kind = ? GROUP BY t.term ORDER BY n DESC, v LIMIT ?`,
        [...w.params, kind, limit],
      );
      return rows.map((r) => ({ value: r.v, count: num(r.n) }));
    });
  }

  /** Matching dated events per day, week or month of their start (the timeline's bars). */
  async timeline(f: EventFilter, near: Near | null, bucket: 'day' | 'month' | 'year'): Promise<{ bucket: string; type: string; count: number; deaths: number }[]> {
    const w = await this.clause(f, near);
    const len = bucket === 'day' ? 10 : bucket === 'month' ? 7 : 4;
    return this.cached(['timeline', len, w.sql, w.params], async () => {
      const rows = await this.db.read<{ b: string; t: string; n: unknown; k: unknown }>(
        `SELECT substr(d.date_start, 1, ${len}) AS b, d.type AS t, count(*) AS n, coalesce(sum(d.deaths), 0) AS k FROM desk_events d
         ${w.sql ? w.sql + ' AND' : 'WHERE'} d.date_start IS NOT NULL GROUP BY substr(d.date_start, 1, ${len}), d.type ORDER BY b, t`,
        w.params,
      );
      return rows.map((r) => ({ bucket: r.b, type: r.t, count: num(r.n), deaths: num(r.k) }));
    });
  }

  /** One event by id (reviews applied), or null. */
  async event(id: string): Promise<ReportEvent | null> {
    const [r] = await this.db.all<{ data: string }>(`SELECT x.data FROM desk_events d JOIN desk_event_data x ON x.rid = d.rid WHERE d.id = ?`, [id]);
    return r ? (JSON.parse(r.data) as ReportEvent) : null;
  }

  /** The picture event a row comes from (a split-off event: its parent), or null. */
  async baseOf(id: string): Promise<string | null> {
    const [r] = await this.db.all<{ base: string }>(`SELECT base FROM desk_events WHERE id = ?`, [id]);
    return r ? r.base : null;
  }

  /** The last publication day of any document (the day of the latest developments), or null. */
  async latestDay(): Promise<string | null> {
    const [r] = await this.db.all<{ d: string | null }>(`SELECT max(day) AS d FROM pic_docs`);
    return r?.d ?? null;
  }

  /**
   * Places whose control changed, in these countries and this box, each with its history: the picture's
   * control histories read by place, at most `limit` places.
   */
  async controlPlaces(countries: readonly string[] | null, bbox: readonly [number, number, number, number] | null, limit = 2000): Promise<{ id: string; name: string; lat: number; lon: number; country: string; admin1: string | null; changes: ControlChange[] }[]> {
    const w: string[] = [];
    const p: unknown[] = [];
    if (countries) {
      w.push(this.db.in('p.country'));
      p.push(this.db.list(countries.map((c) => c.toUpperCase())));
    }
    if (bbox) {
      const [west, s, east, n] = bbox;
      w.push('p.lat BETWEEN ? AND ?', west <= east ? 'p.lon BETWEEN ? AND ?' : '(p.lon >= ? OR p.lon <= ?)');
      p.push(s, n, west, east);
    }
    const keys = await this.db.all<{ entity: string }>(
      `SELECT DISTINCT c.entity FROM pic_control c JOIN pic_places p ON p.key = c.entity ${w.length ? 'WHERE ' + w.join(' AND ') : ''} ORDER BY c.entity LIMIT ?`,
      [...p, limit],
    );
    if (!keys.length) return [];
    const rows = await this.db.all<Row>(
      `SELECT c.data AS c_data, p.* FROM pic_control c JOIN pic_places p ON p.key = c.entity WHERE ${this.db.in('c.entity')} ORDER BY c.entity, c.sort_key`,
      [this.db.list(keys.map((k) => k.entity))],
    );
    const out = new Map<string, { id: string; name: string; lat: number; lon: number; country: string; admin1: string | null; changes: ControlChange[] }>();
    for (const r of rows) {
      const e = entityOf(placeRow(r));
      let pl = out.get(e.id);
      if (!pl) out.set(e.id, (pl = { id: e.id, name: e.name, lat: e.lat, lon: e.lon, country: e.country, admin1: e.admin1, changes: [] }));
      pl.changes.push((typeof r.c_data === 'string' ? JSON.parse(r.c_data) : r.c_data) as ControlChange);
    }
    return [...out.values()];
  }

  /** The documents with these ids, as the event page lists them. */
  async documents(ids: readonly string[]): Promise<{ id: string; title: string | null; outlet: string | null; published: string | null; url: string | null }[]> {
    if (!ids.length) return [];
    const rows = await this.db.all<{ data: unknown }>(`SELECT data FROM pic_docs WHERE ${this.db.in('id')} ORDER BY sort_key`, [this.db.list(ids.slice(0, 500))]);
    return rows.map((r) => {
      const d = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { doc: { id: string; outlet: string | null; published: string | null }; title: string | null; url: string | null };
      return { id: d.doc.id, title: d.title, outlet: d.doc.outlet, published: d.doc.published, url: d.url };
    });
  }
}

const tables = new WeakMap<Store, EventTable>();

/** The desk's event table of a store (one per store object). */
export function eventTable(store: Store, desk: DeskData): EventTable {
  let t = tables.get(store);
  if (!t) tables.set(store, (t = new EventTable(deskDb(store), () => store.picture(), desk, FULL_PASS, store.readOnly)));
  return t;
}
