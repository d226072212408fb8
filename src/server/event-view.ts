/**
 * The events the desk shows: the picture's merged events with every review applied (src/desk/reviews.ts),
 * each with its search text, kept per snapshot and review version — a new document or a new review
 * makes the next request build it again. Filters, pages, points for the map and facets read from it.
 */
import { applyOverrides, type Override } from '../desk/reviews.js';
import { eventKeys, keyMatcher, words, type EventFilter, type EventKeys } from '../desk/filter.js';
import type { Report, ReportEvent } from '../report/model.js';
import type { Snapshot } from './snapshot.js';
import type { Ctx } from './context.js';
import { km } from '../merge/geo.js';

export interface EventView {
  report: Report;
  events: ReportEvent[];
  keys: EventKeys[];
  /** Every word of what `q` searches, for finding candidates without reading every event. */
  words: WordIndex;
  /** Each event as JSON, made on first use: a page of events is these strings joined. */
  json: (string | undefined)[];
  byId: Map<string, number>;
  orphans: Override[];
  overrides: Override[];
}

/** Sorted distinct words with the events holding each: a word prefix finds its events by binary search. */
export class WordIndex {
  private readonly list: string[];
  private readonly postings: number[][];

  constructor(texts: readonly string[]) {
    const map = new Map<string, number[]>();
    texts.forEach((t, i) => {
      for (const w of new Set(t.split(' '))) {
        if (!w) continue;
        const p = map.get(w);
        if (p) p.push(i);
        else map.set(w, [i]);
      }
    });
    this.list = [...map.keys()].sort();
    this.postings = this.list.map((w) => map.get(w)!);
  }

  /** The events with a word starting with `prefix`. */
  find(prefix: string): Set<number> {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<number>();
    for (let i = lo; i < this.list.length && this.list[i]!.startsWith(prefix); i++) for (const e of this.postings[i]!) out.add(e);
    return out;
  }
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
  const keys = events.map(eventKeys);
  const view: EventView = { report, events, keys, words: new WordIndex(keys.map((k) => k.text)), json: [], byId: new Map(events.map((e, i) => [e.id, i])), orphans, overrides };
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

/** An event's JSON, made once per view. */
export function eventJson(view: EventView, i: number): string {
  return (view.json[i] ??= JSON.stringify(view.events[i]));
}

/** Indexes of the events that pass the filter (and the area), in the order asked for. */
export function select(view: EventView, f: EventFilter, near: Near | null = null, sort: Sort = 'date', skip?: keyof EventFilter): number[] {
  const m = keyMatcher(f, skip);
  // Full text narrows first through the word index; the other filters then read only those events.
  let candidates: number[] | null = null;
  if (f.q && skip !== 'q') {
    let acc: Set<number> | null = null;
    for (const w of words(f.q)) {
      const hit = view.words.find(w);
      const prev: Set<number> | null = acc;
      acc = prev ? new Set([...prev].filter((i: number) => hit.has(i))) : hit;
    }
    candidates = [...(acc ?? [])].sort((a, b) => a - b);
  }
  const out: number[] = [];
  const test = (i: number) => {
    const k = view.keys[i]!;
    if (near && (k.lat === null || k.lon === null || km(near.lat, near.lon, k.lat, k.lon) > near.radiusKm)) return;
    if (m(k)) out.push(i);
  };
  if (candidates) for (const i of candidates) test(i);
  else for (let i = 0; i < view.keys.length; i++) test(i);
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
