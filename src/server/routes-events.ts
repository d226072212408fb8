/**
 * The desk's event routes: `/api/events` (filtered, sorted, paged), `/api/events/points` (every matching
 * located event in a few fields, for the map and the timeline), `/api/facets` (counts per filter value),
 * `/api/events/ID` (one event with its history, figures and control changes), `POST /api/events/ID/review`
 * (confirm, correct, reject, restore, split, merge), `/api/control` (places whose control changed) and
 * `/api/feed.atom`. Filters are those of src/desk/filter.ts, the same in the web app's URL.
 */
import { acledCountry } from '../export/acled-countries.js';
import { FILTER_PARAMS, FilterError, parseFilter, type EventFilter } from '../desk/filter.js';
import { SUB_TYPES } from '../desk/event-types.js';
import { checkCorrection, REVIEW_ACTIONS, sourceRef, splitId, type ReviewAction, type SourceRef } from '../desk/reviews.js';
import { escapeHtml } from '../report/escape.js';
import { ReportError, resolveNear, toControl, toFigure, type ReportEvent } from '../report/model.js';
import { readObject, stringField } from './body.js';
import type { Ctx } from './context.js';
import { COUNT_CAP, type EventTable } from '../desk/event-table.js';
import type { PictureFilter } from '../merge/reader.js';
import { eventView, SORTS, type Near, type Sort } from './event-view.js';
import { HttpError, send, sendJson } from './http.js';
import { intParam, readParams, type Params } from './params.js';

/** A period no document is published in: asks the picture for a place's control history and no mentions. */
const NO_DAY = '9999-12-31';
const REPORT_SCHEMA = 'sitrep-report/1';

export const EVENT_PARAMS = [...FILTER_PARAMS, 'near', 'radius'] as const;

export interface Selection {
  filter: EventFilter;
  near: Near | null;
}

/** The filter and area of a request (400 for anything wrong). */
export async function selectionOf(ctx: Ctx, p: Params): Promise<Selection> {
  let filter: EventFilter;
  try {
    filter = parseFilter(p);
  } catch (e) {
    if (e instanceof FilterError) throw new HttpError(400, 'usage', e.message);
    throw e;
  }
  let near: Near | null = null;
  if (p.near !== undefined && p.near.trim() !== '') {
    let radiusKm = 50;
    if (p.radius !== undefined) {
      radiusKm = Number(p.radius);
      if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > 20_000) throw new HttpError(400, 'usage', `radius must be a positive number of km, got ${JSON.stringify(p.radius.slice(0, 20))}`);
    }
    try {
      const r = await resolveNear(ctx.store.picture(), p.near.trim());
      near = { lat: r.lat, lon: r.lon, radiusKm };
    } catch (e) {
      if (e instanceof ReportError) throw new HttpError(400, 'usage', e.message.replace(/--(near|radius)\b/g, '$1'));
      throw e;
    }
  } else if (p.radius !== undefined) throw new HttpError(400, 'usage', 'radius goes with near');
  return { filter, near };
}

function sortOf(p: Params): Sort {
  const s = p.sort ?? 'date';
  if (!(SORTS as readonly string[]).includes(s)) throw new HttpError(400, 'usage', `sort must be one of ${SORTS.join(', ')}`);
  return s as Sort;
}

export async function listEvents(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, [...EVENT_PARAMS, 'limit', 'offset', 'sort']);
  const limit = intParam(p, 'limit', 100, 1, 1000);
  const offset = intParam(p, 'offset', 0, 0, 1e9);
  const sort = sortOf(p);
  const sel = await selectionOf(ctx, p);
  const t = await eventView(ctx);
  // Matches are counted up to COUNT_CAP (or past this page): a broad filter costs no more than a narrow one.
  const cap = Math.max(COUNT_CAP, offset + limit + 1);
  const [counted, page, latest] = await Promise.all([t.countUpTo(sel.filter, sel.near, cap), t.page(sel.filter, sel.near, sort, limit, offset), t.latestDay()]);
  const totalExact = counted < cap;
  const total = counted;
  const next = offset + limit < total ? (() => {
    const q = new URLSearchParams(ctx.url.searchParams);
    q.set('offset', String(offset + limit));
    q.set('limit', String(limit));
    return `/api/events?${q}`;
  })() : null;
  // The page is each event's stored JSON joined: no event is parsed or serialised again.
  const head = JSON.stringify({
    schema: REPORT_SCHEMA,
    period: { since: sel.filter.since ?? null, until: sel.filter.until ?? null, latest: latest ? { start: latest, end: latest } : null },
    near: sel.near ? { name: p.near!.trim(), ...sel.near } : null,
    total,
    totalExact,
    limit,
    offset,
    next,
  });
  send(ctx.res, 200, 'application/json; charset=utf-8', `${head.slice(0, -1)},"events":[${page.join(',')}]}\n`);
}

