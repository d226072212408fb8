/**
 * The stored picture read in bounded slices (src/merge/reader.ts PictureReader): every filter narrows the
 * query inside the database — period and area through the spatial index, country, type and certainty by
 * columns, actor and outlet through their side tables — and listings come in pages ordered by an index
 * (keyset paging). The exact filter (src/merge/reader.ts eventMatches) then trims what the index's box
 * let through (the corners of a --near circle).
 */
import { aliasGroup } from '../../merge/actors.js';
import type { ControlChange } from '../../merge/control.js';
import { dayNumber } from '../../merge/dates.js';
import type { Figure } from '../../merge/figures.js';
import { outletKey } from '../../merge/input.js';
import { pickPlace, sortPlaces } from '../../merge/memory-reader.js';
import { entityOf, normName, type PlaceEntity } from '../../merge/places.js';
import {
  controlUpTo,
  eventMatches,
  figureMatches,
  foldActor,
  pageLimit,
  pointMatches,
  type DocumentSummary,
  type Page,
  type PageRequest,
  type PictureDocument,
  type PictureEvent,
  type PictureFilter,
  type PicturePlace,
  type PictureReader,
} from '../../merge/reader.js';
import { searchBox, type MergedEvent } from '../../merge/coref.js';
import { ALL_DAYS, all, placeRow, type PictureSql, type Row, type Sql } from './sql.js';

/** Runs a generator of statements on the store's connection. */
export type Execute = <T>(step: Sql<T>) => Promise<T>;

/** The box (days × latitude × longitude) a filter allows, or null when it sets neither period nor area. */
function boxOf(f: PictureFilter): { d0: number; d1: number; lat0: number; lat1: number; lon0: number; lon1: number } | null {
  if (!f.since && !f.until && !f.near && !f.bbox) return null;
  const d0 = f.since ? dayNumber(f.since) : -ALL_DAYS;
  const d1 = f.until ? dayNumber(f.until) : ALL_DAYS;
  let lat0 = -1000;
  let lat1 = 1000;
  let lon0 = -1000;
  let lon1 = 1000;
  if (f.near) {
    const b = searchBox(f.near.lat, f.near.lon, f.near.radiusKm);
    [lat0, lat1, lon0, lon1] = [b.lat0, b.lat1, b.lon0, b.lon1];
  }
  if (f.bbox) {
    lat0 = Math.max(lat0, f.bbox.south);
    lat1 = Math.min(lat1, f.bbox.north);
    lon0 = Math.max(lon0, f.bbox.west);
    lon1 = Math.min(lon1, f.bbox.east);
  }
  return { d0, d1, lat0, lat1, lon0, lon1 };
}

export class StorePictureReader implements PictureReader {
  constructor(
    private readonly sql: PictureSql,
    private readonly execute: Execute,
  ) {}

  /** The spatial part of a query over `table` (pic_events or pic_figures, aliased t). */
  private spatial(table: 'events' | 'figures', f: PictureFilter): { join: string; where: string[]; params: unknown[] } {
    const b = boxOf(f);
    if (!b) return { join: '', where: [], params: [] };
    const id = table === 'events' ? 'eid' : 'fid';
    // Undated events and figures span every day in the index, but no period keeps them (eventMatches, figureMatches).
    const dated = f.since || f.until ? [`t.${table === 'events' ? 'date_start' : 'when_start'} IS NOT NULL`] : [];
    if (this.sql.dialect === 'sqlite') {
      return {
        join: `JOIN pic_${table}_box x ON x.${id} = t.${id}`,
        where: ['x.d0 <= ?', 'x.d1 >= ?', 'x.lat0 <= ?', 'x.lat1 >= ?', 'x.lon0 <= ?', 'x.lon1 >= ?', ...dated],
        params: [b.d1, b.d0, b.lat1, b.lat0, b.lon1, b.lon0],
      };
    }
    const where = ['t.bx && box(point(?::float8, ?::float8), point(?::float8, ?::float8))', ...dated];
    const params: unknown[] = [b.d0, b.lat0, b.d1, b.lat1];
    if (b.lon0 > -1000) {
      where.push('t.lon BETWEEN ? AND ?');
      params.push(b.lon0, b.lon1);
    }
    return { join: '', where, params };
  }

