/**
 * The merged events, read from the picture kept in the store: `/api/events` page by page with every
 * filter the store answers inside the database, and `/api/events/:id` one event with all its reports.
 * These are the stable read API the web app builds on (docs/server.md, "Events").
 */
import { UsageError } from '../cli/command.js';
import { selection } from '../cli/commands/report.js';
import type { PictureEvent, PictureFilter, PictureReader } from '../merge/reader.js';
import { resolveNear, ReportError, toEvent, type ReportEvent } from '../report/model.js';
import type { Ctx } from './context.js';
import { HttpError, sendJson } from './http.js';
import { intParam, readParams } from './params.js';

export const EVENTS_PREFIX = '/api/events/';

/** The picture kept in the store; a 503 when it must be rebuilt first. */
export async function pictureOf(ctx: Ctx): Promise<PictureReader> {
  if ((await ctx.store.pictureState()) !== 'ok') {
    throw new HttpError(503, 'picture_stale', 'the situation picture in this store is not built yet: run `sitrep rebuild`');
  }
  return ctx.store.picture();
}

/** An event as the API gives it: the report's event, with its place entity and its reports' keys. */
export interface ApiEvent extends ReportEvent {
  place: { id: string; name: string; lat: number; lon: number; country: string } | null;
  /** Its reports: `<document content hash>:e<ordinal>`, in the order they were clustered. */
  members: string[];
}

export function apiEvent(e: PictureEvent): ApiEvent {
  return {
    ...toEvent(e),
    place: e.place ? { id: e.place.id, name: e.place.name, lat: e.place.lat, lon: e.place.lon, country: e.place.country } : null,
    members: e.members,
  };
}

const FILTER_PARAMS = ['since', 'until', 'near', 'radius', 'bbox', 'country', 'type', 'actor', 'outlet', 'certainty'] as const;

export async function listEvents(ctx: Ctx): Promise<void> {
  const p = readParams(ctx.url.searchParams, [...FILTER_PARAMS, 'limit', 'after']);
  const limit = intParam(p, 'limit', 100, 1, 1000);
  let opts;
  try {
    opts = selection(p);
  } catch (e) {
    if (e instanceof UsageError) throw new HttpError(400, 'usage', e.message.replace(/--([a-z]+)\b/g, '$1'));
    throw e;
  }
  const reader = await pictureOf(ctx);
  let near: PictureFilter['near'] = null;
  if (opts.near) {
    try {
      const at = await resolveNear(reader, opts.near);
      near = { lat: at.lat, lon: at.lon, radiusKm: opts.radiusKm ?? 50 };
    } catch (e) {
      if (e instanceof ReportError) throw new HttpError(400, 'usage', e.message.replace(/--(near|radius)\b/g, '$1'));
      throw e;
    }
  }
  const f: PictureFilter = { since: opts.since, until: opts.until, near, bbox: opts.bbox, country: opts.country, type: opts.type, actor: opts.actor, outlet: opts.outlet, certainty: opts.certainty };
  const page = await reader.events(f, { after: p.after ?? null, limit });
  const query = new URLSearchParams();
  for (const k of FILTER_PARAMS) if (p[k] !== undefined) query.set(k, p[k]!);
  query.set('limit', String(limit));
  if (page.next) query.set('after', page.next);
  sendJson(ctx.res, 200, {
    schema: 'sitrep-events/1',
    filter: Object.fromEntries(FILTER_PARAMS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]])),
    events: page.items.map(apiEvent),
    next: page.next ? `/api/events?${query.toString()}` : null,
  });
}

export async function getEvent(ctx: Ctx, id: string): Promise<void> {
  readParams(ctx.url.searchParams, []);
  const e = await (await pictureOf(ctx)).event(id);
  if (!e) throw new HttpError(404, 'not_found', `no event ${JSON.stringify(id.slice(0, 80))} (ids change when events are merged or split: find it again by a report in /api/events)`);
  sendJson(ctx.res, 200, { schema: 'sitrep-event/1', event: apiEvent(e) });
}