const round4 = (v: unknown) => (v === null || v === undefined ? null : Number(Number(v).toFixed(4)));

/** Map and timeline: the matching events in a few fields. Bounded: at most `limit` (default 20,000). */
export async function eventPoints(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, [...EVENT_PARAMS, 'limit']);
  const limit = intParam(p, 'limit', 20_000, 1, 50_000);
  const sel = await selectionOf(ctx, p);
  const t = await eventView(ctx);
  const [total, rows] = await Promise.all([t.count(sel.filter, sel.near), t.points(sel.filter, sel.near, limit)]);
  sendJson(ctx.res, 200, {
    total,
    truncated: total > limit,
    points: rows.map((r) => ({
      id: r.id,
      type: r.type,
      subType: r.sub_type,
      start: r.date_start ?? null,
      end: r.date_end ?? null,
      lat: round4(r.lat),
      lon: round4(r.lon),
      precision: r.precision === null || r.precision === undefined ? null : Number(r.precision),
      place: r.place ?? null,
      country: r.country ?? null,
      deaths: r.deaths === null || r.deaths === undefined ? null : Number(r.deaths),
      outlets: Number(r.corroboration),
      review: r.status === 'unreviewed' ? null : r.status,
    })),
  });
}

const BUCKETS = ['day', 'month', 'year'] as const;

/** The timeline's bars: matching dated events counted per day, month or year of their start and per type. */
export async function eventTimeline(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, [...EVENT_PARAMS, 'bucket']);
  const bucket = p.bucket ?? 'month';
  if (!(BUCKETS as readonly string[]).includes(bucket)) throw new HttpError(400, 'usage', `bucket must be one of ${BUCKETS.join(', ')}`);
  const sel = await selectionOf(ctx, p);
  const t = await eventView(ctx);
  sendJson(ctx.res, 200, { bucket, buckets: await t.timeline(sel.filter, sel.near, bucket as (typeof BUCKETS)[number]) });
}

const FACETS = [
  ['country', 'country'],
  ['admin1', 'admin1'],
  ['type', 'type'],
  ['subType', 'sub_type'],
  ['certainty', 'certainty'],
] as const;

/** Counts per value of each filter, each counted with the other filters applied (what choosing it would give). */
export async function facets(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, EVENT_PARAMS);
  const sel = await selectionOf(ctx, p);
  const t = await eventView(ctx);
  const out: Record<string, { value: string; label: string; count: number }[]> = {};
  for (const [k, col] of FACETS) {
    out[k] = (await t.facet(col, k, sel.filter, sel.near, 200)).map(({ value, count }) => ({ value, label: k === 'country' ? (acledCountry(value)?.name ?? value) : value, count }));
  }
  out.outlet = (await t.termFacet('o', 'outlet', sel.filter, sel.near, 200)).map(({ value, count }) => ({ value, label: value, count }));
  out.actor = (await t.termFacet('n', undefined, sel.filter, sel.near, 50)).map(({ value, count }) => ({ value, label: value, count }));
  sendJson(ctx.res, 200, { total: await t.count(sel.filter, sel.near), facets: { country: out.country, admin1: out.admin1, type: out.type, subType: out.subType, outlet: out.outlet, certainty: out.certainty, actor: out.actor }, subTypes: SUB_TYPES });
}

function eventParam(ctx: Ctx): { id: string; rest: string } {
  let raw: string;
  try {
    raw = decodeURIComponent(ctx.param);
  } catch {
    throw new HttpError(400, 'usage', 'the event id is not valid percent-encoding');
  }
  const slash = raw.indexOf('/');
  return slash < 0 ? { id: raw, rest: '' } : { id: raw.slice(0, slash), rest: raw.slice(slash + 1) };
}

async function eventIn(t: EventTable, id: string): Promise<ReportEvent> {
  const e = await t.event(id);
  if (!e) throw new HttpError(404, 'not_found', `no event with id ${JSON.stringify(id.slice(0, 80))}`);
  return e;
}