  private *eventRows(f: PictureFilter, extra: { where: string[]; params: unknown[] }, limit: number): Sql<Row[]> {
    const s = this.spatial('events', f);
    const where = [...s.where, ...extra.where];
    const params = [...s.params, ...extra.params];
    if (f.country) {
      where.push('t.country = ?');
      params.push(f.country.toUpperCase());
    }
    if (f.type) {
      where.push('(t.type = ? OR t.sub_type = ?)');
      params.push(f.type, f.type);
    }
    if (f.certainty) {
      where.push('t.certainty = ?');
      params.push(f.certainty);
    }
    if (f.actor) {
      const q = foldActor(f.actor);
      const g = aliasGroup(f.actor);
      where.push(`EXISTS (SELECT 1 FROM pic_event_actors a WHERE a.eid = t.eid AND (a.alias = ? OR (' ' || a.name || ' ') LIKE ?))`);
      params.push(g >= 0 ? g : -2, `% ${q.replace(/[%_]/g, '')} %`);
    }
    if (f.outlet) {
      where.push('EXISTS (SELECT 1 FROM pic_event_outlets o WHERE o.eid = t.eid AND o.outlet = ?)');
      params.push(outletKey(f.outlet));
    }
    return yield* all<Row>(
      `SELECT t.sort_key, t.data, t.place_key, e.key AS e_key, e.name AS e_name, e.lat AS e_lat, e.lon AS e_lon, e.country AS e_country,
              e.admin1 AS e_admin1, e.kind AS e_kind, e.geoname_id AS e_geoname_id
       FROM pic_events t ${s.join}
       LEFT JOIN pic_places p ON p.key = t.place_key
       LEFT JOIN pic_places e ON e.key = p.entity
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY t.sort_key LIMIT ?`,
      [...params, limit],
    );
  }

  private toEvent(r: Row): Omit<PictureEvent, 'sources'> {
    const ev = JSON.parse(String(r.data)) as Omit<MergedEvent, 'sources'>;
    const place: PlaceEntity | null =
      r.e_key == null
        ? null
        : entityOf({
            key: String(r.e_key),
            name: String(r.e_name),
            lat: Number(r.e_lat),
            lon: Number(r.e_lon),
            country: String(r.e_country),
            admin1: r.e_admin1 == null ? null : String(r.e_admin1),
            kind: String(r.e_kind) as PlaceEntity['kind'],
            geonameId: r.e_geoname_id == null ? null : Number(r.e_geoname_id),
          });
    return { ...ev, place };
  }

  async events(f: PictureFilter, p?: PageRequest, withSources?: (e: Omit<MergedEvent, 'sources'>) => boolean): Promise<Page<PictureEvent>> {
    const limit = pageLimit(p);
    const after = p?.after ? { where: ['t.sort_key > ?'], params: [p.after] } : { where: [], params: [] };
    const rows = await this.execute(this.eventRows(f, after, limit + 1));
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const heads = page.map((r) => this.toEvent(r));
    // The outlet filter reads the sources: every event then comes with them.
    const want = withSources && !f.outlet ? withSources : null;
    const full = await this.execute(this.sql.withSources(want ? heads.filter(want) : heads));
    const bySeed = new Map(full.map((e) => [e.members[0]!, e]));
    const events = heads.map((h) => bySeed.get(h.members[0]!) ?? { ...h, sources: [] });
    return { items: events.filter((e) => eventMatches(e, f)), next: more ? String(page[page.length - 1]!.sort_key) : null };
  }

  private async one(where: string, param: string): Promise<PictureEvent | null> {
    const [r] = await this.execute(this.eventRows({}, { where: [where], params: [param] }, 1));
    if (!r) return null;
    const [ev] = await this.execute(this.sql.withSources([this.toEvent(r)]));
    return ev ?? null;
  }

  async event(id: string): Promise<PictureEvent | null> {
    return this.one('t.id = ?', id);
  }

  async eventOfReport(reportKey: string): Promise<PictureEvent | null> {
    return this.one('t.seed = (SELECT seed FROM pic_reports WHERE key = ?)', reportKey);
  }

