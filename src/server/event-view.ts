/**
 * The events the desk shows: the picture's merged events with every review applied (src/desk/reviews.ts),
 * each with its search text, kept per snapshot and review version — a new document or a new review
 * makes the next request build it again. Filters, pages, points for the map and facets read from it.
 */
import { applyOverrides, type Override } from '../desk/reviews.js';
import { matcher, searchText, type EventFilter } from '../desk/filter.js';
import type { Report, ReportEvent } from '../report/model.js';
import type { Snapshot } from './snapshot.js';
import type { Ctx } from './context.js';
import { km } from '../merge/geo.js';

export interface EventView {
  report: Report;
  events: ReportEvent[];
  texts: string[];
  byId: Map<string, number>;
  orphans: Override[];
  overrides: Override[];
}

const views = new WeakMap<Snapshot, { version: number; view: EventView }>();

export async function eventView(ctx: Ctx): Promise<EventView> {
  const snap = await ctx.snapshots.get();
  const version = await ctx.desk.overridesVersion();
  const hit = views.get(snap);
  if (hit && hit.version === version) return hit.view;
  const report = await snap.report({});
  const overrides = version === 0 ? [] : await ctx.desk.overrides();
  const { events, orphans } = applyOverrides(report.events, overrides);
  const view: EventView = { report, events, texts: events.map(searchText), byId: new Map(events.map((e, i) => [e.id, i])), orphans, overrides };
  views.set(snap, { version, view });
  return view;
}

export interface Near {
  lat: number;
  lon: number;
  radiusKm: number;
}

export const SORTS = ['date', '-date', 'deaths', '-deaths', 'outlets', '-outlets'] as const;
export type Sort = (typeof SORTS)[number];

/** Indexes of the events that pass the filter (and the area), in the order asked for. */
export function select(view: EventView, f: EventFilter, near: Near | null = null, sort: Sort = 'date', skip?: keyof EventFilter): number[] {
  const m = matcher(f, skip);
  const out: number[] = [];
  view.events.forEach((e, i) => {
    if (near && (!e.location || km(near.lat, near.lon, e.location.lat, e.location.lon) > near.radiusKm)) return;
    if (m(e, view.texts[i])) out.push(i);
  });
  if (sort !== 'date') {
    const key = (e: ReportEvent) => (sort.endsWith('date') ? (e.date?.start ?? '') : sort.endsWith('deaths') ? (e.fatalities.best ?? -1) : e.corroboration);
    const dir = sort.startsWith('-') ? -1 : 1;
    out.sort((a, b) => {
      const x = key(view.events[a]!);
      const y = key(view.events[b]!);
      return (x < y ? -1 : x > y ? 1 : a - b) * dir;
    });
  }
  return out;
}