/** One event with what the event page shows beside it. */
export async function getEvent(ctx: Ctx): Promise<void> {
  const { id, rest } = eventParam(ctx);
  if (rest) throw new HttpError(404, 'not_found', `no such page: /api/events/${id}/${rest.slice(0, 40)} (POST /api/events/ID/review reviews an event)`);
  readParams(ctx.url.searchParams, []);
  const t = await eventView(ctx);
  const e = await eventIn(t, id);
  const reader = ctx.store.picture();
  // The figures the event's sentences give: those of its days (or, undated, of its place), then matched by sentence.
  const inSentence = (d: string, start: number) => e.sources.some((s) => s.documentId === d && start >= s.sentence.start && start < s.sentence.end);
  const around: PictureFilter | null = e.date ? { since: e.date.start, until: e.date.end } : e.location ? { near: { lat: e.location.lat, lon: e.location.lon, radiusKm: 1 } } : null;
  const figures = around ? (await reader.figures(around, { limit: 1000 })).items.filter((f) => f.claims.some((c) => inSentence(c.documentId, c.start))).map(toFigure) : [];
  // Changes of control it made: in the history of the place the picture put it at.
  const base = await t.baseOf(e.id);
  const place = base ? (await reader.event(base))?.place : null;
  const control = place
    ? (await reader.places({ since: NO_DAY, until: NO_DAY }, [place.id])).flatMap((pl) => pl.control.filter((c) => c.eventId === id).map((c) => ({ place: pl.name, placeId: pl.id, ...toControl(c) })))
    : [];
  const documents = await t.documents([...new Set(e.sources.map((s) => s.documentId))]);
  const history = await ctx.desk.auditLog({ target: id, limit: 200 });
  const admin = ctx.identity.account?.role === 'admin';
  sendJson(ctx.res, 200, { event: e, documents, figures, control, history: history.map((h) => (admin ? h : { ...h, client: null })) });
}

function refsOf(v: unknown, e: ReportEvent): SourceRef[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 500) throw new HttpError(400, 'usage', 'sources must be a non-empty list of {documentId, start, end}');
  return v.map((x) => {
    const r = x as SourceRef;
    if (typeof r !== 'object' || r === null || typeof r.documentId !== 'string' || !Number.isInteger(r.start) || !Number.isInteger(r.end)) throw new HttpError(400, 'usage', 'each source is {documentId, start, end}');
    const s = e.sources.find((y) => y.documentId === r.documentId && y.start === r.start && y.end === r.end);
    if (!s) throw new HttpError(400, 'usage', `the event has no report ${r.documentId} ${r.start}-${r.end}`);
    return sourceRef(s);
  });
}

/** `POST /api/events/ID/review`: one review, stored as an override and logged. */
export async function reviewEvent(ctx: Ctx): Promise<void> {
  const { id, rest } = eventParam(ctx);
  if (rest !== 'review') throw new HttpError(404, 'not_found', 'POST to /api/events/ID/review');
  readParams(ctx.url.searchParams, []);
  const { value } = await readObject(ctx.req);
  const action = value.action as ReviewAction;
  if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) throw new HttpError(400, 'usage', `action must be one of ${REVIEW_ACTIONS.join(', ')}`);
  const why = stringField(value, 'why', 2000) || null;
  const allowed = new Set(['action', 'why', ...(action === 'correct' ? ['changes'] : action === 'split' ? ['sources'] : action === 'merge' ? ['into'] : [])]);
  for (const k of Object.keys(value)) if (!allowed.has(k)) throw new HttpError(400, 'usage', `${action} takes no ${JSON.stringify(k)}`);
  const view = await eventView(ctx);
  const e = await eventIn(view, id);
  const status = e.review?.status;
  if (status === 'merged' && action !== 'restore') throw new HttpError(409, 'conflict', `${id} was merged into ${e.review!.mergedInto}: review that event`);
  let data: Record<string, unknown> = {};
  switch (action) {
    case 'correct': {
      const c = value.changes;
      if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new HttpError(400, 'usage', 'changes must be an object of the fields to set');
      const bad = checkCorrection(c as Record<string, unknown>);
      if (bad) throw new HttpError(400, 'usage', bad);
      const changes = c as Record<string, unknown>;
      const type = (changes.type as keyof typeof SUB_TYPES | undefined) ?? e.type;
      const sub = (changes.subType as string | undefined) ?? (changes.type ? undefined : e.subType);
      if (sub !== undefined && !SUB_TYPES[type]?.includes(sub)) throw new HttpError(400, 'usage', `${JSON.stringify(sub)} is not a sub-type of ${type} (${SUB_TYPES[type]?.join(', ')})`);
      if (changes.type && changes.subType === undefined) changes.subType = SUB_TYPES[type]!.includes(e.subType) ? e.subType : SUB_TYPES[type]![0];
      data = changes;
      break;
    }
    case 'split': {
      const moved = refsOf(value.sources, e);
      if (moved.length >= e.sources.length) throw new HttpError(400, 'usage', 'a split moves some of the reports, not all of them');
      data = { sources: moved, newId: splitId(e.id, moved) };
      break;
    }
    case 'merge': {
      const into = typeof value.into === 'string' ? value.into : '';
      const t = await eventIn(view, into);
      if (t.id === e.id) throw new HttpError(400, 'usage', 'an event cannot be merged into itself');
      if (t.review?.status === 'merged' || t.review?.status === 'rejected') throw new HttpError(409, 'conflict', `${into} is ${t.review.status}`);
      data = { into: t.id };
      break;
    }
    case 'restore':
      if (status !== 'rejected' && status !== 'merged') throw new HttpError(409, 'conflict', `${id} is not rejected or merged`);
      break;
  }
  const account = ctx.identity.account!.name;
  const o = await ctx.desk.addOverride({ eventId: e.id, action, data, anchor: e.sources.slice(0, 50).map(sourceRef), account, why });
  await ctx.audit(`review.${action}`, e.id, data, why);
  if (action === 'merge') await ctx.audit('review.merged-in', String(data.into), { from: e.id }, why);
  if (action === 'split') await ctx.audit('review.split-off', String(data.newId), { from: e.id }, why);
  await view.sync();
  const related = action === 'split' ? String(data.newId) : action === 'merge' ? String(data.into) : null;
  sendJson(ctx.res, 201, {
    override: o,
    event: (await view.event(e.id)) ?? e,
    related: related ? await view.event(related) : null,
  });
}