  async figures(f: PictureFilter, p?: PageRequest, withClaims?: (f: Omit<Figure, 'claims'>) => boolean): Promise<Page<Figure>> {
    const limit = pageLimit(p);
    const s = this.spatial('figures', f);
    const where = [...s.where];
    const params = [...s.params];
    if (p?.after) {
      where.push('t.sort_key > ?');
      params.push(p.after);
    }
    const rows = await this.execute(
      all<Row>(`SELECT t.sort_key, t.data FROM pic_figures t ${s.join} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY t.sort_key LIMIT ?`, [...params, limit + 1]),
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const heads = page.map((r) => JSON.parse(String(r.data)) as Omit<Figure, 'claims'>);
    const full = await this.execute(this.sql.withClaims(withClaims ? heads.filter(withClaims) : heads));
    const bySeed = new Map(full.map((x) => [x.members[0]!, x]));
    const figures = heads.map((h) => bySeed.get(h.members[0]!) ?? { ...h, claims: [] });
    return { items: figures.filter((x) => figureMatches(x, f)), next: more ? String(page[page.length - 1]!.sort_key) : null };
  }

  private period(f: Pick<PictureFilter, 'since' | 'until'>, col = 'day'): { where: string[]; params: unknown[] } {
    if (!f.since && !f.until) return { where: [], params: [] };
    return { where: [`${col} >= ?`, `${col} <= ?`], params: [f.since ?? '0000-01-01', f.until ?? '9999-12-31'] };
  }

  async documents(f: Pick<PictureFilter, 'since' | 'until'>, p?: PageRequest): Promise<Page<PictureDocument>> {
    const limit = pageLimit(p);
    const w = this.period(f);
    if (p?.after) {
      w.where.push('sort_key > ?');
      w.params.push(p.after);
    }
    const offset = p?.after ? 0 : Math.max(0, Math.floor(p?.offset ?? 0));
    const rows = await this.execute(all<Row>(`SELECT sort_key, data FROM pic_docs ${w.where.length ? 'WHERE ' + w.where.join(' AND ') : ''} ORDER BY sort_key LIMIT ? OFFSET ?`, [...w.params, limit + 1, offset]));
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => {
        const d = JSON.parse(String(r.data)) as { doc: { id: string; outlet: string | null; published: string | null }; title: string | null; url: string | null; publishedFrom: string | null; layers: PictureDocument['layers'] };
        return { id: d.doc.id, title: d.title, outlet: d.doc.outlet, url: d.url, published: d.doc.published, publishedFrom: d.publishedFrom, layers: d.layers };
      }),
      next: more ? String(page[page.length - 1]!.sort_key) : null,
    };
  }

  async documentSummary(f: Pick<PictureFilter, 'since' | 'until'>): Promise<DocumentSummary> {
    const w = this.period(f);
    const [r] = await this.execute(
      all<Row>(`SELECT count(*) AS n, count(DISTINCT outlet) + max(CASE WHEN outlet IS NULL THEN 1 ELSE 0 END) AS outlets, max(day) AS last FROM pic_docs ${w.where.length ? 'WHERE ' + w.where.join(' AND ') : ''}`, w.params),
    );
    const n = Number(r?.n ?? 0);
    return { documents: n, outlets: n === 0 ? 0 : Number(r!.outlets), lastDay: r?.last == null ? null : String(r.last) };
  }

  async places(f: Pick<PictureFilter, 'since' | 'until' | 'near' | 'bbox'>, withEntities: readonly string[]): Promise<PicturePlace[]> {
    const w = this.period(f, 'd.day');
    const mentions = await this.execute(
      all<Row>(
        `SELECT d.id, d.outlet, m.span_start, m.span_end, m.text, p.entity FROM pic_docs d
         JOIN pic_mentions m ON m.doc = d.doc JOIN pic_places p ON p.key = m.place_key
         ${w.where.length ? 'WHERE ' + w.where.join(' AND ') : ''} ORDER BY d.sort_key, m.ord`,
        w.params,
      ),
    );
    const ids = [...new Set([...mentions.map((m) => String(m.entity)), ...withEntities])];
    const entities = new Map<string, PlaceEntity>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const r of await this.execute(all<Row>(`SELECT * FROM pic_places WHERE ${this.sql.in('key')}`, [this.sql.list(chunk)]))) {
        const e = entityOf(placeRow(r));
        if (pointMatches(e.lat, e.lon, f)) entities.set(e.id, e);
      }
    }
    const out = new Map<string, PicturePlace>();
    const get = (id: string): PicturePlace | null => {
      let p = out.get(id);
      if (!p) {
        const e = entities.get(id);
        if (!e) return null;
        out.set(id, (p = { ...e, mentions: [], documents: [], control: [] }));
      }
      return p;
    };
    for (const m of mentions) {
      const p = get(String(m.entity));
      if (!p) continue;
      const id = String(m.id);
      p.mentions.push({ documentId: id, outlet: m.outlet == null ? null : String(m.outlet), start: Number(m.span_start), end: Number(m.span_end), text: String(m.text) });
      if (p.documents[p.documents.length - 1] !== id && !p.documents.includes(id)) p.documents.push(id);
    }
    for (const id of withEntities) get(id);
    const keys = [...out.keys()];
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      for (const r of await this.execute(all<Row>(`SELECT entity, data FROM pic_control WHERE ${this.sql.in('entity')} ORDER BY entity, sort_key`, [this.sql.list(chunk)]))) {
        out.get(String(r.entity))!.control.push(JSON.parse(String(r.data)) as ControlChange);
      }
    }
    for (const p of out.values()) p.control = controlUpTo(p.control, f.until, f.since);
    return sortPlaces([...out.values()]);
  }

  async generation(): Promise<string> {
    return this.execute(this.sql.generation());
  }

  async counts(): Promise<{ documents: number; events: number; figures: number; places: number }> {
    const [r] = await this.execute(
      all<Row>(`SELECT (SELECT count(*) FROM pic_docs) AS documents, (SELECT count(*) FROM pic_events) AS events, (SELECT count(*) FROM pic_figures) AS figures, (SELECT count(DISTINCT entity) FROM pic_places) AS places`),
    );
    return { documents: Number(r!.documents), events: Number(r!.events), figures: Number(r!.figures), places: Number(r!.places) };
  }

  async findPlace(name: string): Promise<PlaceEntity | null> {
    const n = normName(name);
    let rows = await this.execute(all<Row>(`SELECT e.* FROM pic_places p JOIN pic_places e ON e.key = p.entity WHERE p.norm = ?`, [n]));
    if (rows.length === 0) {
      rows = await this.execute(all<Row>(`SELECT e.* FROM pic_place_names x JOIN pic_places p ON p.key = x.place_key JOIN pic_places e ON e.key = p.entity WHERE x.norm = ?`, [n]));
    }
    return pickPlace(rows.map((r) => entityOf(placeRow(r))));
  }
}