/** Places whose control changed, in the filter's countries, area and period. */
export async function controlChanges(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, EVENT_PARAMS);
  const sel = await selectionOf(ctx, p);
  const t = await eventView(ctx);
  const f = sel.filter;
  const places = (await t.controlPlaces(f.country ?? null, f.bbox ?? null))
    .map((pl) => ({
      ...pl,
      changes: pl.changes
        .filter((c) => (!f.since || !c.date || c.date.end >= f.since) && (!f.until || !c.date || c.date.start <= f.until))
        .map((c) => ({ date: c.date, holder: c.holder, previous: c.previous, how: c.how, part: c.part, eventId: c.eventId })),
    }))
    .filter((pl) => pl.changes.length > 0);
  sendJson(ctx.res, 200, { places });
}

/** XML 1.0 allows no C0 control character but tab, newline and return. */
const xml = (s: string) => escapeHtml([...s].filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r').join(''));

/** `/api/feed.atom`: the latest events matching the filter (newest first), for a feed reader. */
export async function eventFeed(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, [...EVENT_PARAMS, 'limit']);
  const limit = intParam(p, 'limit', 50, 1, 500);
  const sel = await selectionOf(ctx, p);
  const t = await eventView(ctx);
  const hits = (await t.page(sel.filter, sel.near, '-date', limit, 0)).map((d) => JSON.parse(d) as ReportEvent);
  const host = /^[A-Za-z0-9.:[\]-]+$/.test(ctx.req.headers.host ?? '') ? ctx.req.headers.host : '127.0.0.1';
  const base = `http://${host}`;
  const updated = new Date().toISOString();
  const entries = hits.map((e) => {
    const when = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start} to ${e.date.end}`) : 'undated';
    const title = `${e.type} / ${e.subType} — ${e.location?.name ?? 'place unknown'}, ${when}${e.fatalities.best !== null ? `, ${e.fatalities.best} killed` : ''}`;
    const text = `${e.sources[0]?.sentence.text ?? ''} (${e.outlets.join('; ') || 'outlet unknown'}${e.review ? `; reviewed: ${e.review.status}` : ''})`;
    return `<entry><id>urn:sitrep:event:${xml(e.id)}</id><title>${xml(title)}</title><updated>${e.date ? `${e.date.end}T00:00:00Z` : updated}</updated><link href="${xml(`${base}/events/${encodeURIComponent(e.id)}`)}"/><content type="text">${xml(text)}</content></entry>`;
  });
  const self = `${base}/api/feed.atom${ctx.url.search}`;
  const body = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(self)}</id><title>sitrep events</title><updated>${updated}</updated><link rel="self" href="${xml(self)}"/><author><name>sitrep</name></author>${entries.join('')}</feed>\n`;
  send(ctx.res, 200, 'application/atom+xml; charset=utf-8', body);
}
